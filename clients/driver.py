"""The driver interface a client under test implements: screens, fields, buttons, in the
documentation's words. Steps use nothing else, so any client that implements it can be tested.

A vendor implements `Driver` for their client (over Appium, WinAppDriver, their own test hooks)
and a factory `(ClientSettings) -> Driver`, and selects it with `--client module:factory`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from failures import AdapterError


@dataclass(frozen=True)
class Screen:
    """What the user sees: the screen's name as the documentation prints it ("license agreement",
    "password", "MiCollab Home"…), its labelled fields with their values, its buttons, the
    elements that can be tapped, and the messages shown (errors included)."""

    name: str
    fields: dict[str, str] = field(default_factory=dict)
    buttons: tuple[str, ...] = ()
    elements: tuple[str, ...] = ()
    messages: tuple[str, ...] = ()


class ScreenKeeper:
    """The screens an in-process client shows: the current one and the names of those it showed.
    `APP` names the application in the error of a client that is not open."""

    APP = "the application"

    def __init__(self) -> None:
        self._screen: Screen | None = None
        self._history: list[str] = []

    def screen(self) -> Screen:
        if self._screen is None:
            raise AdapterError(f"{self.APP} is not open")
        return self._screen

    def history(self) -> list[str]:
        return list(self._history)

    def wait_for_screen(self, name: str, timeout: float) -> Screen:
        return self.screen()  # in-process: every action has finished when it returns

    def show(self, screen: Screen) -> None:
        self._screen = screen
        self._history.append(screen.name)

    def replace_screen(self, screen: Screen) -> None:
        """The same screen, changed (a field typed into): not a new screen in the history."""
        self._screen = screen


@dataclass(frozen=True)
class ClientSettings:
    """How the client under test is installed and reaches the simulated platform."""

    platform: str = "PC"  # PC, MAC, iOS or Android
    version: str = "9.8"
    upgraded_from: str | None = None  # the version the client was upgraded from, if it was
    server_host: str | None = None  # MiCollab server configured at installation, if any
    proxy_url: str | None = None  # the simulated network, set as the device's HTTP proxy
    ca_bundle: str | None = None  # the simulated network's CA, trusted like a system CA
    timeout: float = 10.0  # the client's documented network time-out, in seconds


@runtime_checkable
class Driver(Protocol):
    def open_app(self) -> None:
        """Start (or bring to front) the application, as the user does."""

    def open_link(self, url: str) -> None:
        """The operating system's hand-off of a link to the application (a deployment link,
        Open MiCollab)."""

    def screen(self) -> Screen:
        """The screen shown now."""

    def history(self) -> list[str]:
        """The names of the screens shown since the application was opened, oldest first."""

    def wait_for_screen(self, name: str, timeout: float) -> Screen:
        """The screen called `name` once it shows, or the current screen after `timeout`."""

    def fill(self, label: str, value: str) -> None:
        """Type or paste `value` into the field labelled `label`."""

    def press(self, label: str) -> None:
        """Click or tap the button labelled `label`."""

    def tap(self, element: str, times: int = 1) -> None:
        """Tap an element (e.g. the Mitel logo) `times` times in quick succession."""

    def back(self) -> None:
        """The Back button."""

    def close(self) -> None:
        """Quit the application and free what the driver holds."""
