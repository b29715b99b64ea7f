"""One scenario's traffic through the proxy: its devices, their flows, its HAR, its faults, and
probes the harness sends itself.

Traffic belongs to whoever sent it: every device of a scenario reaches the proxy under an ID of
its own (`<scenario>.<role>.<n>`), so a flow is the scenario's, and that device's, by who sent
it, never by when. The browser, shared by the scenarios of a session, is lent to one device at a
time; what it sends on its own behalf (not a page's request) is recorded as the browser's own and
charged to nobody.
"""

from __future__ import annotations

import itertools
import ssl

import httpx

from harness.products import MICOLLAB_CLIENT, MICOLLAB_WEB_CLIENT, MITEL_ONE_MOBILE, MITEL_ONE_WEB
from harness.wire import PROBE_HEADER
from mocks.proxy import Proxy

# A device's role: the product it is, or the harness's own (the user's e-mail browser, replays).
ROLES = {
    MICOLLAB_CLIENT: "micollab-client",
    MICOLLAB_WEB_CLIENT: "micollab-web-client",
    MITEL_ONE_WEB: "mitel-one-web",
    MITEL_ONE_MOBILE: "mitel-one-mobile",
}
HARNESS = "harness"


PRODUCTS = {role: product for product, role in ROLES.items()}


def role_of(flow: dict) -> str:
    return flow["device"].split(".")[1] if flow["device"].count(".") >= 2 else ""


def product_of(flow: dict) -> str:
    """The product whose device sent `flow`; a device of the harness's own is the harness's."""
    return PRODUCTS.get(role_of(flow), HARNESS)


class ScenarioTraffic:
    _scenarios = itertools.count(1)

    def __init__(self, proxy: Proxy) -> None:
        self.proxy = proxy
        self.key = f"s{next(self._scenarios)}"
        self._devices = itertools.count(1)
        self.faulted = False

    def new_device(self, product: str | None) -> str:
        """The ID of a new device of this scenario: `product`'s, or the harness's own (None)."""
        return f"{self.key}.{ROLES.get(product, HARNESS)}.{next(self._devices)}"

    def proxy_url(self, device: str) -> str:
        return self.proxy.device_url(device)

    def lend_browser(self, device: str | None) -> None:
        """The browser's flows are `device`'s from now on (None: nobody's)."""
        self.proxy.lend_browser(device or "")

    def flows(self, *products: str) -> list[dict]:
        """What this scenario's devices sent (of `products` only, if named), the browser's own
        requests left out."""
        roles = {ROLES[p] for p in products}
        return [f for f in self._all() if not f["browser_own"] and (not roles or role_of(f) in roles)]

    def client_flows(self) -> list[dict]:
        """What the MiCollab Client sent: "the client" of the MiCollab features."""
        return self.flows(MICOLLAB_CLIENT)

    def browser_own(self) -> list[dict]:
        """What the browser sent on its own behalf while this scenario held it: shown, not charged."""
        return [f for f in self._all() if f["browser_own"]]

    def _all(self) -> list[dict]:
        return self.proxy.flows(device=f"{self.key}.")

    def har(self) -> dict:
        return self.proxy.har(device=f"{self.key}.")

    def forget(self) -> None:
        """The scenario is over and its evidence taken: the proxy lets go of its flows."""
        self.proxy.forget(f"{self.key}.")

    def set_fault(self, host: str, kind: str, **options) -> None:
        self.faulted = True
        self.proxy.set_fault(host, kind, **options)

    def clear_faults(self) -> None:
        if self.faulted:
            self.proxy.clear_faults()
            self.faulted = False

    def bearer_tokens(self, host: str) -> list[str]:
        """Every bearer token the MiCollab Client sent to `host`."""
        found = []
        for flow in self.client_flows():
            headers = {k.lower(): v for k, v in flow["request_headers"].items()}
            kind, _, token = headers.get("authorization", "").partition(" ")
            if flow["host"] == host and kind.lower() == "bearer" and token not in found:
                found.append(token)
        return found

    def replay_with_token(self, host: str, path: str, token: str) -> int:
        """The status `host` answers to `path` with `token`, asked the way the client asks, by the
        harness as a device of its own."""
        headers = {"Authorization": f"Bearer {token}", PROBE_HEADER: "replay"}
        tls = ssl.create_default_context(cafile=str(self.proxy.ca_path))
        proxy = self.proxy_url(self.new_device(None))
        with httpx.Client(proxy=proxy, verify=tls, timeout=10) as client:
            return client.get(f"https://{host}{path}", headers=headers).status_code
