"""One scenario's traffic through the proxy: its flows, its HAR, its faults, and probes the
harness sends itself (marked, so the wire audit leaves them out)."""

from __future__ import annotations

import ssl

import httpx

from harness.wire import PROBE_HEADER
from mocks.proxy import Proxy


class ScenarioTraffic:
    def __init__(self, proxy: Proxy) -> None:
        """Scenarios of one test session run one after the other, and each reads its flows at
        its end: every flow after the last one read belongs to this scenario."""
        self.proxy = proxy
        self.since = proxy.high_water
        self.faulted = False

    def flows(self) -> list[dict]:
        return self.proxy.flows(self.since)

    def har(self) -> dict:
        return self.proxy.har(self.since)

    def set_fault(self, host: str, kind: str, **options) -> None:
        self.faulted = True
        self.proxy.set_fault(host, kind, **options)

    def clear_faults(self) -> None:
        if self.faulted:
            self.proxy.clear_faults()
            self.faulted = False

    def bearer_tokens(self, host: str) -> list[str]:
        """Every bearer token the client sent to `host`."""
        found = []
        for flow in self.flows():
            headers = {k.lower(): v for k, v in flow["request_headers"].items()}
            kind, _, token = headers.get("authorization", "").partition(" ")
            if flow["host"] == host and kind.lower() == "bearer" and token not in found:
                found.append(token)
        return found

    def replay_with_token(self, host: str, path: str, token: str) -> int:
        """The status `host` answers to `path` with `token`, asked the way the client asks."""
        headers = {"Authorization": f"Bearer {token}", PROBE_HEADER: "replay"}
        tls = ssl.create_default_context(cafile=str(self.proxy.ca_path))
        with httpx.Client(proxy=self.proxy.url, verify=tls, timeout=10) as client:
            return client.get(f"https://{host}{path}", headers=headers).status_code
