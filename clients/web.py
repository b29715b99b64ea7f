"""The driver interface over a real browser: headless Chromium through Selenium, on the
simulated network (the proxy, its CA trusted by its key's SPKI hash), for web applications.

Debian's chromium and chromium-driver (installed by `make setup`); Selenium never downloads a
driver. One browser per test session (per xdist worker); each scenario starts from clean state.
"""

from __future__ import annotations

import base64
import contextlib
import copy
import hashlib
import json
import os
import shutil
import tempfile
import time
from functools import partial
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from selenium import webdriver
from selenium.common.exceptions import (
    ElementClickInterceptedException,
    JavascriptException,
    NoSuchElementException,
    TimeoutException,
    WebDriverException,
)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.wait import WebDriverWait

from clients import browser_brands, browser_state, remote_webdriver, web_page
from clients.driver import Screen
from clients.web_inspect import (
    ANSWER_PROMPTS,
    FINISH_TIMEOUT,
    FINISHED,
    LISTED_UNDER,
    PAGE_TEXT,
    PROMPTS,
    READ_STORAGE,
    WATCHED,
)
from failures import HarnessError

CHROMIUM = Path("/usr/lib/chromium/chromium")  # the binary: /usr/bin/chromium is a wrapper script
CHROMEDRIVER = Path("/usr/bin/chromedriver")
QUIET = [  # Chromium's own traffic would leave the simulated network (and be refused there)
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-search-engine-choice-screen",
    "--no-pings",
    "--use-fake-device-for-media-stream",  # a microphone for the apps that ask for one
    "--disable-features=NetworkTimeServiceQuerying,AutofillServerCommunication,OptimizationHints,"
    "MediaRouter,Translate,InterestFeedContentSuggestions,SearchPrefetchService,PasswordLeakDetection",
    "--gaia-url=http://127.0.0.1:9",
    "--component-updater=url-source=http://127.0.0.1:9",
]
# Debian's Chromium opens its default search engine's start page at launch: a search engine on a
# closed loopback port takes its place, so nothing reaches for a host nobody simulates.
NOWHERE = "http://127.0.0.1:9/?q={searchTerms}"
PREFERENCES = {
    "default_search_provider": {"enabled": True, "search_url": NOWHERE, "name": "none", "keyword": "none"},
    "default_search_provider_data": {"template_url_data": {"keyword": "none", "short_name": "none", "url": NOWHERE}},
    "search": {"suggest_enabled": False},
    # Chromium checks typed passwords against Google's leak database: not on this network.
    "profile": {"password_manager_leak_detection": False},
    "credentials_enable_service": False,
}
SETTLE_TIMEOUT = 10.0
POLL = 0.02  # seconds between looks: a page answers a click in milliseconds
# A page has settled when it is loaded, is not leaving for another page (a navigation it started
# is noted from the Navigation API's `navigate` event, a form's submission from its submit event),
# none of its fetch() calls is still open (counted by a script added to every document before the
# page's own) and no part of it says it is busy (aria-busy) unless it waits for the user's answer
# to a permission prompt. The same script notes the system notifications the page raises.
WATCH_PAGE = (
    """
window.__harnessOpen = 0;
window.__harnessLeaving = false;
const original = window.fetch;
window.fetch = (...args) => { window.__harnessOpen++; return original(...args).finally(() => window.__harnessOpen--); };
if (window.navigation) {
  navigation.addEventListener('navigate', (event) => {
    const leaving = !event.hashChange && /^https?:/.test(event.destination.url);
    window.__harnessLeaving = window.__harnessLeaving || leaving;
  });
}
// A form's submission navigates a task later than its click: the page is leaving from the submit
// event on (unless a script of the page prevented it), or a look right after the click reads the
// page being left as settled.
window.addEventListener('submit', (event) => {
  window.__harnessLeaving = window.__harnessLeaving || !event.defaultPrevented;
});
window.__harnessNotified = [];
if (window.Notification) {
  const Native = window.Notification;
  window.Notification = function (title, options) {
    window.__harnessNotified.push([title, (options || {}).body || ''].join(': '));
    return new Native(title, options);
  };
  Object.defineProperty(window.Notification, 'permission', {get: () => Native.permission});
  window.Notification.requestPermission = (...args) => Native.requestPermission(...args);
}
"""
    + WATCHED
)  # the permission prompts, the page's timers and XMLHttpRequests (clients.web_inspect)
SCREENSHOT = {"format": "png", "optimizeForSpeed": True}
PLAIN_DATA = {"screen", "nothing"}  # web_page.FINDERS that answer with no element
WHERE_ONLY = {"button", "labelled"}  # aimed at to be clicked: where the click lands is all that is used
# A click as the mouse makes it (DevTools' Input.dispatchMouseEvent): move there, press, release.
CLICK = (("mouseMoved", "none", 0), ("mousePressed", "left", 1), ("mouseReleased", "left", 1))
PROMPTED_PERMISSIONS = ["notifications", "audioCapture"]  # what the browser's prompts can ask for


