"""What the wire audit reads and reports: the credentials it looks for, its context, and the
violations it finds, each naming its requirement and the offending flow."""

from __future__ import annotations

import fnmatch
from collections import defaultdict
from dataclasses import dataclass, field

from harness.errors import ConformanceFailure
from mocks.received import reached_mock

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
    device = f" [{flow['device']}]" if flow.get("device") else ""
    url = f"{flow['scheme']}://{flow['host']}{flow['path']}{query}"
    return f"#{flow['seq']} {flow['method']} {url} -> {flow['status']}{device}"


def is_platform_host(host: str, context: AuditContext) -> bool:
    return any(fnmatch.fnmatchcase(host, pattern) for pattern in context.platform_hosts)


def by_device(flows: list[dict]) -> dict[str, list[dict]]:
    """The flows of each device (one group, "", where flows name no device)."""
    grouped: dict[str, list[dict]] = defaultdict(list)
    for flow in flows:
        grouped[flow.get("device", "")].append(flow)
    return grouped


def reached_server(flow: dict) -> bool:
    """Whether the server received the request: not refused, not answered by a proxy fault."""
    return reached_mock(flow)
