"""The driver interface over a small JSON protocol, so a client written in any language (or an
Appium / WinAppDriver script) can be plugged in: `--client "json:<command>"`.

The harness starts <command> once per test session and speaks JSON lines on its stdin/stdout:
  → {"id": 1, "method": "describe"}
  ← {"id": 1, "result": {"capabilities": ["manual-login", …], "platforms": ["PC", …]}}
  → {"id": 2, "method": "start", "params": {<ClientSettings fields>}}
  ← {"id": 2, "result": {"device": "d1"}}
  → {"id": 3, "method": "press", "params": {"device": "d1", "label": "Apply"}}
  ← {"id": 3, "result": null}          or  {"id": 3, "error": {"message": "…"}}
Methods after start are the Driver's: open_app, open_link {url}, screen, history,
wait_for_screen {name, timeout}, fill {label, value}, press {label}, tap {element, times}, back,
close. `screen` answers {"name", "fields", "buttons", "elements", "messages"}. Errors are the
client's own ("no such button") and fail the step as adapter errors.
"""

from __future__ import annotations

import atexit
import dataclasses
import itertools
import json
import shlex
import subprocess
import threading

from clients.driver import ClientSettings, Screen
from failures import AdapterError


class JsonProtocolClient:
    """A factory of drivers served by one external process."""

    def __init__(self, command: str) -> None:
        self.command = command
        self._process: subprocess.Popen | None = None
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        described = self.call("describe")
        self.capabilities = frozenset(described.get("capabilities", ()))
        self.platforms = frozenset(described.get("platforms", ()))
        atexit.register(self.close)

    def __call__(self, settings: ClientSettings) -> RemoteDriver:
        device = self.call("start", **dataclasses.asdict(settings))["device"]
        return RemoteDriver(self, device)

    def call(self, method: str, **params):
        with self._lock:
            process = self._running()
            message = {"id": next(self._ids), "method": method, "params": params}
            try:
                process.stdin.write(json.dumps(message) + "\n")
                process.stdin.flush()
                line = process.stdout.readline()
            except OSError as exc:
                raise AdapterError(f"the client process ({self.command}) is gone: {exc}") from exc
        if not line:
            raise AdapterError(f"the client process ({self.command}) ended without answering {method}")
        answer = json.loads(line)
        if "error" in answer:
            raise AdapterError(f"{method}: {answer['error'].get('message', answer['error'])}")
        return answer.get("result")

    def _running(self) -> subprocess.Popen:
        if self._process is None or self._process.poll() is not None:
            try:
                self._process = subprocess.Popen(
                    shlex.split(self.command), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1
                )
            except OSError as exc:
                raise AdapterError(f"cannot start the client process {self.command!r}: {exc}") from exc
        return self._process

    def close(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.stdin.close()
            self._process.wait(timeout=10)


class RemoteDriver:
    """`clients.driver.Driver` for one device of a JSON-protocol client."""

    def __init__(self, client: JsonProtocolClient, device: str) -> None:
        self._client, self._device = client, device

    def _call(self, method: str, **params):
        return self._client.call(method, device=self._device, **params)

    def open_app(self) -> None:
        self._call("open_app")

    def open_link(self, url: str) -> None:
        self._call("open_link", url=url)

    def screen(self) -> Screen:
        shown = self._call("screen")
        return Screen(
            shown["name"], dict(shown.get("fields", {})), tuple(shown.get("buttons", ())),
            tuple(shown.get("elements", ())), tuple(shown.get("messages", ())),
        )  # fmt: skip

    def history(self) -> list[str]:
        return list(self._call("history"))

    def wait_for_screen(self, name: str, timeout: float) -> Screen:
        self._call("wait_for_screen", name=name, timeout=timeout)
        return self.screen()

    def fill(self, label: str, value: str) -> None:
        self._call("fill", label=label, value=value)

    def press(self, label: str) -> None:
        self._call("press", label=label)

    def tap(self, element: str, times: int = 1) -> None:
        self._call("tap", element=element, times=times)

    def back(self) -> None:
        self._call("back")

    def close(self) -> None:
        self._call("close")
