"""The mitmproxy addons that make the simulated network: loaded by `serve.py` in the proxy's own
virtual environment, so they import only mitmproxy (and what it depends on), the standard library
and the CA maker next to them (`ca.py`).

One class per concern, in the order they see a request:
  Identity - which device sent each flow: a device's proxy credentials, or the browser's listener
  Control  - answers the harness at http://proxy.harness.test (flows, faults, readiness)
  Egress   - refuses every host nobody simulates: answered here, recorded, never forwarded
  Faults   - per-host faults: down, reset, latency, 5xx, malformed body
  Impostor - per-host certificates a device must not trust: an unknown CA's, or another name's
  Routing  - sends simulated hosts to the loopback mocks, keeping the Host the client named
  Streaming - passes event streams (text/event-stream) through as they come, not buffered
  Recording - keeps every flow for the harness to audit
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import fnmatch
import itertools
import json
from pathlib import Path
from urllib.parse import parse_qsl, unquote

import ca
from cryptography import x509
from mitmproxy import certs, ctx, http, tls
from OpenSSL import crypto

CONTROL_HOST = "proxy.harness.test"
LISTENING = {"https": 443, "http": 80}  # where a simulated host listens, as the real ones do
FORGET_HEADER = "X-Harness-Forget"  # on any Control API call: owners whose flows to let go of first
SECRET_HEADERS = ("authorization", "cookie", "set-cookie")


def simulated(host: str) -> bool:
    patterns = [p for p in ctx.options.harness_hosts.split(",") if p]
    return host == CONTROL_HOST or any(fnmatch.fnmatchcase(host, p) for p in patterns)


def json_response(body: object, status: int = 200) -> http.Response:
    return http.Response.make(status, json.dumps(body), {"Content-Type": "application/json"})


def proxy_user(headers) -> str:
    """The user name of a `Proxy-Authorization: Basic` header: the device's ID."""
    kind, _, token = headers.get("proxy-authorization", "").partition(" ")
    if kind.lower() != "basic":
        return ""
    try:
        return unquote(base64.b64decode(token, validate=True).decode().partition(":")[0])
    except (binascii.Error, UnicodeDecodeError):
        return ""


def page_made(request: http.Request) -> bool:
    """Whether web content made the request (W3C Fetch Metadata: a page's requests say which site
    they come from, and carry its Origin or Referer), not the browser on its own behalf (a
    component update, push-messaging check-in) or the user typing an address."""
    site = request.headers.get("sec-fetch-site", "")
    return (
        site in ("same-origin", "same-site", "cross-site")
        or "origin" in request.headers
        or "referer" in request.headers
    )


class Identity:
    """Traffic belongs to whoever sent it. A device names itself as the user of its proxy URL
    (`http://<device id>:@proxy`), sent as Proxy-Authorization with each CONNECT or plain request;
    one that sends no name is asked for it (407), as any HTTP proxy with authentication does. A
    browser cannot name itself: it has a listener of its own, and is lent to one device at a time
    (`PUT /browser`). What the browser sends on its own behalf is recorded as the browser's."""

    def __init__(self) -> None:
        self.by_connection: dict[str, str] = {}
        self.browser_holder = ""

    def load(self, loader) -> None:
        loader.add_option("harness_browser_host", str, "", "the listen host of the browser's own listener")
        loader.add_option("harness_require_identity", bool, False, "answer 407 to a device that gives no name")

    def from_browser(self, flow: http.HTTPFlow) -> bool:
        return (
            bool(ctx.options.harness_browser_host) and flow.client_conn.sockname[0] == ctx.options.harness_browser_host
        )

    def http_connect(self, flow: http.HTTPFlow) -> None:
        device = proxy_user(flow.request.headers)
        if device:
            self.by_connection[flow.client_conn.id] = device
        elif self.must_name_itself(flow):
            flow.response = challenge()

    def requestheaders(self, flow: http.HTTPFlow) -> None:
        if self.from_browser(flow):
            flow.metadata["device"] = self.browser_holder
            flow.metadata["browser_own"] = not page_made(flow.request) and not simulated(flow.request.pretty_host)
            return
        device = proxy_user(flow.request.headers) or self.by_connection.get(flow.client_conn.id, "")
        flow.request.headers.pop("proxy-authorization", None)  # the proxy's, never the server's
        flow.metadata["device"] = device

    def request(self, flow: http.HTTPFlow) -> None:
        if not flow.metadata.get("device") and self.must_name_itself(flow):
            flow.response = challenge()

    def must_name_itself(self, flow: http.HTTPFlow) -> bool:
        return (
            ctx.options.harness_require_identity
            and not self.from_browser(flow)
            and flow.request.pretty_host != CONTROL_HOST
        )

    def client_disconnected(self, client) -> None:
        self.by_connection.pop(client.id, None)


