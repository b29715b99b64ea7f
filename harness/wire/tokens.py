"""The tokens a device was given or used: what its sessions are made of, beyond the passwords and
codes the platform knows it has. A browser that keeps one after logout keeps the ended session."""

from __future__ import annotations

from harness.wire.views import header, json_leaves, parse_json


def tokens_of(flows: list[dict]) -> list[str]:
    """Every token in the flows: a JSON field named for one, given (a token response's
    access_token, refresh_token, id_token: RFC 6749 §5.1, OpenID Connect Core §3.1.3.3) or sent
    (a `cloudlink_token`), and every bearer token sent (RFC 6750 §2.1). Response bodies are
    recorded truncated, so a token given is usually found again where it was sent."""
    found: list[str] = []
    for flow in flows:
        for body in (flow["request_body"], flow.get("response_body", "")):
            leaves = json_leaves(parse_json(body))
            found += [value for path, value in leaves if path.rsplit(".", 1)[-1].endswith("token")]
        kind, _, token = header(flow["request_headers"], "authorization").partition(" ")
        if kind.lower() == "bearer" and token:
            found.append(token)
    return sorted(set(found))
