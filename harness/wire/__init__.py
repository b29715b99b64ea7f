"""The wire audit: what every scenario's traffic must show, whatever the scenario is about.

Each check is a small named unit over the flows the proxy recorded (plain dicts, see
mocks/proxy/addon.py `Recording.record`) and returns the violations it found, each naming its
requirement and the offending flow. Checks read a request through its decoded views
(harness.wire.views), never one raw string; checks "per device" group flows by their `device`.
"""

from __future__ import annotations

from harness.wire.credentials import check_credentials, check_tokens_not_in_url, sent_to, where_sent
from harness.wire.model import (
    PROBE_HEADER,
    AuditContext,
    Credential,
    Violation,
    WireViolation,
    flow_line,
    is_platform_host,
)
from harness.wire.oauth import (
    authorization_requests,
    check_answer_state,
    check_authorization_values,
    check_challenge_fresh,
    check_challenge_unguessable,
    check_nonce_fresh,
    check_nonce_unguessable,
    check_oauth,
    check_state_fresh,
    check_state_unguessable,
    check_verifier_format,
    check_verifier_matches,
    code_redemptions,
)
from harness.wire.single_use import (
    check_code_redeemed_once,
    check_deployment_redeemed_once,
    check_one_time_code_sent_once,
    deployment_redemptions,
)
from harness.wire.tokens import tokens_of
from harness.wire.transport import check_egress, check_tls

CHECKS = (
    check_tls,
    check_credentials,
    check_tokens_not_in_url,
    check_oauth,
    check_state_fresh,
    check_nonce_fresh,
    check_challenge_fresh,
    check_state_unguessable,
    check_nonce_unguessable,
    check_challenge_unguessable,
    check_verifier_format,
    check_verifier_matches,
    check_answer_state,
    check_code_redeemed_once,
    check_deployment_redeemed_once,
    check_one_time_code_sent_once,
    check_egress,
)


def client_flows(flows: list[dict]) -> list[dict]:
    return [f for f in flows if PROBE_HEADER not in {k.lower() for k in f["request_headers"]}]


def audit(flows: list[dict], context: AuditContext) -> list[Violation]:
    mine = client_flows(flows)
    return [violation for check in CHECKS for violation in check(mine, context)]


def expect_clean(check, flows: list[dict], context: AuditContext) -> None:
    """One named check over the client's flows, failing the step that asks for it."""
    violations = check(client_flows(flows), context)
    if violations:
        raise WireViolation(violations)


__all__ = [
    "CHECKS",
    "PROBE_HEADER",
    "AuditContext",
    "Credential",
    "Violation",
    "WireViolation",
    "audit",
    "authorization_requests",
    "check_answer_state",
    "check_authorization_values",
    "check_challenge_fresh",
    "check_challenge_unguessable",
    "check_code_redeemed_once",
    "check_credentials",
    "check_deployment_redeemed_once",
    "check_egress",
    "check_nonce_fresh",
    "check_nonce_unguessable",
    "check_oauth",
    "check_state_fresh",
    "check_state_unguessable",
    "check_tls",
    "check_tokens_not_in_url",
    "check_verifier_format",
    "check_verifier_matches",
    "client_flows",
    "code_redemptions",
    "deployment_redemptions",
    "expect_clean",
    "flow_line",
    "is_platform_host",
    "sent_to",
    "tokens_of",
    "where_sent",
]