def spki_hash(ca_pem_path: str) -> str:
    """Base64 SHA-256 of the CA's SubjectPublicKeyInfo: Chromium trusts every leaf it signed."""
    certificate = x509.load_pem_x509_certificate(Path(ca_pem_path).read_bytes())
    spki = certificate.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return base64.b64encode(hashlib.sha256(spki).digest()).decode()


class Browser:
    """One headless Chromium on the simulated network, reused by every scenario of a session:
    started here, or on the W3C remote WebDriver end at `remote` (`--remote-webdriver`)."""

    def __init__(self, proxy_url: str, ca_bundle: str, remote: str | None = None) -> None:
        self._scratch: str | None = None
        self._tab_is_new = False  # the tab was opened by `close_page` and nothing was shown in it since
        if remote is None and not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
            raise HarnessError(
                "Chromium is not installed: run `make setup` (it installs Debian's chromium and chromium-driver)"
            )
        options = webdriver.ChromeOptions()
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900", *QUIET]:
            options.add_argument(argument)
        options.add_argument(f"--proxy-server={proxy_url}")
        options.add_argument(f"--ignore-certificate-errors-spki-list={spki_hash(ca_bundle)}")
        options.add_experimental_option("prefs", PREFERENCES)
        options.set_capability("goog:loggingPrefs", browser_state.PAGE_EVENTS["goog:loggingPrefs"])
        options.add_experimental_option("perfLoggingPrefs", browser_state.PAGE_EVENTS["perfLoggingPrefs"])
        self._options, self._remote = options, remote
        self._start()

    def _start(self) -> None:
        options, remote = self._options, self._remote
        self.driver = remote_webdriver.start(remote, options) if remote else self._start_here(options)
        try:
            self._watch_pages()
        except WebDriverException as exc:
            self.close()
            raise remote_webdriver.refuses_devtools(remote or str(CHROMEDRIVER), exc) from exc

    def _watch_pages(self) -> None:
        """WATCH_PAGE in every document of the current tab, before the page's own scripts."""
        self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH_PAGE})

    def _start_here(self, options: webdriver.ChromeOptions) -> webdriver.Chrome:
        """Debian's Chromium and chromedriver on this machine, with a profile of its own (a new
        one for a browser that replaces one that has gone)."""
        self._scratch, options = tempfile.mkdtemp(prefix="harness-browser-"), copy.deepcopy(options)
        options.binary_location = str(CHROMIUM)
        options.add_argument(f"--user-data-dir={self._scratch}/profile")
        os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not download a driver
        service = Service(str(CHROMEDRIVER), env={**os.environ, "TMPDIR": self._scratch})
        try:
            return webdriver.Chrome(options=options, service=service)
        except WebDriverException as exc:
            shutil.rmtree(self._scratch, ignore_errors=True)
            raise HarnessError(f"Chromium did not start: {exc.msg}") from exc

    def clean(self, origin: str) -> None:
        """A scenario starts from a fresh state (clients.browser_state) in the warm browser; a
        browser that has gone (crashed, killed) is replaced by a new one first."""
        tab_is_new, self._tab_is_new = self._tab_is_new, False
        try:
            browser_state.reset(self.driver, {origin}, tab_is_new)
            self._watch_pages()
        except Exception as exc:  # a dead driver answers with a WebDriver or a connection error
            if not browser_state.is_gone(exc):
                raise
            self.close()
            self._start()

    def close_page(self) -> None:
        """The page is gone, in a new tab that the next scenario starts from (clean)."""
        browser_state.new_tab(self.driver)
        self._tab_is_new = True

    def close(self) -> None:
        with contextlib.suppress(Exception):  # a browser that has gone has nothing left to quit
            self.driver.quit()
        if self._scratch:
            shutil.rmtree(self._scratch, ignore_errors=True)


