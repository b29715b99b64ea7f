"""The tokens a device was given or used: what its sessions are made of, beyond the passwords and
codes the platform knows it has. A browser that keeps one after logout keeps the ended session."""

from __future__ import annotations

from harness.wire.credentials import issued_tokens
from harness.wire.views import header, json_leaves, parse_json


def tokens_of(flows: list[dict]) -> list[str]:
    """Every token the device was given (a token endpoint's answer: `issued_tokens`) or sent: a
    JSON field named for a token (a `cloudlink_token`) and a bearer token (RFC 6750 section 2.1).
    Response bodies are recorded truncated, so a token given is also found where it was sent."""
    found = issued_tokens(flows)
    for flow in flows:
        leaves = json_leaves(parse_json(flow["request_body"]))
        found += [value for path, value in leaves if path.rsplit(".", 1)[-1].endswith("token")]
        kind, _, token = header(flow["request_headers"], "authorization").partition(" ")
        if kind.lower() == "bearer" and token:
            found.append(token)
    return sorted(set(found))
