"""The wire audit: what every scenario's traffic must show, whatever the scenario is about.

Each check is a small named unit over the flows the proxy recorded (plain dicts, see
mocks/proxy/addon.py `Recording.record`) and returns the violations it found, each naming its
requirement and the offending flow.
"""

from __future__ import annotations

import fnmatch
import json
from dataclasses import dataclass, field

from harness.errors import ConformanceFailure

PROBE_HEADER = "x-harness-probe"  # requests the harness itself sends (e.g. replaying a token)


@dataclass(frozen=True)
class Credential:
    value: str
    owners: tuple[str, ...]  # the only hosts that may receive it
    what: str  # "the MiCollab password", for the message
    whole_field: bool = False  # short values (a 6-digit OTP) count only as a whole field's value


@dataclass(frozen=True)
class AuditContext:
    platform_hosts: tuple[str, ...]  # host patterns of the platform's servers
    credentials: tuple[Credential, ...] = ()


@dataclass(frozen=True)
class Violation:
    req_id: str
    message: str
    flow: dict = field(hash=False, compare=False)

    def describe(self) -> str:
        return f"{self.req_id}: {self.message} — {flow_line(self.flow)}"


class WireViolation(ConformanceFailure):
    def __init__(self, violations: list[Violation]) -> None:
        self.violations = violations
        self.req_ids = sorted({v.req_id for v in violations})
        evidence = "\n".join(f"  {v.describe()}" for v in violations)
        super().__init__("the wire audit finds nothing wrong", "no violation", ", ".join(self.req_ids), evidence)


def flow_line(flow: dict) -> str:
    query = f"?{'&'.join(flow['query'])}" if flow.get("query") else ""
    return f"#{flow['seq']} {flow['method']} {flow['scheme']}://{flow['host']}{flow['path']}{query} -> {flow['status']}"


def client_flows(flows: list[dict]) -> list[dict]:
    return [f for f in flows if PROBE_HEADER not in {k.lower() for k in f["request_headers"]}]


def is_platform_host(host: str, context: AuditContext) -> bool:
    return any(fnmatch.fnmatchcase(host, pattern) for pattern in context.platform_hosts)


def check_tls(flows: list[dict], context: AuditContext) -> list[Violation]:
    """SEC-TLS-1: every request to a platform host uses HTTPS."""
    return [
        Violation("SEC-TLS-1", "plain HTTP to a platform host", f)
        for f in flows
        if f["scheme"] != "https" and is_platform_host(f["host"], context)
    ]


def check_credentials(flows: list[dict], context: AuditContext) -> list[Violation]:
    """SEC-CRED-1: a password or OTP goes only to the host that owns it, never in a query string."""
    found = []
    for flow in flows:
        for credential in context.credentials:
            in_query, anywhere = where_sent(credential, flow)
            if in_query:
                found.append(Violation("SEC-CRED-1", f"{credential.what} in a URL query string", flow))
            elif anywhere and flow["host"] not in credential.owners:
                found.append(Violation("SEC-CRED-1", f"{credential.what} sent to {flow['host']}", flow))
    return found


def where_sent(credential: Credential, flow: dict) -> tuple[bool, bool]:
    """Whether the value went in the query string, and whether it went anywhere in the request."""
    if credential.whole_field:
        fields = [*flow["form"].values(), *json_values(flow["request_body"])]
        in_query = credential.value in flow["query"].values()
        return in_query, in_query or credential.value in fields
    query = json.dumps(flow["query"])
    sent = " ".join([flow["path"], query, flow["request_body"], json.dumps(flow["request_headers"])])
    return credential.value in query, credential.value in sent


def sent_to(flows: list[dict], value: str) -> int:
    """How many requests carried `value` anywhere: a check of where it went needs it sent."""
    return sum(where_sent(Credential(value, (), ""), flow)[1] for flow in flows)


def json_values(body: str) -> list[str]:
    try:
        parsed = json.loads(body) if body.lstrip().startswith("{") else {}
    except ValueError:
        return []
    return [str(v) for v in parsed.values()] if isinstance(parsed, dict) else []


def check_oauth(flows: list[dict], context: AuditContext) -> list[Violation]:
    """SEC-OAUTH-1: authorization requests carry PKCE S256, state and, for OIDC, nonce."""
    found = []
    for flow in flows:
        query = flow["query"]
        if not flow["path"].endswith("/authorize") or query.get("response_type") != "code":
            continue
        missing = [p for p in ("code_challenge", "state") if not query.get(p)]
        if query.get("code_challenge_method") != "S256":
            missing.append("code_challenge_method=S256")
        if "openid" in query.get("scope", "").split() and not query.get("nonce"):
            missing.append("nonce")
        if missing:
            found.append(Violation("SEC-OAUTH-1", f"authorization request without {', '.join(missing)}", flow))
    return found


def check_egress(flows: list[dict], context: AuditContext) -> list[Violation]:
    """SEC-EGRESS-1: nothing leaves the simulated network."""
    return [
        Violation("SEC-EGRESS-1", "request to a host the harness does not simulate", f) for f in flows if f["refused"]
    ]


CHECKS = (check_tls, check_credentials, check_oauth, check_egress)


def audit(flows: list[dict], context: AuditContext) -> list[Violation]:
    mine = client_flows(flows)
    return [violation for check in CHECKS for violation in check(mine, context)]


def expect_clean(check, flows: list[dict], context: AuditContext) -> None:
    """One named check over the client's flows, failing the step that asks for it."""
    violations = check(client_flows(flows), context)
    if violations:
        raise WireViolation(violations)