class BrowserGone(HarnessError):
    """The browser stopped in the middle of a scenario: says nothing of the web app."""


class WebAppDriver:
    """`clients.driver.Driver` for a web application at `start_url`, in the shared browser."""

    EXTRA_ELEMENTS = "null"  # a JavaScript function adding elements to every screen (subclasses)

    def __init__(self, browser: Browser, start_url: str) -> None:
        self.browser, self.start_url = browser, start_url
        self._history: list[str] = []
        self._just_read: Screen | None = None
        browser.clean(start_url.rstrip("/"))
        self._when_settled = web_page.when_settled_script(self.EXTRA_ELEMENTS)
        self._screen_now = web_page.screen_script(self.EXTRA_ELEMENTS)

    @property
    def _web(self) -> webdriver.Chrome:
        return self.browser.driver

    def _seen(self, screen: Screen | None = None) -> None:
        """An action's outcome, in the history; the first look at the screen after it is this."""
        self._just_read = None
        self._just_read = screen or self.screen()
        self._history.append(self._just_read.name)

    def open_app(self) -> None:
        self._web.get(self.start_url)
        self._seen()

    def open_link(self, url: str) -> None:
        self._web.get(url)
        self._seen()

    def screen(self) -> Screen:
        just_read, self._just_read = self._just_read, None
        if just_read is not None:  # read once the action's page had settled, a moment ago
            return just_read
        return as_screen(self._asked(self._evaluated, self._screen_now))

    def history(self) -> list[str]:
        return list(self._history)

    def wait_for_screen(self, name: str, timeout: float) -> Screen:
        """The page called `name` once it shows (pages load and redirect on their own)."""
        screen = self.wait_for(lambda shown: shown.name.casefold() == name.casefold(), timeout)
        if self._history[-1:] != [screen.name]:
            self._history.append(screen.name)
        return screen

    def wait_for(self, shows, timeout: float) -> Screen:
        """The settled page once `shows(screen)` holds, or the page as it is after `timeout`: a
        click may start a navigation a moment after it returns, and pages redirect on their own."""
        until = time.monotonic() + timeout
        while True:
            screen = as_screen(self._settled("screen", timeout=until - time.monotonic()))
            if shows(screen) or time.monotonic() >= until:
                return screen
            time.sleep(POLL)

    def _settled(self, what: str, label: str = "", timeout: float = SETTLE_TIMEOUT, aim: bool = False):
        """`what` (web_page.FINDERS) once the page has answered the last action, as a user waits
        for it; a page that never settles is read as it is after `timeout`. One command, unless
        the page is replaced meanwhile: then the new page is asked. With `aim`, what was found
        comes with where a click on it lands (web_page.AIM)."""
        self._just_read = None  # an action follows, or a look at the page as it is now
        until = time.monotonic() + max(timeout, 0.0)
        # What is plain data is read through DevTools (half the time); elements through WebDriver,
        # unless only where a click on one lands is wanted.
        plain = what in PLAIN_DATA or (aim and what in WHERE_ONLY)
        ask = partial(self._evaluated, awaited=True) if plain else self._web.execute_async_script
        while True:
            wait_ms = max(until - time.monotonic(), 0.0) * 1000
            try:
                return self._asked(ask, self._when_settled, what, label, wait_ms, aim)
            except WebDriverException:
                if time.monotonic() >= until:
                    raise
                time.sleep(POLL)  # the page was leaving; the next one answers

    def _evaluated(self, script: str, *arguments, awaited: bool = False):
        """`script` run in the page as WebDriver runs one (its `arguments`, and if `awaited` a
        callback last, whose answer is awaited), its answer as plain data, through DevTools'
        Runtime.evaluate: without WebDriver's wrapping of arguments and answers, which looks
        for elements in both, in half the time and a third of the browser's work."""
        given = ", ".join(json.dumps(argument) for argument in arguments)
        call = f"(function () {{ {script} }}).apply(null, [{given}{', done' if awaited else ''}])"
        expression = f"new Promise(done => {call})" if awaited else call
        asked = {"expression": expression, "awaitPromise": awaited, "returnByValue": True}
        answer = self._web.execute_cdp_cmd("Runtime.evaluate", asked)
        if "exceptionDetails" in answer:  # as WebDriver reports a script's error
            details = answer["exceptionDetails"]
            raise JavascriptException(f"javascript error: {details.get('exception', details).get('description')}")
        return answer["result"].get("value")

    def _asked(self, command, *arguments):
        """`command(*arguments)`; a browser that has gone is a harness error, not the page's doing."""
        try:
            return command(*arguments)
        except WebDriverException as exc:
            if browser_state.is_gone(exc):
                raise BrowserGone(f"the browser stopped during the scenario: {exc.msg}") from exc
            raise

    def fill(self, label: str, value: str) -> None:
        """Types into the field labelled `label`; a check box is selected for "true"."""
        aimed = self._settled("field", label, aim=True) or missing(f"a field labelled {label!r}")
        field, kind, now = aimed[0]
        if kind == "checkbox":
            if now != value:
                self._click(aimed, label)
            self._settled("nothing")
            return
        if now:
            field.clear()
        field.send_keys(value)

    def press(self, label: str) -> None:
        aimed = self._settled("button", label, aim=True) or missing(f"a button {label!r}")
        self._click(aimed, label)
        self._seen(as_screen(self._settled("screen")))

    def tap(self, element: str, times: int = 1) -> None:
        aimed = self._settled("labelled", element, aim=True) or missing(f"an element labelled {element!r}")
        for _ in range(times):
            self._click(aimed, element)
        self._seen(as_screen(self._settled("screen")))

    def _click(self, aimed: list, label: str) -> None:
        """The user's click where `aimed` says (web_page.AIM): the mouse moves there, presses and
        releases, the input events WebDriver's Element Click sends, without its thirty-odd
        DevTools commands of checks first (about 40 ms a click). What covers the element gets
        the click as WebDriver says it: element click intercepted."""
        _, x, y, reaches = aimed
        if not reaches:
            raise ElementClickInterceptedException(f"element click intercepted: {label!r} is covered at ({x}, {y})")
        for kind, button, count in CLICK:
            event = {"type": kind, "x": x, "y": y, "button": button, "clickCount": count}
            self._asked(self._web.execute_cdp_cmd, "Input.dispatchMouseEvent", event)

    def back(self) -> None:
        self._web.back()
        self._seen()

    def screenshot(self) -> bytes:
        """The viewport as a PNG, encoded for speed (the same pixels, a larger file): a third of
        the browser's time WebDriver's screenshot takes, at every browser scenario's end."""
        shot = self._asked(self._web.execute_cdp_cmd, "Page.captureScreenshot", SCREENSHOT)
        return base64.b64decode(shot["data"])

    # -- what a browser adds to the driver interface ------------------------------------------------

    def notifications(self) -> list[str]:
        """The system notifications the page raised since it loaded."""
        return list(self._web.execute_script("return window.__harnessNotified || [];"))

    def answer_permission_prompts(self, allow: bool = True) -> list[str]:
        """The user's answer to each permission prompt of the browser's as the page raises it, until
        the page has settled with none open: the permissions asked are granted (or denied), and
        nothing else. The permissions asked, in order."""
        asked: list[str] = []
        while True:
            self._settled("nothing")
            waiting = [name for names, answered in self._web.execute_script(PROMPTS) if not answered for name in names]
            if not waiting:
                return asked
            origin = self._web.execute_script("return location.origin;")
            for name in waiting:
                setting = {"permission": {"name": name}, "setting": "granted" if allow else "denied", "origin": origin}
                self._web.execute_cdp_cmd("Browser.setPermission", setting)
            self._web.execute_script(ANSWER_PROMPTS)
            asked += waiting

    def permission_prompts(self) -> list[str]:
        """The permissions the page has asked the browser for since it loaded (prompts raised)."""
        self._settled("nothing")
        return [name for names, _ in self._web.execute_script(PROMPTS) for name in names]

    def stored(self) -> str:
        """What the page's scripts can read back of what was stored in this browser for its origin
        (local and session storage, IndexedDB, cookies not marked HttpOnly, Cache Storage), as JSON text."""
        self._settled("nothing")
        return self._web.execute_async_script(READ_STORAGE)

    def listed_under(self, name: str) -> list[str]:
        """The items the page lists under `name` (a list or region of that name, or a heading)."""
        self._settled("nothing")
        return list(self._web.execute_script(LISTED_UNDER, name))

    def page_text(self) -> str:
        """The text the page shows."""
        return self._web.execute_script(PAGE_TEXT)

    def installability_errors(self, timeout: float) -> list[str]:
        """Why the browser would not offer to install the page as an app; none once it would.
        Waits as long as `timeout` for the page's service worker to take control."""
        errors: list[str] = []

        def installable() -> bool:
            errors[:] = [
                e["errorId"]
                for e in self._web.execute_cdp_cmd("Page.getInstallabilityErrors", {})["installabilityErrors"]
            ]
            return not errors

        wait_until(self._web, timeout, installable)
        return errors

    def present_as(self, browser: str) -> None:
        """The browser presents itself as `browser` (clients.browser_brands) from now on."""
        browser_brands.present_as(self._web, browser)

    def screen_when_done(self) -> Screen:
        """The screen once the page has finished what it started (its short timers, its requests,
        a page they led to): what the user still sees a moment later, with no fixed wait."""
        wait_until(self._web, FINISH_TIMEOUT, lambda: self._web.execute_script(FINISHED))
        screen = as_screen(self._settled("screen"))
        if self._history[-1:] != [screen.name]:
            self._history.append(screen.name)
        return screen

    def close(self) -> None:
        """Lets the page finish what it started (open requests, short timers) before it is closed:
        what it sends until then is this device's traffic, audited with it. The browser stays for
        the next scenario, which starts from clean state in the new tab that replaces it."""
        with contextlib.suppress(WebDriverException):
            wait_until(self._web, FINISH_TIMEOUT, lambda: self._web.execute_script(FINISHED))
            self.browser.close_page()


def wait_until(web: webdriver.Chrome, timeout: float, condition) -> bool:
    """Whether `condition()` came true within `timeout`, checked as WebDriverWait polls."""
    try:  # a page that is being replaced cannot run scripts for a moment: asked again
        WebDriverWait(web, timeout, POLL, ignored_exceptions=(WebDriverException,)).until(lambda _: alive(condition))
    except TimeoutException:
        return False
    return True


def alive(condition):
    """`condition()`, but a browser that has gone ends the wait at once (BrowserGone)."""
    try:
        return condition()
    except WebDriverException as exc:
        if browser_state.is_gone(exc):
            raise BrowserGone(f"the browser stopped during the scenario: {exc.msg}") from exc
        raise


def as_screen(shown: dict) -> Screen:
    fields, buttons, elements = shown["fields"], tuple(shown["buttons"]), tuple(shown["elements"])
    return Screen(shown["name"], fields, buttons, elements, tuple(shown["messages"]))


def missing(what: str):
    """What the user looked for is not on the page: raised as Selenium says it (no such element)."""
    raise NoSuchElementException(f"no {what} on the page")
