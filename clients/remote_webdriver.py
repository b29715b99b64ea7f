"""The browser on a W3C remote WebDriver end (`--remote-webdriver URL`): a Selenium Grid, a cloud
farm, or a standalone `chromedriver --port=N`. Same Chromium options as a local browser.

The remote end's Chromium reaches the simulated network through the harness's proxy, so the
proxy's address (127.0.0.1 and a free port) must be reachable from the machine the browser runs
on: a Grid node on the same host (Docker: `--network host`), or the port forwarded to it.
The harness needs Chrome's DevTools commands (`goog/cdp/execute`), which Selenium Grid 4 and
chromedriver forward; a remote end that refuses them is named in the error.
"""

from __future__ import annotations

from argparse import ArgumentTypeError
from urllib.parse import urlsplit

import httpx
from selenium import webdriver
from selenium.common.exceptions import WebDriverException

from failures import HarnessError

STATUS_TIMEOUT = 10.0


def remote_url(text: str) -> str:
    """The option's value, checked when pytest starts: an http(s) URL with a host."""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ArgumentTypeError(f"not an http(s) URL of a WebDriver end: {text!r} (e.g. http://127.0.0.1:4444)")
    return text.rstrip("/")


def check_ready(url: str) -> None:
    """W3C `GET /status`: the remote end answers and can start a session."""
    try:
        answer = httpx.get(f"{url}/status", timeout=STATUS_TIMEOUT).json()["value"]
    except (httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
        raise HarnessError(
            f"no remote WebDriver answers at {url} ({exc.__class__.__name__}: {exc}): start it "
            "(a Selenium Grid, or `chromedriver --port=N`) or correct --remote-webdriver"
        ) from exc
    if not answer.get("ready"):
        raise HarnessError(f"the remote WebDriver at {url} is not ready: {answer.get('message', answer)}")


def start(url: str, options: webdriver.ChromeOptions) -> webdriver.Remote:
    check_ready(url)
    try:
        return webdriver.Remote(command_executor=url, options=options)
    except WebDriverException as exc:
        raise HarnessError(f"the remote WebDriver at {url} did not start Chromium: {exc.msg}") from exc


def refuses_devtools(url: str, exc: WebDriverException) -> HarnessError:
    return HarnessError(
        f"the remote WebDriver at {url} refuses Chrome DevTools commands ({exc.msg}); the harness needs "
        "them to clear the browser between scenarios: use Selenium Grid 4 with Chrome or Chromium nodes, "
        "or a standalone chromedriver"
    )