def challenge() -> http.Response:
    body = b"name the device: set the proxy's user name to the device ID the harness gave it"
    return http.Response.make(407, body, {"Proxy-Authenticate": 'Basic realm="simulated network"'})


def owner(device: str) -> str:
    """Who a device belongs to: the first part of its ID (a test run's scenario, `s12` of
    `s12.micollab-client.1`), under which its flows are kept and let go together."""
    return device.split(".", 1)[0]


class Recording:
    """Every flow but the harness's own, in order, as plain data the harness can audit, kept by
    owner (a scenario): what one scenario asks for is found among its own flows, not the run's,
    and a finished scenario's flows can be let go (`forget`), so the proxy does not grow with
    the run."""

    def __init__(self) -> None:
        # owner -> (record, the flow itself for HAR, made only when asked for), in order
        self.kept: dict[str, list[tuple[dict, http.HTTPFlow]]] = {}
        self._seq = itertools.count(1)

    def load(self, loader) -> None:
        loader.add_option("harness_hosts", str, "", "comma-separated host patterns the mocks answer for")
        loader.add_option("harness_upstream", str, "", "host:port of the loopback network front")

    def response(self, flow: http.HTTPFlow) -> None:
        if flow.metadata.get("original_host") != CONTROL_HOST:
            record = self.record(flow)
            self.kept.setdefault(owner(record["device"]), []).append((record, flow))

    error = response

    @staticmethod
    def as_sent(flow: http.HTTPFlow) -> http.HTTPFlow:
        """A copy with the URL the client asked for, not the loopback one it was routed to."""
        copy = flow.copy()
        scheme = flow.metadata.get("original_scheme", flow.request.scheme)
        copy.request.scheme, copy.request.host = scheme, flow.metadata.get("original_host", flow.request.host)
        copy.request.port = flow.metadata.get("original_port", LISTENING[scheme])
        return copy

    def chosen(self, since: int, device: str) -> list[tuple[dict, http.HTTPFlow]]:
        """The flows after `since` of the devices whose ID starts with `device`, oldest first."""
        if "." in device:  # one owner's devices
            pairs = self.kept.get(owner(device), [])
        else:
            pairs = sorted((pair for kept in self.kept.values() for pair in kept), key=lambda pair: pair[0]["seq"])
        return [(r, f) for r, f in pairs if r["seq"] > since and r["device"].startswith(device)]

    def forget(self, device: str) -> int:
        """Lets go of the flows of the devices whose ID starts with `device` (one owner's): how many."""
        kept = self.kept.get(owner(device), [])
        left = [(r, f) for r, f in kept if not r["device"].startswith(device)]
        if left:
            self.kept[owner(device)] = left
        else:
            self.kept.pop(owner(device), None)
        return len(kept) - len(left)

    def har(self, since: int, device: str = "") -> dict:
        from mitmproxy.addons.savehar import SaveHar  # here: its flow filters take 20 ms to import at start

        return SaveHar().make_har([self.as_sent(f) for _, f in self.chosen(since, device)])

    def record(self, flow: http.HTTPFlow) -> dict:
        request = flow.request
        form = dict(request.urlencoded_form) if request.urlencoded_form else {}
        return {
            "seq": next(self._seq),
            "scheme": flow.metadata.get("original_scheme", request.scheme),
            "host": flow.metadata.get("original_host", request.pretty_host),
            "port": flow.metadata.get("original_port", request.port),
            "method": request.method,
            "path": request.path.split("?", 1)[0],
            "query": dict(parse_qsl(request.path.partition("?")[2], keep_blank_values=True)),
            "form": form,
            "request_headers": dict(request.headers),
            "request_body": request.get_text(strict=False) or "",
            "status": flow.response.status_code if flow.response else 0,
            "response_headers": dict(flow.response.headers) if flow.response else {},
            "response_body": (flow.response.get_text(strict=False) or "")[:4096] if flow.response else "",
            "refused": bool(flow.metadata.get("refused")),
            "device": flow.metadata.get("device", ""),
            "browser_own": bool(flow.metadata.get("browser_own")),
            "fault": flow.metadata.get("fault", ""),
            "error": str(flow.error) if flow.error else "",
            "started": request.timestamp_start,
            "ended": (flow.response.timestamp_end if flow.response else None) or request.timestamp_end,
        }


