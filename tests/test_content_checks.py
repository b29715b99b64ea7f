"""The checks that read what a screen holds, what was offered on any screen, what a page lists
under a name, which permissions the browser asked for, and what a page stored."""

from __future__ import annotations

import json

import pytest

from clients.driver import Screen, ScreenKeeper
from harness import checks
from harness.errors import ConformanceFailure
from mocks.micollab_server.app import LICENSE

LICENSE_SCREEN = Screen("license agreement", buttons=("Accept",), messages=(LICENSE["title"], LICENSE["text"]))


def showing(*screens: Screen) -> ScreenKeeper:
    client = ScreenKeeper()
    for screen in screens:
        client.show(screen)
    return client


def test_a_license_agreement_screen_shows_the_agreement():
    checks.documented_content(showing(LICENSE_SCREEN), "license agreement")


@pytest.mark.parametrize(
    "screen",
    [
        Screen("license agreement", buttons=("Accept",)),  # no agreement at all
        Screen("license agreement", buttons=("Accept",), messages=(LICENSE["title"],)),  # its title only
        Screen("license agreement", messages=(LICENSE["text"],)),  # nothing to accept it with
    ],
)
def test_a_license_agreement_screen_without_its_content_fails(screen):
    with pytest.raises(ConformanceFailure, match="holds what the documents say"):
        checks.documented_content(showing(screen), "license agreement")


def test_the_manual_login_screen_takes_the_server_hostname_too():
    checks.documented_content(
        showing(Screen("Manual Login", {"Server Hostname": "", "Login ID/Email ID": ""}, ("Next",))), "Manual Login"
    )
    with pytest.raises(ConformanceFailure, match="Server Hostname"):
        checks.documented_content(showing(Screen("Manual Login", {"Login ID/Email ID": ""}, ("Next",))), "Manual Login")


def test_a_screen_the_documents_say_nothing_about_holds_anything():
    checks.documented_content(showing(Screen("MiCollab Home")), "MiCollab Home")


def test_a_page_shows_the_agreement_in_its_text():
    class Page(ScreenKeeper):
        def page_text(self) -> str:
            return "End User License Agreement\n" + LICENSE["text"].replace(" ", "\n", 3)

    page = Page()
    page.show(Screen("license agreement", buttons=("Accept",)))
    checks.documented_content(page, "license agreement")


def test_an_import_button_on_any_screen_seen_counts_as_offered():
    client = showing(LICENSE_SCREEN)
    client.screens_seen = [Screen("Welcome back", buttons=("Import", "Skip"))]
    with pytest.raises(ConformanceFailure, match="Import is not offered"):
        checks.never_offered(client, "Import")
    client.screens_seen = [Screen("authentication code", buttons=("Apply",))]
    checks.never_offered(client, "Import")
    with pytest.raises(ConformanceFailure, match="license agreement"):
        checks.never_offered(showing(Screen("license agreement", buttons=("Accept", "Import"))), "Import")


class Lists:
    def __init__(self, lists: dict[str, list[str]]) -> None:
        self.lists = lists

    def listed_under(self, name: str) -> list[str]:
        return self.lists.get(name, [])


def test_a_missed_call_is_listed_under_missed_calls():
    page = Lists({"Missed calls": ["Missed call from Ann Lee: call me back."], "Unread messages": []})
    checks.listed_under(page, "Missed calls", "Ann Lee", "call me back.")
    with pytest.raises(ConformanceFailure, match="listed under Unread messages"):
        checks.listed_under(page, "Unread messages", "Ann Lee", "call me back.")
    with pytest.raises(ConformanceFailure, match="listed under Missed calls"):
        checks.listed_under(page, "Missed calls", "Ann Lee", "another text")


def test_the_browser_asked_for_every_permission_needed():
    checks.permissions_asked(["notifications", "microphone"], ("notifications", "microphone"))
    with pytest.raises(ConformanceFailure, match="no prompt at all"):
        checks.permissions_asked([], ("notifications",))
    with pytest.raises(ConformanceFailure, match="each permission"):
        checks.permissions_asked(["notifications"], ("notifications", "microphone"))
    checks.no_permission_asked([])
    with pytest.raises(ConformanceFailure, match="no permission again"):
        checks.no_permission_asked(["microphone"])


def stored(**found) -> str:
    return json.dumps({"localStorage": {}, "sessionStorage": {}, "cookies": "", "indexedDB": {}, **found})


def test_nothing_secret_in_storage():
    checks.nothing_secret_stored(stored(localStorage={"theme": "dark"}), ["Secret-Pass1", ""], "after login")


@pytest.mark.parametrize(
    ("found", "where"),
    [
        ({"localStorage": {"remembered": '{"password": "Secret-Pass1"}'}}, "localStorage.remembered"),
        ({"sessionStorage": {"sso": "?code=abc123&state=x"}}, "sessionStorage.sso"),
        ({"cookies": "theme=dark; login=Secret-Pass1"}, "cookies"),
        ({"indexedDB": {"app/keys": [{"id": 1, "code": "abc123"}]}}, "indexedDB.app/keys.0.code"),
    ],
)
def test_a_password_or_code_in_any_storage_fails(found, where):
    with pytest.raises(ConformanceFailure, match=where.replace(".", r"\.")):
        checks.nothing_secret_stored(stored(**found), ["Secret-Pass1", "abc123"], "after login")


class Notifying(ScreenKeeper):
    def __init__(self, listed: list[str], raised: list[str]) -> None:
        super().__init__()
        self.show(Screen("Mitel One", elements=("Missed call from Ann Lee: call me back.",)))
        self.listed, self.raised = listed, raised

    def listed_under(self, name: str) -> list[str]:
        return self.listed if name == "Notifications" else []

    def notifications(self) -> list[str]:
        return self.raised


def test_a_notification_is_listed_or_raised_not_only_shown_somewhere():
    checks.notified_of(Notifying(["Incoming call from Ann Lee: call me back."], []), "Ann Lee", 0)
    checks.notified_of(Notifying([], ["Mitel One: Incoming call from Ann Lee"]), "Ann Lee", 0)
    with pytest.raises(ConformanceFailure, match="no notification"):
        checks.notified_of(Notifying([], []), "Ann Lee", 0)


def test_a_notification_says_what_came_in_any_words():
    checks.notified_of(Notifying([], ["Ann Lee is CALLING"]), "Ann Lee", 0, "call")
    with pytest.raises(ConformanceFailure, match="that says 'call'"):
        checks.notified_of(Notifying(["Message from Ann Lee"], []), "Ann Lee", 0, "call")


def test_a_check_box_the_user_cleared_is_not_selected():
    accept = "I accept the end user agreement"
    checks.check_box_cleared(showing(Screen("End User License Agreement", {accept: "false"})), accept)
    with pytest.raises(ConformanceFailure, match="check box is cleared"):
        checks.check_box_cleared(showing(Screen("End User License Agreement", {accept: "true"})), accept)
