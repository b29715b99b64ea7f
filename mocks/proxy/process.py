"""Starts the proxy (mitmproxy with the harness's addons, `serve.py`) once per test session, and
talks to its Control API."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import httpx

from failures import HarnessError
from mocks.netutil import LOOPBACK
from mocks.proxy import ca

# The browser reaches the proxy on a loopback address of its own, so its flows are known as the
# browser's (it cannot name itself as other devices do).
BROWSER_LOOPBACK = "127.0.0.2"

CONTROL_HOST = "proxy.harness.test"
FORGET_HEADER = "X-Harness-Forget"  # on any Control API call: owners whose flows to let go of first
SERVE = Path(__file__).with_name("serve.py")
PROJECT = Path(__file__).resolve().parents[2]
DEFAULT_PYTHON = PROJECT / ".tools" / "proxy" / "bin" / "python"
# The proxy's CA (mocks.proxy.ca), made once per checkout and given to every proxy. Trusted by the
# harness's devices only (each is handed the certificate); a phone on the standalone world installs
# it once. Named for its key: a checkout that kept mitmproxy's RSA CA gets a new one.
CA_CACHE = PROJECT / ".tools" / "proxy" / "ca-p256"
START_TIMEOUT = 20.0


class ProxyNotInstalled(HarnessError):
    pass


def proxy_python() -> Path:
    """HARNESS_PROXY_PYTHON, else the environment `make setup` makes for mitmproxy."""
    configured = os.environ.get("HARNESS_PROXY_PYTHON")
    if configured and not Path(configured).exists():
        raise ProxyNotInstalled(f"HARNESS_PROXY_PYTHON names {configured}, which does not exist")
    candidate = Path(configured) if configured else DEFAULT_PYTHON
    if not candidate.exists():
        raise ProxyNotInstalled(
            "mitmproxy is not installed: run `make setup` (it installs mitmproxy in .tools/proxy), "
            "or set HARNESS_PROXY_PYTHON to a Python that has mitmproxy 11"
        )
    return candidate


class Proxy:
    """`require_identity=True` (a test run) answers 407 to a device that gives no name, so every
    flow belongs to one; without it (the standalone world: a person's phone) anyone may use it."""

    def __init__(self, upstream_port: int, host_patterns: list[str], require_identity: bool = False) -> None:
        self._confdir = Path(tempfile.mkdtemp(prefix="harness-proxy-"))
        self._port_file = self._confdir / "port"
        self.port = self.browser_port = 0  # known once it listens
        self._command = [
            *(str(proxy_python()), str(SERVE), *(["--require-identity"] if require_identity else [])),
            *("--listen-host", LOOPBACK, "--browser-host", BROWSER_LOOPBACK),
            *("--port-file", str(self._port_file), "--confdir", str(self._confdir)),
            *("--hosts", ",".join(host_patterns), "--upstream", f"{LOOPBACK}:{upstream_port}"),
        ]
        self._log = self._confdir / "proxy.log"
        self._process: subprocess.Popen | None = None
        self._control: httpx.Client | None = None
        self._forgotten: list[str] = []  # owners whose flows the proxy is yet to let go of

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def device_url(self, device: str) -> str:
        """The proxy URL of one device: its ID as the user name, sent with each request."""
        return f"http://{device}:@{LOOPBACK}:{self.port}"

    @property
    def browser_url(self) -> str:
        return f"http://{BROWSER_LOOPBACK}:{self.browser_port}"

    @property
    def ca_path(self) -> Path:
        return self._confdir / "mitmproxy-ca-cert.pem"

    def start(self) -> Proxy:
        self.launch()
        self.wait_until_ready()
        return self

    def launch(self) -> None:
        """Starts the proxy without waiting: it boots while the mocks start."""
        shutil.copytree(ca.kept(CA_CACHE), self._confdir, dirs_exist_ok=True)
        with self._log.open("w") as log:
            self._process = subprocess.Popen(self._command, stdout=log, stderr=subprocess.STDOUT)

    def wait_until_ready(self) -> None:
        self._wait_for_port()
        self._control = httpx.Client(proxy=self.url, base_url=f"http://{CONTROL_HOST}", timeout=10)

    def _wait_for_port(self) -> None:
        """Until it says which port it listens on (its CA is there from the start): a condition
        with a deadline."""
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            self.check()
            if self._port_file.exists():
                ports = json.loads(self._port_file.read_text())
                self.port, self.browser_port = ports["devices"], ports["browser"]
                return
            time.sleep(0.02)
        self.stop()
        raise HarnessError(f"the proxy did not start within {START_TIMEOUT}s: {self.log_tail()}")

    def check(self) -> None:
        if self._process is None or self._process.poll() is not None:
            code = self._process.returncode if self._process else None
            raise HarnessError(f"the proxy (mitmproxy) is not running (exit code {code}): {self.log_tail()}")

    def log_tail(self) -> str:
        return self._log.read_text()[-2000:] if self._log.exists() else "(no log)"

    # -- the Control API ------------------------------------------------------------------------

    def flows(self, device: str = "", since: int = 0) -> list[dict]:
        """The flows of the devices whose ID starts with `device` (all with ""), after `since`."""
        return self._call("GET", "/flows", params={"since": since, "device": device}).json()

    def har(self, device: str = "", since: int = 0) -> dict:
        """The same flows as HAR 1.2, made by mitmproxy's own exporter."""
        return self._call("GET", "/har", params={"since": since, "device": device}).json()

    def forget(self, device: str) -> None:
        """Lets go of the flows of the devices whose ID starts with `device` (`<owner>.`), told
        with the next call to the Control API: a finished scenario's flows cost no call of their own."""
        self._forgotten.append(device)

    def lend_browser(self, holder: str) -> None:
        """From now on the browser's flows are `holder`'s ("": nobody's)."""
        self._call("PUT", "/browser", json={"holder": holder})

    def set_fault(self, host: str, kind: str, **options) -> None:
        self._call("PUT", "/faults", json={"host": host, "kind": kind, **options})

    def clear_faults(self) -> None:
        self._call("DELETE", "/faults")

    def _call(self, method: str, path: str, **kwargs) -> httpx.Response:
        self.check()
        forgotten = {FORGET_HEADER: ",".join(self._forgotten)} if self._forgotten else {}
        try:
            answer = self._control.request(method, path, headers=forgotten, **kwargs)
        except httpx.HTTPError as exc:
            raise HarnessError(f"the proxy's control API did not answer {method} {path}: {exc}") from exc
        if answer.is_error:
            raise HarnessError(f"the proxy refused {method} {path}: {answer.text}")
        self._forgotten.clear()
        return answer

    def stop(self) -> None:
        if self._control is not None:
            self._control.close()
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
        shutil.rmtree(self._confdir, ignore_errors=True)