CERTIFICATE_FAULTS = ("untrusted-certificate", "wrong-host-certificate")
WRONG_HOST = "not-this-host.invalid"


class Impostor:
    """A host that presents a certificate the device must not trust: signed by a CA of its own
    that no device was told to trust (`untrusted-certificate`), or by the trusted CA but for
    another host name (`wrong-host-certificate`). Set per host through Control's faults."""

    def __init__(self, faults: Faults) -> None:
        self.faults = faults
        self._untrusted: certs.CertStore | None = None

    def tls_start_client(self, data: tls.TlsData) -> None:
        host = data.context.client.sni or ""
        kind = self.faults.rules.get(host, {}).get("kind")
        if kind not in CERTIFICATE_FAULTS or data.ssl_conn is None:
            return
        if kind == "untrusted-certificate":
            entry = self.untrusted_ca().get_cert(host, [x509.DNSName(host)])
        else:
            trusted = ctx.master.addons.get("tlsconfig").certstore
            entry = trusted.get_cert(WRONG_HOST, [x509.DNSName(WRONG_HOST)])
        data.ssl_conn.use_certificate(entry.cert.to_pyopenssl())  # in place of TlsConfig's
        data.ssl_conn.use_privatekey(crypto.PKey.from_cryptography_key(entry.privatekey))

    def untrusted_ca(self) -> certs.CertStore:
        """A CA of the same kind of key as the trusted one: OpenSSL keeps a certificate per kind
        of key, and with one of each it would still offer the trusted one."""
        if self._untrusted is None:
            where = Path(ctx.options.confdir).expanduser() / "untrusted-ca"
            where.mkdir(exist_ok=True)
            ca.make(where)
            self._untrusted = certs.CertStore.from_files(where / ca.KEY_AND_CERTIFICATE, where / "dhparam.pem")
        return self._untrusted


class Faults:
    """Per-host faults the harness sets through Control: each applies until cleared, to every
    request to that host, or only to paths starting with the rule's `path`."""

    KINDS = ("down", "reset", "latency", "5xx", "malformed", *CERTIFICATE_FAULTS)

    def __init__(self) -> None:
        self.rules: dict[str, dict] = {}

    async def request(self, flow: http.HTTPFlow) -> None:
        rule = self.rules.get(flow.request.pretty_host)
        if rule is None or flow.response is not None or not flow.request.path.startswith(rule.get("path", "/")):
            return
        flow.metadata["fault"] = rule["kind"]
        if rule["kind"] == "latency":
            await asyncio.sleep(float(rule.get("seconds", 1)))  # the fault itself is time
        elif rule["kind"] == "down":
            flow.response = http.Response.make(502, b"", {"Proxy-Status": "harness; error=connection_refused"})
        elif rule["kind"] == "reset":
            flow.kill()
        elif rule["kind"] == "5xx":
            flow.response = http.Response.make(int(rule.get("status", 503)), b"Service Unavailable")
        elif rule["kind"] == "malformed":
            flow.response = http.Response.make(200, b"{not json", {"Content-Type": "application/json"})


