"""Clients that do nothing: every driver method a no-op, every screen blank.

A verdict must be earned by the product under test: a scenario that such a client passes checks
nothing of the product (a negative with no anchor, a wire check over no traffic).
`tests/test_verdicts.py` runs every feature against them and requires that nothing passes.
"""

from __future__ import annotations

from clients.driver import ClientSettings, Screen

BLANK = Screen("")


class InertClient:
    """Implements `clients.driver.Driver`, doing nothing at all."""

    def __init__(self, settings: ClientSettings) -> None:
        self.settings = settings

    def open_app(self) -> None:
        pass

    def open_link(self, url: str) -> None:
        pass

    def screen(self) -> Screen:
        return BLANK

    def history(self) -> list[str]:
        return []

    def wait_for_screen(self, name: str, timeout: float) -> Screen:
        return BLANK

    def fill(self, label: str, value: str) -> None:
        pass

    def press(self, label: str) -> None:
        pass

    def tap(self, element: str, times: int = 1) -> None:
        pass

    def back(self) -> None:
        pass

    def close(self) -> None:
        pass
