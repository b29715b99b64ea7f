"""A fresh browser for every scenario without starting one: the warm browser of a test session
is emptied of everything a scenario can leave behind, in its own (persistent) profile.

Not a new browser context: Chromium's extra contexts are off the record, where no web app is
installable, and the Mitel One web application's installability is one of the things tested.
So the one profile is emptied instead: a new tab replaces every tab there was (their pages,
session storage and back/forward history go with them); every cookie, the HTTP cache and the
permissions granted are cleared; and for every origin a page was shown from since the last reset
(read from Chromium's page events, which the driver logs: `PAGE_EVENTS`) its storage of every
kind: local storage, IndexedDB, Cache Storage, service workers (and with them installability
and their notifications), file systems, storage buckets.
"""

from __future__ import annotations

import json
import time

from selenium.common.exceptions import InvalidSessionIdException, WebDriverException
from selenium.webdriver.remote.command import Command
from selenium.webdriver.remote.webdriver import WebDriver
from urllib3.exceptions import HTTPError

# Chromium's page events (navigations, frames) in the driver's "performance" log, nothing else.
PAGE_EVENTS = {
    "goog:loggingPrefs": {"performance": "ALL"},
    "perfLoggingPrefs": {"enableNetwork": False, "enablePage": True},
}
# Every kind of storage a page keeps for its origin ("all" would add caches no page can read,
# such as compiled shaders, and take ten times as long).
EVERY_STORAGE = (
    "local_storage,indexeddb,websql,cache_storage,service_workers,file_systems,shared_storage,storage_buckets"
)
CLOSE_TIMEOUT = 5.0  # seconds a closed tab is given to be gone (its page's unload handlers run first)
# What a dead browser, its driver or its only tab answers (chromedriver's wording).
GONE = ("invalid session id", "session deleted", "not reachable", "tab crashed", "target crashed", "disconnected")


def is_gone(exc: BaseException) -> bool:
    """Whether `exc` says the browser (or the page it drove) is gone, not that a page misbehaved:
    its driver's answer, or no answer at all (the driver itself has gone)."""
    if isinstance(exc, InvalidSessionIdException | HTTPError | ConnectionError):
        return True
    return isinstance(exc, WebDriverException) and any(word in (exc.msg or "").lower() for word in GONE)


def visited_origins(driver: WebDriver) -> set[str]:
    """The web origins of every document the browser showed since this was last asked."""
    origins = set()
    for entry in driver.execute(Command.GET_LOG, {"type": "performance"})["value"]:  # a Remote has no get_log
        event = json.loads(entry["message"])["message"]
        if event["method"] == "Page.frameNavigated":
            origin = event["params"]["frame"].get("securityOrigin", "")
            if origin.startswith(("https://", "http://")):
                origins.add(origin)
    return origins


def new_tab(driver: WebDriver) -> None:
    """A new tab in place of every tab there was: their pages, session storage and back/forward
    history go with them."""
    old_tabs = set(driver.window_handles)
    driver.switch_to.new_window("tab")
    for tab in old_tabs:  # a window handle is the tab's DevTools target ID
        driver.execute_cdp_cmd("Target.closeTarget", {"targetId": tab})
    # A tab closes after its page's unload handlers have run: once it is gone, what they sent is sent.
    until = time.monotonic() + CLOSE_TIMEOUT
    while old_tabs & {target["targetId"] for target in driver.execute_cdp_cmd("Target.getTargets", {})["targetInfos"]}:
        if time.monotonic() >= until:
            raise WebDriverException(f"the old tabs did not close within {CLOSE_TIMEOUT}s")
        time.sleep(0.005)


def reset(driver: WebDriver, origins: set[str] = frozenset(), tab_is_new: bool = False) -> None:
    """Leaves no trace of what came before (see the module's description), in a new tab (the
    one `new_tab` opened when the last page was closed, if `tab_is_new` and it is still the only
    one)."""
    if not (tab_is_new and len(driver.window_handles) == 1):
        new_tab(driver)
    for command in ("Network.clearBrowserCookies", "Network.clearBrowserCache", "Browser.resetPermissions"):
        driver.execute_cdp_cmd(command, {})
    for origin in sorted(visited_origins(driver) | origins):
        driver.execute_cdp_cmd("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": EVERY_STORAGE})
