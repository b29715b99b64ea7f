"""A plugin for the isolation self-test (`-p tests.isolation.old_reset`): the browser reset as it
was (one origin's storage, cookies and permissions cleared in the same tab, a closed page
blanked in it), which the self-test must catch leaving state behind."""

from __future__ import annotations

from clients import web


def old_clean(self, origin: str) -> None:
    self.driver.get("about:blank")
    self.driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    self.driver.execute_cdp_cmd("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
    self.driver.execute_cdp_cmd("Browser.resetPermissions", {})


def old_close_page(self) -> None:
    self.driver.get("about:blank")


web.Browser.clean = old_clean
web.Browser.close_page = old_close_page
