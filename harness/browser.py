"""The user's own web browser, for the pages an e-mail link opens (not the client under test):
the reference web view over the simulated network, read through the same checks."""

from __future__ import annotations

import httpx

from clients.driver import Screen
from clients.micollab.api import tls_context
from clients.webview import WebView


class Browser:
    def __init__(self, proxy_url: str, ca_bundle: str | None) -> None:
        tls = tls_context(ca_bundle) if ca_bundle else True  # one per CA: building one costs ~40 ms
        self._http = httpx.Client(proxy=proxy_url, verify=tls, timeout=10)
        self._view = WebView(self._http, app_redirect="app:")  # any non-web scheme is an app's too
        self._history: list[str] = []

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def open(self, url: str) -> None:
        self._view.load(url)
        self._history.append(self.screen().name)

    def fill(self, label: str, value: str) -> None:
        self._view.fill(label, value)

    def press(self, label: str) -> None:
        self._view.press(label)
        self._history.append(self.screen().name)

    def press_to_app(self, label: str) -> str:
        """Presses `label` on a page that hands a result back to an application: that URL."""
        handed_over = self._view.press(label)
        if handed_over is None:
            raise AssertionError(f"the page stayed on {self.screen()}")
        return handed_over

    def screen(self) -> Screen:
        return self._view.page.screen()

    def history(self) -> list[str]:
        return list(self._history)

    def wait_for_screen(self, name: str, timeout: float) -> Screen:
        return self.screen()
