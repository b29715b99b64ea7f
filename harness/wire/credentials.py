"""SEC-CRED-1: a password or OTP goes only to the host that owns it, and never in a URL (query
or path), in whatever form a client could send it (harness.wire.views); nor does a token the
platform issued the device."""

from __future__ import annotations

import json
from urllib.parse import unquote

from harness.wire.model import AuditContext, Credential, Violation
from harness.wire.views import View, expand, views

WITHHELD = "[withheld]"


def carries(view: View, credential: Credential) -> bool:
    """A short value counts only as the whole value of a field, so that it is not found by chance
    inside a token; a long one counts anywhere in the text."""
    if credential.whole_field:
        return view.whole and view.text.strip() == credential.value
    return credential.value in view.text


def sightings(credential: Credential, seen: list[View]) -> list[View]:
    """The views that carry the credential, the fewest decodings away from the request first."""
    return sorted((view for view in seen if carries(view, credential)), key=lambda view: view.depth)


def check_credentials(flows: list[dict], context: AuditContext) -> list[Violation]:
    """SEC-CRED-1: each credential only to its owners, never in a URL, even to its owner."""
    found = []
    for flow in flows:
        seen = views(flow)
        for credential in context.credentials:
            where = sightings(credential, seen)
            in_url = [view for view in where if view.in_url]
            if in_url:
                message = f"{credential.what} in the URL ({in_url[0].where})"
                found.append(Violation("SEC-CRED-1", message, withheld(flow, credential)))
            elif where and flow["host"] not in credential.owners:
                message = f"{credential.what} sent to {flow['host']} ({where[0].where})"
                found.append(Violation("SEC-CRED-1", message, flow))
    return found


TOKEN_FIELDS = ("access_token", "refresh_token", "id_token")  # RFC 6749 section 5.1, OIDC Core 3.1.3.3


def issued_tokens(flows: list[dict]) -> list[str]:
    """The tokens the platform's token endpoints gave the device in these flows."""
    found = []
    for flow in flows:
        try:
            answer = json.loads(flow.get("response_body") or "null")
        except ValueError:
            continue
        if isinstance(answer, dict):
            found += [answer[name] for name in TOKEN_FIELDS if isinstance(answer.get(name), str) and answer[name]]
    return found


def check_tokens_not_in_url(flows: list[dict], context: AuditContext) -> list[Violation]:
    """SEC-CRED-1: a bearer token the device was given never travels in a URL, where proxies and
    logs keep it (RFC 6750 section 5.3: "Don't pass bearer tokens in page URLs")."""
    tokens = [Credential(token, (), "a token the platform issued") for token in set(issued_tokens(flows))]
    if not tokens:  # most scenarios: no request needs decoding again
        return []
    found = []
    for flow in flows:
        seen = views(flow)
        for token in tokens:
            in_url = [view for view in sightings(token, seen) if view.in_url]
            if in_url:
                message = f"{token.what} in the URL ({in_url[0].where})"
                found.append(Violation("SEC-CRED-1", message, withheld(flow, token)))
    return found


def withheld(flow: dict, credential: Credential) -> dict:
    """The flow as a violation shows it: a path segment that carries the credential, in any
    encoding, withheld (query values are never shown)."""
    segments = [
        WITHHELD if sightings(credential, expand([View("", unquote(segment), in_url=True)])) else segment
        for segment in flow["path"].split("/")
    ]
    return flow | {"path": "/".join(segments)}


def where_sent(credential: Credential, flow: dict) -> tuple[bool, bool]:
    """Whether the value went in the URL, and whether it went anywhere in the request."""
    where = sightings(credential, views(flow))
    return any(view.in_url for view in where), bool(where)


def sent_to(flows: list[dict], value: str) -> int:
    """How many requests carried `value` anywhere: a check of where it went needs it sent."""
    return sum(where_sent(Credential(value, (), ""), flow)[1] for flow in flows)