class Control:
    """The harness's own API, answered by the proxy itself; no request here is recorded."""

    def __init__(self, recording: Recording, faults: Faults, identity: Identity) -> None:
        self.recording, self.faults, self.identity = recording, faults, identity

    def request(self, flow: http.HTTPFlow) -> None:
        flow.metadata["original_host"] = flow.request.pretty_host
        flow.metadata["original_scheme"] = flow.request.scheme
        flow.metadata["original_port"] = flow.request.port
        if flow.request.pretty_host != CONTROL_HOST:
            return
        for device in flow.request.headers.get(FORGET_HEADER, "").split(","):
            if "." in device:  # one owner's devices (a test run's finished scenario)
                self.recording.forget(device)
        path, method = flow.request.path.split("?", 1)[0], flow.request.method
        if path == "/ready":
            flow.response = json_response({"ready": True})
        elif path in ("/har", "/flows"):
            flow.response = self.traffic(path, method, flow.request.query)
        elif path == "/browser" and method == "PUT":
            self.identity.browser_holder = json.loads(flow.request.get_text() or "{}").get("holder", "")
            flow.response = json_response({"holder": self.identity.browser_holder})
        elif path == "/faults" and method == "PUT":
            rule = json.loads(flow.request.get_text() or "{}")
            if rule.get("kind") not in Faults.KINDS or not rule.get("host"):
                flow.response = json_response({"error": f"a fault needs a host and a kind in {Faults.KINDS}"}, 400)
                return
            self.faults.rules[rule["host"]] = rule
            flow.response = json_response(rule)
        elif path == "/faults" and method == "DELETE":
            self.faults.rules.clear()
            flow.response = json_response({})
        elif path == "/faults":
            flow.response = json_response(list(self.faults.rules.values()))
        else:
            flow.response = json_response({"error": f"no control endpoint {method} {path}"}, 404)

    def traffic(self, path: str, method: str, query) -> http.Response:
        """The flows (`/flows`) or their HAR (`/har`) of the devices `device` names, after `since`;
        `DELETE /flows`: one owner's let go of."""
        device = query.get("device", "")
        if method == "DELETE":
            if "." not in device:
                return json_response({"error": "name one owner's devices: device=<owner>."}, 400)
            return json_response({"forgotten": self.recording.forget(device)})
        since = int(query.get("since", "0"))
        if path == "/har":
            return json_response(self.recording.har(since, device))
        return json_response([r for r, _ in self.recording.chosen(since, device)])


class Egress:
    """Nothing leaves the simulated network: a host nobody simulates is answered here. A simulated
    host listens where the real one does, on its scheme's port: on any other, nothing answers
    (as a connection refused, the `closed-port` fault)."""

    def request(self, flow: http.HTTPFlow) -> None:
        if flow.response is not None:
            return
        host = flow.request.pretty_host
        if not simulated(host):
            flow.metadata["refused"] = True
            body = f"{host} is not simulated by the harness: request refused"
            flow.response = http.Response.make(502, body.encode(), {"Content-Type": "text/plain"})
        elif host != CONTROL_HOST and flow.request.port != LISTENING.get(flow.request.scheme):
            flow.metadata["fault"] = "closed-port"
            headers = {"Proxy-Status": "harness; error=connection_refused"}
            flow.response = http.Response.make(502, f"nothing listens on {host}:{flow.request.port}", headers)


class Routing:
    """Simulated hosts go to the loopback network front, which serves them by Host header."""

    def request(self, flow: http.HTTPFlow) -> None:
        if flow.response is not None or flow.error is not None:
            return
        host, _, port = ctx.options.harness_upstream.rpartition(":")
        original_host = flow.request.host_header or flow.request.pretty_host
        forwarded = flow.request.scheme
        flow.request.scheme, flow.request.host, flow.request.port = "http", host, int(port)
        flow.request.host_header = original_host  # changing host rewrote it
        flow.request.headers["X-Forwarded-Proto"] = forwarded


class Streaming:
    """A server's event stream never ends while its session lasts: mitmproxy would hold it back
    until it did, so it is streamed to the client event by event."""

    def responseheaders(self, flow: http.HTTPFlow) -> None:
        if flow.response.headers.get("content-type", "").startswith("text/event-stream"):
            flow.response.stream = True


recording = Recording()
faults = Faults()
identity = Identity()


addons = [
    identity,
    Control(recording, faults, identity),
    Egress(),
    faults,
    Impostor(faults),
    Routing(),
    Streaming(),
    recording,
]
