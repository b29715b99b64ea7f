"""The network itself: HTTPS to the platform (SEC-TLS-1), nothing outside it (SEC-EGRESS-1)."""

from __future__ import annotations

from harness.wire.model import AuditContext, Violation, is_platform_host


def check_tls(flows: list[dict], context: AuditContext) -> list[Violation]:
    """SEC-TLS-1: every request to a platform host uses HTTPS."""
    return [
        Violation("SEC-TLS-1", "plain HTTP to a platform host", f)
        for f in flows
        if f["scheme"] != "https" and is_platform_host(f["host"], context)
    ]


def check_egress(flows: list[dict], context: AuditContext) -> list[Violation]:
    """SEC-EGRESS-1: nothing leaves the simulated network."""
    return [
        Violation("SEC-EGRESS-1", "request to a host the harness does not simulate", f) for f in flows if f["refused"]
    ]
