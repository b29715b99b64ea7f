"""The requests each mock received, read from the world's one record of its traffic: the flows
the proxy keeps (mocks/proxy/addon.py, `Recording`). A front shows the requests to its own hosts
since its last reset; one the proxy answered itself (a fault standing for the server, a refusal)
never reached a mock. A world without a proxy (`direct`, for measuring) records nothing."""

from __future__ import annotations

import fnmatch
import threading
from collections.abc import Callable

# Faults the proxy answers in the server's place: the request never reaches the mock.
ANSWERED_BY_PROXY = ("down", "reset", "5xx", "malformed", "closed-port")
SHOWN = ("seq", "host", "method", "path", "query", "status", "device", "started")  # no bodies, no headers


def reached_mock(flow: dict) -> bool:
    return not flow.get("refused") and flow.get("fault", "") not in ANSWERED_BY_PROXY


class Received:
    """`flows(since)`: the proxy's flows after sequence number `since`, oldest first."""

    def __init__(self, flows: Callable[[int], list[dict]]) -> None:
        self._flows = flows
        self._latest = 0  # the newest sequence number seen: a mark costs only the flows after it
        self._lock = threading.Lock()

    def since(self, seq: int) -> list[dict]:
        found = self._flows(seq)
        with self._lock:
            self._latest = max([self._latest, *(f["seq"] for f in found)])
        return found

    def latest(self) -> int:
        self.since(self._latest)
        return self._latest

    def to(self, *hosts: str) -> Requests:
        return Requests(self, hosts)


class Requests:
    """The requests to some hosts (patterns: `micollab.*`) since the last `forget`."""

    def __init__(self, received: Received, hosts: tuple[str, ...]) -> None:
        self._received, self._hosts, self._since = received, hosts, 0

    def __call__(self, host: str = "", device: str = "") -> list[dict]:
        """Oldest first; only those to `host` and from devices whose ID starts with `device`, if given."""
        return [
            {key: flow.get(key) for key in SHOWN}
            for flow in self._received.since(self._since)
            if any(fnmatch.fnmatchcase(flow["host"], pattern) for pattern in self._hosts)
            and (not host or flow["host"] == host.lower())
            and flow.get("device", "").startswith(device)
            and reached_mock(flow)
        ]

    def forget(self) -> None:
        """Nothing received so far is shown again."""
        self._since = self._received.latest()
