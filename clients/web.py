"""The driver interface over a real browser: headless Chromium through Selenium, on the
simulated network (the proxy, its CA trusted by its key's SPKI hash), for web applications.

Debian's chromium and chromium-driver (installed by `make setup`); Selenium never downloads a
driver. One browser per test session (per xdist worker); each scenario starts from clean state.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.wait import WebDriverWait

from clients import remote_webdriver
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
READ_SCREEN = """
const text = el => (el.innerText || el.value || '').trim();
const visible = el => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
const shown = selector => [...document.querySelectorAll(selector)].filter(visible);
const heading = shown('dialog[open] h1, dialog[open] [role=heading]')[0] || shown('h1, [role=heading]')[0];
const fields = {};
for (const input of shown('input:not([type=hidden]):not([type=submit]), textarea, select')) {
  const label = (input.id && document.querySelector(`label[for="${input.id}"]`)) || null;
  const name = label ? text(label) : (input.getAttribute('aria-label') || input.placeholder || '');
  if (name) fields[name] = input.type === 'checkbox' ? String(input.checked) : input.value;
}
// A disabled button is not offered: the user cannot press it.
const buttons = shown('button, input[type=submit], [role=button], [role=menuitem]')
  .filter(el => !el.disabled).map(text).filter(Boolean);
const elements = shown('li').map(text).filter(Boolean);
const messages = shown('[role=alert], [role=status]').map(text).filter(Boolean);
return {name: heading ? text(heading) : document.title, fields, buttons, elements, messages};
"""


SETTLE_TIMEOUT = 10.0
POLL = 0.05  # seconds between looks: a page answers a click in milliseconds
# A page has settled when it is loaded, is not leaving for another page (a navigation it started
# is noted from the Navigation API's `navigate` event), none of its fetch() calls is still open
# (counted by a script added to every document before the page's own) and no part of it says it
# is busy (aria-busy) unless it waits for the user's answer to a permission prompt. The same script
# notes the system notifications the page raises.
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
SETTLED = """return document.readyState === 'complete' && !window.__harnessLeaving
  && (window.__harnessOpen || 0) === 0
  && (!document.querySelector('[aria-busy=true]') || !!(window.__harnessPrompting && window.__harnessPrompting()));"""


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
        self.driver = remote_webdriver.start(remote, options) if remote else self._start_here(options)
        try:
            self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH_PAGE})
        except WebDriverException as exc:
            self.close()
            raise remote_webdriver.refuses_devtools(remote or str(CHROMEDRIVER), exc) from exc

    def _start_here(self, options: webdriver.ChromeOptions) -> webdriver.Chrome:
        """Debian's Chromium and chromedriver on this machine, with a profile of its own."""
        self._scratch = tempfile.mkdtemp(prefix="harness-browser-")
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
        """A scenario starts with no cookies, storage, service workers or permissions."""
        self.driver.get("about:blank")
        self.driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
        self.driver.execute_cdp_cmd("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        self.driver.execute_cdp_cmd("Browser.resetPermissions", {})

    def close(self) -> None:
        self.driver.quit()
        if self._scratch:
            shutil.rmtree(self._scratch, ignore_errors=True)


class WebAppDriver:
    """`clients.driver.Driver` for a web application at `start_url`, in the shared browser."""

    def __init__(self, browser: Browser, start_url: str) -> None:
        self.browser, self.start_url = browser, start_url
        self._history: list[str] = []
        browser.clean(start_url.rstrip("/"))

    @property
    def _web(self) -> webdriver.Chrome:
        return self.browser.driver

    def _seen(self) -> None:
        self._history.append(self.screen().name)

    def open_app(self) -> None:
        self._web.get(self.start_url)
        self._seen()

    def open_link(self, url: str) -> None:
        self._web.get(url)
        self._seen()

    def screen(self) -> Screen:
        shown = self._web.execute_script(READ_SCREEN)
        fields, buttons, elements = shown["fields"], tuple(shown["buttons"]), tuple(shown["elements"])
        return Screen(shown["name"], fields, buttons, elements, tuple(shown["messages"]))

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
        wait_until(self._web, timeout, lambda: shows(self._settled_screen()))
        return self.screen()

    def _settled_screen(self) -> Screen:
        return self.screen() if self._web.execute_script(SETTLED) else Screen("")

    def fill(self, label: str, value: str) -> None:
        """Types into the field labelled `label`; a check box is selected for "true"."""
        self._settle()
        field = self._web.find_element(By.XPATH, f"//input[@id=//label[normalize-space()={xpath_text(label)}]/@for]")
        if field.get_attribute("type") == "checkbox":
            if field.is_selected() != (value == "true"):
                field.click()
            self._settle()
            return
        field.clear()
        field.send_keys(value)

    def press(self, label: str) -> None:
        self._settle()
        text = xpath_text(label)
        found = self._web.find_elements(By.XPATH, f"//button[normalize-space()={text}] | //input[@value={text}]")
        next(element for element in found if element.is_displayed()).click()
        self._settle()
        self._seen()

    def _settle(self) -> None:
        """Waits, as a user does, until the page has answered the last action (see SETTLED); a
        page that never settles is left to the check that comes next."""
        wait_until(self._web, SETTLE_TIMEOUT, lambda: self._web.execute_script(SETTLED))

    def tap(self, element: str, times: int = 1) -> None:
        self._settle()
        target = self._web.find_element(By.XPATH, f"//*[@aria-label={xpath_text(element)}]")
        for _ in range(times):
            target.click()
        self._settle()
        self._seen()

    def back(self) -> None:
        self._web.back()
        self._seen()

    def screenshot(self) -> bytes:
        return self._web.get_screenshot_as_png()

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
            self._settle()
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
        self._settle()
        return [name for names, _ in self._web.execute_script(PROMPTS) for name in names]

    def stored(self) -> str:
        """What the page's scripts can read back of what was stored in this browser for its origin
        (local and session storage, IndexedDB, cookies not marked HttpOnly), as JSON text."""
        self._settle()
        return self._web.execute_async_script(READ_STORAGE)

    def listed_under(self, name: str) -> list[str]:
        """The items the page lists under `name` (a list or region of that name, or a heading)."""
        self._settle()
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

    def close(self) -> None:
        """Lets the page finish what it started (open requests, short timers) before it is blanked:
        what it sends until then is this device's traffic, audited with it. The browser stays for
        the next scenario, which starts from clean state."""
        with contextlib.suppress(WebDriverException):
            wait_until(self._web, FINISH_TIMEOUT, lambda: self._web.execute_script(FINISHED))
            self._web.get("about:blank")


def wait_until(web: webdriver.Chrome, timeout: float, condition) -> bool:
    """Whether `condition()` came true within `timeout`, checked as WebDriverWait polls."""
    try:  # a page that is being replaced cannot run scripts for a moment: asked again
        WebDriverWait(web, timeout, POLL, ignored_exceptions=(WebDriverException,)).until(lambda _: condition())
    except TimeoutException:
        return False
    return True


def xpath_text(text: str) -> str:
    return f'"{text}"' if '"' not in text else f"'{text}'"
