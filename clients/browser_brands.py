"""Chromium presenting itself as another Chromium-based browser to the pages it opens: its user
agent string and its client hints (`navigator.userAgentData`, the Sec-CH-UA headers), as that
browser sends them. An approximation: the engine stays Debian's Chromium, only what a page can
tell of the browser's name changes; the harness runs no build of the other browser."""

from __future__ import annotations

MICROSOFT_EDGE = "Microsoft Edge"
# What each browser adds to Chromium's user agent string (Edge: "Edg/<version>").
USER_AGENT_TOKENS = {MICROSOFT_EDGE: "Edg"}
PLATFORMS = (("Windows", "Windows"), ("Mac OS X", "macOS"), ("CrOS", "Chrome OS"))  # client hints' names


def present_as(web, browser: str) -> None:
    """The tab driven by `web` (a Selenium Chromium driver) presents itself as `browser`, of
    Chromium's own version, on Chromium's platform, for every page it opens from now on."""
    version = web.execute_cdp_cmd("Browser.getVersion", {})
    full = version["product"].split("/", 1)[1]
    major = full.split(".")[0]
    user_agent = version["userAgent"].replace("HeadlessChrome/", "Chrome/") + f" {USER_AGENT_TOKENS[browser]}/{full}"
    brands = [("Not A(Brand", "8", "8.0.0.0"), ("Chromium", major, full), (browser, major, full)]
    platform = next((name for word, name in PLATFORMS if word in user_agent), "Linux")
    metadata = {
        "brands": [{"brand": name, "version": short} for name, short, _ in brands],
        "fullVersionList": [{"brand": name, "version": long} for name, _, long in brands],
        "fullVersion": full,
        "platform": platform,
        "platformVersion": "",
        "architecture": "x86",
        "bitness": "64",
        "model": "",
        "mobile": False,
    }
    web.execute_cdp_cmd("Emulation.setUserAgentOverride", {"userAgent": user_agent, "userAgentMetadata": metadata})
