"""A world started elsewhere (`python -m mocks serve`, in another process or on another host),
driven only over HTTP through its proxy: the same fronts as a world in this process
(mocks/platform.py), and the same proxy Control API, so a harness runs its scenarios against
either without knowing which.

Given only the world's proxy URL, it fetches the world's CA over plain HTTP (as a device fetches
mitmproxy's from mitm.it) and everything else over HTTPS, trusting that CA. Every device this
harness session puts on the world's network is named with a prefix of the session's own, so the
flows of two harness runs against one world never mix.
"""

from __future__ import annotations

import secrets
import shutil
import ssl
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from failures import HarnessError
from mocks.fronts import Fronts
from mocks.hosts import WORLD_HOST
from mocks.proxy import CONTROL_HOST
from mocks.remote import RemoteClock, RemoteFront
from mocks.tenant import Tenant
from mocks.world_api import CA_CERTIFICATE, FRONTS

TIMEOUT = 40.0  # above the longest wait a front does for the caller (an e-mail: 30 s at most)


def named(proxy_url: str, device: str) -> str:
    """The proxy URL under which `device` names itself to the proxy (its ID as the user name)."""
    parts = urlsplit(proxy_url)
    return f"{parts.scheme}://{device}:@{parts.hostname}:{parts.port}"


class RemoteProxy:
    """The world's proxy as mocks.proxy.Proxy offers it in this process: device URLs and its
    Control API at proxy.harness.test (flows, HAR, faults, the browser's holder)."""

    def __init__(self, url: str, browser_url: str, ca_path: Path, session: str) -> None:
        self.url, self.browser_url, self.ca_path, self.session = url, browser_url, ca_path, session
        self._control = httpx.Client(proxy=named(url, f"{session}harness"), base_url=f"http://{CONTROL_HOST}")

    def device_url(self, device: str) -> str:
        return named(self.url, self.session + device)

    def flows(self, device: str = "", since: int = 0) -> list[dict]:
        return self._call("GET", "/flows", params={"since": since, "device": self.session + device}).json()

    def har(self, device: str = "", since: int = 0) -> dict:
        return self._call("GET", "/har", params={"since": since, "device": self.session + device}).json()

    def forget(self, device: str) -> None:
        self._call("DELETE", "/flows", params={"device": self.session + device})

    def lend_browser(self, holder: str) -> None:
        self._call("PUT", "/browser", json={"holder": self.session + holder if holder else ""})

    def set_fault(self, host: str, kind: str, **options) -> None:
        self._call("PUT", "/faults", json={"host": host, "kind": kind, **options})

    def clear_faults(self) -> None:
        self._call("DELETE", "/faults")

    def check(self) -> None:
        self._call("GET", "/faults")

    def _call(self, method: str, path: str, **kwargs) -> httpx.Response:
        try:
            answer = self._control.request(method, path, timeout=TIMEOUT, **kwargs)
        except httpx.HTTPError as exc:
            raise HarnessError(f"the world's proxy at {self.url} did not answer {method} {path}: {exc}") from exc
        if answer.is_error:
            raise HarnessError(f"the world's proxy refused {method} {path}: {answer.text[:500]}")
        return answer

    def stop(self) -> None:
        self._control.close()


class RemoteWorld(Fronts):
    """`url`: the world's proxy, as its printed JSON gives it (`proxy`)."""

    scheme = "https"

    def __init__(self, url: str) -> None:
        if urlsplit(url).scheme != "http" or not urlsplit(url).port:
            raise HarnessError(f"--world {url}: give the world's proxy URL as it prints it, http://host:port")
        self.proxy_url = url
        self.session = f"w{secrets.token_hex(3)}-"  # this harness session's devices, apart from any other's
        self._scratch = Path(tempfile.mkdtemp(prefix="harness-world-"))
        self._http: httpx.Client | None = None
        self.proxy: RemoteProxy | None = None

    def start(self) -> RemoteWorld:
        ca_path = self._scratch / "ca.pem"
        ca_path.write_bytes(self._fetch_ca())
        self.ca_bundle = str(ca_path)
        tls = ssl.create_default_context(cafile=self.ca_bundle)
        proxy = named(self.proxy_url, f"{self.session}harness")
        self._http = httpx.Client(proxy=proxy, verify=tls, base_url=f"https://{WORLD_HOST}", timeout=TIMEOUT)
        for name, front in FRONTS.items():
            setattr(self, name, RemoteFront(front, self._send))
        network = self.world.network()
        self.browser_proxy_url = network["browser_proxy"]
        self.proxy = RemoteProxy(self.proxy_url, self.browser_proxy_url, ca_path, self.session)
        return self

    def _fetch_ca(self) -> bytes:
        proxy = named(self.proxy_url, f"{self.session}harness")
        try:
            answer = httpx.get(f"http://{WORLD_HOST}{CA_CERTIFICATE}", proxy=proxy, timeout=TIMEOUT)
        except httpx.HTTPError as exc:
            raise HarnessError(f"no world answers at {self.proxy_url} (python -m mocks serve): {exc}") from exc
        if answer.status_code != 200 or b"BEGIN CERTIFICATE" not in answer.content:
            raise HarnessError(f"{self.proxy_url} is not a world's proxy: {answer.status_code} {answer.text[:200]}")
        return answer.content

    def _send(self, method: str, path: str, **kwargs) -> httpx.Response:
        try:
            return self._http.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            raise HarnessError(f"the world at {self.proxy_url} did not answer {method} {path}: {exc}") from exc

    def add_tenant(self, tenant: Tenant) -> None:
        """The tenant, made here from the run seed, registered in the world; its clock is the world's."""
        try:
            self.world.add_tenant(tenant.id, tenant)
        except ValueError as exc:  # the seed's tenants are the world's already: a run with this seed made them
            raise HarnessError(f"{exc}: start the world again to replay this --seed, or run with another") from exc
        tenant.clock = RemoteClock(self.world, tenant.id)

    def check(self) -> None:
        """Raises HarnessError if the world or its proxy does not answer."""
        self.world.ready()

    def stop(self) -> None:
        if self.proxy is not None:
            self.proxy.stop()
        if self._http is not None:
            self._http.close()
        shutil.rmtree(self._scratch, ignore_errors=True)
