"""Conformance checks: small named units that raise ConformanceFailure with expected and actual.

Steps call these; they never assert inline, so every failure reads the same way in the report.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from clients.driver import Driver, Screen
from harness.errors import ConformanceFailure
from mocks.mail.store import MailTimeout
from mocks.micollab_server.app import LICENSE
from mocks.mitel_one.api import EULA

SCREEN_TIMEOUT = 10.0


def _evidence(driver: Driver) -> str:
    return f"  screens shown: {' -> '.join(driver.history()) or '(none)'}"


def _showing(driver: Driver, shows, timeout: float = SCREEN_TIMEOUT) -> Screen:
    """The screen once `shows(screen)` holds, for a driver whose screens change on their own (a
    browser's `wait_for`), waiting as long as a user would; for the others, the screen now."""
    wait_for = getattr(driver, "wait_for", None)
    return wait_for(shows, timeout) if wait_for else driver.screen()


def current_screen(driver: Driver, name: str) -> Screen:
    """The screen called `name`, waiting for it as long as a user would."""
    screen = driver.wait_for_screen(name, SCREEN_TIMEOUT)
    if screen.name.casefold() != name.casefold():  # "the Password page" is the password screen
        raise ConformanceFailure(f"the {name} screen is displayed", name, describe_screen(screen), _evidence(driver))
    return screen


def one_of_screens(driver: Driver, names: tuple[str, ...]) -> str:
    """Which of the screens `names` is displayed, waiting for one as a user would; another
    screen is a failure."""
    wanted = {name.casefold(): name for name in names}
    screen = _showing(driver, lambda shown: shown.name.casefold() in wanted)
    if screen.name.casefold() not in wanted:
        one = " or ".join(names)
        raise ConformanceFailure(f"the {one} screen is displayed", one, describe_screen(screen), _evidence(driver))
    return wanted[screen.name.casefold()]


def describe_screen(screen: Screen) -> str:
    shown = f"the {screen.name} screen"
    return f"{shown} saying {' '.join(screen.messages)!r}" if screen.messages else shown


def button_offered(driver: Driver, label: str) -> None:
    _offered(driver, label, "buttons", f"{label} is offered", f"a {label} button")


def button_not_offered(driver: Driver, label: str) -> None:
    screen = driver.screen()
    if label in screen.buttons:
        raise ConformanceFailure(f"{label} is not offered", "not offered", list(screen.buttons), _evidence(driver))


def element_offered(driver: Driver, label: str) -> None:
    """A user taps only what the screen shows."""
    _offered(driver, label, "elements", f"the {label} is shown", label)


def field_offered(driver: Driver, label: str) -> None:
    _offered(driver, label, "fields", f"the {label} field is shown", label)


def fill_offered(driver: Driver, label: str, value: str) -> None:
    """Fills a field once it is shown: a field the client never shows is its failure to conform."""
    field_offered(driver, label)
    driver.fill(label, value)


def _offered(driver: Driver, label: str, kind: str, check: str, expected: str) -> None:
    screen = _showing(driver, lambda shown: label in getattr(shown, kind))
    if label not in getattr(screen, kind):
        found = f"{describe_screen(screen)} with {list(getattr(screen, kind))}"
        raise ConformanceFailure(check, expected, found, _evidence(driver))


def field_not_offered(driver: Driver, label: str) -> None:
    screen = driver.screen()
    if label in screen.fields:
        raise ConformanceFailure(f"the {label} field is not shown", "not shown", list(screen.fields), _evidence(driver))


def not_notified(delivered: int, raised: list[str], shown: tuple[str, ...]) -> None:
    """Nothing reached the user: the platform notified no session of theirs, and the page raised
    no system notification."""
    if delivered or raised:
        actual = f"{delivered} session(s) notified; system notifications {raised}; on screen {list(shown)}"
        raise ConformanceFailure("no notification after logout", "none", actual)


def email_received(mail, address: str, subject: str):
    """The e-mail the client's action should have made the platform send."""
    try:
        return mail.wait_for(address, subject)
    except MailTimeout as missing:
        raise ConformanceFailure(f"an e-mail {subject!r} reaches {address}", "the e-mail", str(missing)) from None


def installable(errors: list[str]) -> None:
    if errors:
        raise ConformanceFailure("the browser can install the app", "no installability errors", errors)


def only_fields(driver: Driver, labels: list[str]) -> None:
    screen = driver.screen()
    if sorted(screen.fields) != sorted(labels):
        raise ConformanceFailure("the page displays only these fields", labels, list(screen.fields), _evidence(driver))


def error_shown(driver: Driver, screen: str | None = None) -> Screen:
    """The user is shown an error: a message on the screen (`Screen.messages`: an alert, a
    status), on `screen` where the document keeps the user there. Its words are the product's
    own: the documents print none, so none are demanded."""

    def shows_error(shown: Screen) -> bool:
        return bool(shown.messages) and (screen is None or shown.name.casefold() == screen.casefold())

    shown = _showing(driver, shows_error)
    if not shows_error(shown):
        where = f"the {screen} screen" if screen else "the screen"
        raise ConformanceFailure(
            f"{where} shows an error", f"a message on {where}", describe_screen(shown), _evidence(driver)
        )
    return shown


def no_error_on(driver: Driver, name: str) -> None:
    """The screen called `name`, with no message on it: nothing has failed yet."""
    screen = current_screen(driver, name)
    if screen.messages:
        raise ConformanceFailure(
            f"the {name} screen is displayed with no error", "no message", describe_screen(screen), _evidence(driver)
        )


def screen_left(driver: Driver, name: str) -> None:
    """The user is no longer on the screen called `name`, wherever the product takes them."""
    shown = _showing(driver, lambda screen: screen.name.casefold() != name.casefold())
    if shown.name.casefold() == name.casefold():
        raise ConformanceFailure(
            f"the {name} screen is left", "another screen", describe_screen(shown), _evidence(driver)
        )


def message_contains(driver: Driver, words: str) -> None:
    """The words a seed prints (e.g. "Contact your IT administrator") in a message on the screen;
    only for such words: anywhere else, `error_shown`."""

    def says(screen: Screen) -> bool:
        return any(words.lower() in message.lower() for message in screen.messages)

    screen = _showing(driver, says)
    if not says(screen):
        raise ConformanceFailure(f"the client says {words!r}", words, list(screen.messages), _evidence(driver))


def still_says(driver, words: str) -> None:
    """`words` are still in a message once the page has finished what it started (a browser's
    `screen_when_done`: its timers, a page they led to): advice the user has time to read."""
    screen = driver.screen_when_done()
    if not any(words.lower() in message.lower() for message in screen.messages):
        what = f"the client still says {words!r} a moment later"
        raise ConformanceFailure(what, words, describe_screen(screen), _evidence(driver))


def screens_in_order(driver: Driver, names: list[str]) -> None:
    """`names` were shown one right after the other, the last one being the screen shown now."""
    history = driver.history()
    if history[-len(names) :] != names:
        raise ConformanceFailure("screens shown in this order", names, history, _evidence(driver))


def never_shown(driver: Driver, name: str) -> None:
    if name.casefold() in (shown.casefold() for shown in driver.history()):
        raise ConformanceFailure(f"the {name} screen is not shown", "never", driver.history(), _evidence(driver))


def shown_times(driver: Driver, name: str, times: int) -> None:
    shown = [screen for screen in driver.history() if screen.casefold() == name.casefold()]
    if len(shown) != times:
        raise ConformanceFailure(f"the {name} screen is shown {times} time(s)", times, len(shown), _evidence(driver))


def elements_shown(driver: Driver, elements: list[str]) -> None:
    screen = driver.screen()
    missing = [e for e in elements if e not in screen.elements]
    if missing:
        raise ConformanceFailure("shown on the screen", elements, list(screen.elements), _evidence(driver))


# -- content, not only presence ------------------------------------------------------------------


@dataclass(frozen=True)
class Content:
    """What the documents say the user finds on a screen besides its name: the fields they fill
    there, the buttons they click, and the agreement they accept (the text the platform serves,
    shown in full)."""

    fields: tuple[str, ...] = ()
    buttons: tuple[str, ...] = ()
    text: str = ""


DOCUMENTED_CONTENT = {
    "license agreement": Content(buttons=("Accept",), text=LICENSE["text"]),
    "import": Content(buttons=("Import",)),
    "password": Content(fields=("Password",), buttons=("Apply",)),
    "manual login": Content(fields=("Server Hostname", "Login ID/Email ID"), buttons=("Next",)),
    "welcome to mitel one": Content(buttons=("SIGN IN",)),
    "mitel user login": Content(fields=("User name",), buttons=("Next",)),
    "end user license agreement": Content(fields=("I accept the end user agreement",), text=EULA["text"]),
}


def documented_content(driver: Driver, name: str) -> None:
    """The screen called `name` holds what the documents say it does: a screen recognised by its
    name and a button alone could be empty (a license agreement screen with no agreement)."""
    content = DOCUMENTED_CONTENT.get(name.casefold())
    if content is None:
        return
    screen = _showing(driver, lambda shown: not _lacking(driver, shown, content))
    lacking = _lacking(driver, screen, content)
    if lacking:
        check = f"the {name} screen holds what the documents say"
        raise ConformanceFailure(check, lacking, describe_screen(screen), _evidence(driver))


def _lacking(driver: Driver, screen: Screen, content: Content) -> list[str]:
    lacking = [f"the {label} field" for label in content.fields if label not in screen.fields]
    lacking += [f"a {label} button" for label in content.buttons if label not in screen.buttons]
    if content.text and _words(content.text) not in _words(text_on(driver, screen)):
        lacking.append(f"the agreement: {content.text[:50]!r}...")
    return lacking


def text_on(driver: Driver, screen: Screen) -> str:
    """Every word the screen shows: its messages and elements, and a page's whole visible text."""
    page_text = getattr(driver, "page_text", None)
    return " ".join([*screen.messages, *screen.elements, page_text() if page_text else ""])


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def never_offered(driver: Driver, label: str) -> None:
    """No screen the client showed offered `label`: the screen after each action (as a recording
    driver saw it) and the current one, whatever their names."""
    seen = [*getattr(driver, "screens_seen", []), driver.screen()]
    offering = [screen.name for screen in seen if label in screen.buttons]
    if offering:
        raise ConformanceFailure(f"{label} is not offered", "on no screen", offering, _evidence(driver))


def listed_under(driver, group: str, *parts: str) -> None:
    """An item listed under `group` (the documents' name for a kind of thing) mentions every one
    of `parts`: a missed call under missed calls, not only somewhere on the page."""
    items = driver.listed_under(group)
    if not any(all(part in item for part in parts) for item in items):
        raise ConformanceFailure(f"listed under {group}", " ".join(parts), items or f"nothing under {group}")


def notified_of(driver, sender: str, timeout: float, kind: str = "") -> None:
    """A notification of what `sender` sent reaches the user as it comes: listed under the page's
    notifications, or raised as a system notification; not only somewhere on the page. With
    `kind`, it says what came (its text contains the word, in any case): a call is not a message."""

    def notifications() -> list[str]:
        shown = [*driver.listed_under("Notifications"), *driver.notifications()]
        return [note for note in shown if sender in note and kind.casefold() in note.casefold()]

    _showing(driver, lambda _: bool(notifications()), timeout)
    if not notifications():
        shown = driver.listed_under("Notifications") + driver.notifications()
        wanted = f"a notification of {sender}" + (f" that says {kind!r}" if kind else "")
        raise ConformanceFailure("the user is notified", wanted, shown or "no notification")


def permissions_asked(asked: list[str], needed: tuple[str, ...]) -> None:
    """The browser asked the user for each permission the app's features need, because the app
    asked it to: a permission the app never asks for is never granted."""
    missing = [name for name in needed if name not in asked]
    if missing:
        raise ConformanceFailure("the browser asks for each permission", list(needed), asked or "no prompt at all")


def no_permission_asked(asked: list[str]) -> None:
    if asked:
        raise ConformanceFailure("the browser asks for no permission again", "no prompt", asked)


def nothing_secret_stored(stored: str, secrets: list[str], when: str) -> None:
    """None of `secrets` (the scenario's users' passwords and codes, or what they received) is in
    what the page's scripts can read back of the browser's storage (`stored`: JSON of each
    storage's keys and values, see WebAppDriver)."""
    secrets = [secret for secret in secrets if secret]
    found = sorted({where for where, value in _stored_values(json.loads(stored)) if any(s in value for s in secrets)})
    if found:
        raise ConformanceFailure(f"no password or code in the browser's storage {when}", "none", found)


def _stored_values(found, where: str = "") -> list[tuple[str, str]]:
    """(where, text) for each value stored: `localStorage.key`, `indexedDB.db/store.0`..."""
    if isinstance(found, dict):
        return [pair for key, value in found.items() for pair in _stored_values(value, f"{where}.{key}".strip("."))]
    if isinstance(found, list):
        return [pair for i, value in enumerate(found) for pair in _stored_values(value, f"{where}.{i}")]
    return [(where, str(found))]


def server_recorded(what: str, count: int) -> None:
    """Something the client must have done that only the server can see."""
    if count < 1:
        raise ConformanceFailure(what, "at least once", "never")


def all_equal(what: str, expected: object, actual: list) -> None:
    if any(value != expected for value in actual):
        raise ConformanceFailure(what, f"{expected} for each", actual)


def check_box_cleared(driver: Driver, label: str) -> None:
    """The check box `label` is not selected, as the user left it."""
    state = driver.screen().fields.get(label)
    if state != "false":
        raise ConformanceFailure(f"the {label} check box is cleared", "not selected", state, _evidence(driver))


def value_shown(driver: Driver, value: str) -> None:
    """A field of the screen holds `value`, whatever its label: the documents name none."""
    screen = driver.screen()
    if value not in screen.fields.values():
        raise ConformanceFailure(f"a field shows {value!r}", value, dict(screen.fields), _evidence(driver))


def link_opened(label: str, opened: str | None) -> str:
    """Clicking `label` sent the browser somewhere: the address the operating system hands over."""
    if not opened:
        raise ConformanceFailure(f"{label} opens a link", "an address handed to the operating system", "none")
    return opened


def _deployment_in(address: str) -> tuple[str, str, str]:
    """A deployment link's server, path and single-use token."""
    parts = urlsplit(address)
    return (parts.hostname or "", parts.path, parse_qs(parts.query).get("token", [""])[0])


def deployment_usable(link: str, usable: list[str]) -> None:
    """`link` carries a deployment the server still accepts (`usable`: its unused, unexpired links)."""
    if _deployment_in(link) not in [_deployment_in(address) for address in usable]:
        raise ConformanceFailure("a deployment that can still be used", "one neither used nor expired", link)


def same_deployment(qr_codes: list[str], link: str) -> None:
    """A QR code on the screen carries the deployment that `link` carries (server, path, token)."""
    expected = _deployment_in(link)
    if not expected[2] or expected not in [_deployment_in(text) for text in qr_codes]:
        shown = qr_codes or "no QR code on the screen"
        raise ConformanceFailure("the QR code carries the same deployment as the Open MiCollab link", link, shown)
