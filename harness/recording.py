"""Wraps any client's driver to keep a transcript: every action and the screen it led to.

The transcript is the scenario's evidence in the report; it is masked before it is attached.
"""

from __future__ import annotations

from clients.driver import Driver, Screen
from harness.errors import AdapterError, ConformanceFailure, HarnessError
from harness.masking import MASK, is_secret_field


def shown_value(label: str, value: str) -> str:
    return MASK if value and is_secret_field(label) else value


def describe(screen: Screen) -> str:
    parts = [f"[{screen.name}]"]
    parts += [f"{label}={shown_value(label, value)!r}" for label, value in screen.fields.items()]
    parts += [f"<{button}>" for button in screen.buttons]
    parts += [f"({element})" for element in screen.elements]
    parts += [f'"{message}"' for message in screen.messages]
    return " ".join(parts)


class RecordingDriver:
    """A Driver that forwards to another and writes down what happened.

    `is_product`: the driver is the product itself (a native client given with --client or
    --mobile-client), so an exception escaping from it is the product crashing, a failure; a
    driver the harness wrote around a product (the browser's) raises harness errors."""

    def __init__(self, inner: Driver, name: str, is_product: bool = False) -> None:
        self.inner = inner
        self.name = name
        self.is_product = is_product
        self.transcript: list[str] = []
        self.screens_seen: list[Screen] = []  # the screen after each action, whatever its name

    def _act(self, action: str, method, *arguments) -> None:
        try:
            method(*arguments)
        except (ConformanceFailure, HarnessError, AdapterError):
            raise
        except Exception as exc:
            if not self.is_product:
                raise
            self.transcript.append(f"{self.name}: {action} -> crashed: {type(exc).__name__}: {exc}")
            raise ConformanceFailure(
                f"the {self.name} client answers the user's action ({action})",
                "a screen, an error shown if something failed",
                f"the client crashed: {type(exc).__name__}: {exc}",
            ) from exc
        self._record(action)

    def _record(self, action: str) -> None:
        try:
            screen = self.inner.screen()
        except Exception as exc:  # a closed app has no screen: that is worth recording too
            self.transcript.append(f"{self.name}: {action} -> (no screen: {exc})")
            return
        self.screens_seen.append(screen)
        self.transcript.append(f"{self.name}: {action} -> {describe(screen)}")

    def open_app(self) -> None:
        self._act("open app", self.inner.open_app)

    def open_link(self, url: str) -> None:
        self._act(f"open link {url}", self.inner.open_link, url)

    def screen(self) -> Screen:
        return self.inner.screen()

    def history(self) -> list[str]:
        return self.inner.history()

    def wait_for_screen(self, name: str, timeout: float) -> Screen:
        return self.inner.wait_for_screen(name, timeout)

    def fill(self, label: str, value: str) -> None:
        self._act(f"fill {label!r} with {shown_value(label, value)!r}", self.inner.fill, label, value)

    def press(self, label: str) -> None:
        self._act(f"press <{label}>", self.inner.press, label)

    def tap(self, element: str, times: int = 1) -> None:
        self._act(f"tap ({element}) x{times}", self.inner.tap, element, times)

    def back(self) -> None:
        self._act("back", self.inner.back)

    def close(self) -> None:
        self.inner.close()

    def __getattr__(self, name: str):
        """What a driver offers beyond the interface (a browser's notifications, permission
        prompts, installability), passed through."""
        if name == "inner":  # not set yet (copying, unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.inner, name)


class RecordingWebClient(RecordingDriver):
    """A browser driver whose link clicks (clients.micollab_web) are written down too."""

    def click_link(self, label: str) -> str | None:
        opened = self.inner.click_link(label)
        self._record(f"click link {label!r} -> opens {opened}")
        return opened
