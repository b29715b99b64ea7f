"""SEC-OAUTH-1 on the wire: every authorization-code flow of a device uses PKCE S256, `state`
and, for OpenID Connect, `nonce`, with values that are fresh and unguessable, and a code is
redeemed only with its own sign-in's verifier, after an answer that carried the device's state.

An authorization request is what RFC 6749 §4.1.1 says it is: a request carrying `response_type`,
in its query or, posted, in its form body, whatever its path (CloudLink's password API, POST
/2017-09-01/authorize without `response_type`, is not one). A code redemption is a token request
with `grant_type=authorization_code` (§4.1.3) in a form or, as CloudLink also takes, a JSON body.
An authorization answer is where a code comes back with its `state` (§4.1.2): the `Location` of
a redirect, or the query of the request that redirect makes.
"""

from __future__ import annotations

import base64
import hashlib
import math
import re
import string
from urllib.parse import parse_qsl, urlsplit

from harness.wire.model import AuditContext, Violation, by_device
from harness.wire.views import body_fields, form_fields, header

MIN_BITS = 128  # RFC 6749 §10.10: guessing a generated value must be at most 2^-128 likely
VERIFIER = re.compile(r"[A-Za-z0-9\-._~]{43,128}")  # RFC 7636 §4.1
DIGITS, LOWER, UPPER = set(string.digits), set(string.ascii_lowercase), set(string.ascii_uppercase)
HEX = DIGITS | set("abcdef")
BASE64 = DIGITS | LOWER | UPPER | set("+/-_")


# -- what the flows hold ------------------------------------------------------------------------


def authorization_params(flow: dict) -> dict[str, str] | None:
    """The parameters of an authorization request (RFC 6749 §4.1.1), None for any other request."""
    if "response_type" in flow["query"]:
        return flow["query"]
    form = form_fields(flow) if flow["method"] == "POST" else {}
    return form if "response_type" in form else None


def authorization_requests(flows: list[dict]) -> list[tuple[dict, dict[str, str]]]:
    found = [(flow, authorization_params(flow)) for flow in flows]
    return [(flow, params) for flow, params in found if params is not None]


def code_redemptions(flows: list[dict]) -> list[tuple[dict, dict[str, str]]]:
    """Token requests that redeem an authorization code (RFC 6749 §4.1.3)."""
    found = [(flow, body_fields(flow)) for flow in flows if flow["method"] == "POST"]
    return [(flow, fields) for flow, fields in found if fields.get("grant_type") == "authorization_code"]


def answers(flows: list[dict]) -> dict[str, str]:
    """Each authorization code that came back to the device, with the state it came back with."""
    found: dict[str, str] = {}
    for flow in flows:
        location = urlsplit(header(flow.get("response_headers", {}), "location")).query
        for params in (dict(parse_qsl(location)), flow["query"]):
            if params.get("code"):
                found.setdefault(params["code"], params.get("state", ""))
    return found


def s256(verifier: str) -> str:
    """RFC 7636 §4.2: BASE64URL(SHA256(ASCII(code_verifier))), unpadded."""
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")


def entropy_bits(value: str) -> float:
    """At most how many bits `value` holds, judged by its length and alphabet: decimal 10,
    hexadecimal 16 (dashes aside, as in a UUID), base64 or base64url 64 when at least two of
    digits, lower and upper case appear; otherwise every character class that appears."""
    text = value.rstrip("=")
    chars = set(text)
    if chars <= DIGITS:
        return len(text) * math.log2(10)
    if chars - {"-"} <= HEX or chars - {"-"} <= {c.upper() for c in HEX}:
        return len(text.replace("-", "")) * 4
    classes = [chars & DIGITS, chars & LOWER, chars & UPPER]
    if chars <= BASE64 and sum(map(bool, classes)) >= 2:
        return len(text) * 6
    size = 10 * bool(classes[0]) + 26 * bool(classes[1]) + 26 * bool(classes[2]) + len(chars - DIGITS - LOWER - UPPER)
    return len(text) * math.log2(max(size, 1))


# -- presence -------------------------------------------------------------------------------------


def check_oauth(flows: list[dict], context: AuditContext) -> list[Violation]:
    """SEC-OAUTH-1: authorization requests carry PKCE S256 (for a code), state and, for OIDC, nonce."""
    found = []
    for flow, params in authorization_requests(flows):
        missing = missing_protections(params)
        if missing:
            found.append(Violation("SEC-OAUTH-1", f"authorization request without {', '.join(missing)}", flow))
    return found


def missing_protections(params: dict[str, str]) -> list[str]:
    missing = []
    if "code" in params.get("response_type", "").split():
        missing += [] if params.get("code_challenge") else ["code_challenge"]
        missing += [] if params.get("code_challenge_method") == "S256" else ["code_challenge_method=S256"]
    missing += [] if params.get("state") else ["state"]
    if "openid" in params.get("scope", "").split() and not params.get("nonce"):
        missing.append("nonce")
    return missing


# -- fresh: never sent again by another authorization request of the same device ------------------


def check_state_fresh(flows: list[dict], context: AuditContext) -> list[Violation]:
    return reused(flows, "state")


def check_nonce_fresh(flows: list[dict], context: AuditContext) -> list[Violation]:
    return reused(flows, "nonce")


def check_challenge_fresh(flows: list[dict], context: AuditContext) -> list[Violation]:
    return reused(flows, "code_challenge")


def reused(flows: list[dict], name: str) -> list[Violation]:
    found = []
    for device_flows in by_device(flows).values():
        first: dict[str, dict] = {}
        for flow, params in authorization_requests(device_flows):
            value = params.get(name, "")
            if value in first:
                message = f"authorization request with the {name} of #{first[value]['seq']} again: not fresh"
                found.append(Violation("SEC-OAUTH-1", message, flow))
            elif value:
                first[value] = flow
    return found


# -- unguessable: at least 128 bits by length and alphabet (RFC 6749 §10.10, RFC 7636 §7.1) ---------


def check_state_unguessable(flows: list[dict], context: AuditContext) -> list[Violation]:
    return guessable(flows, "state")


def check_nonce_unguessable(flows: list[dict], context: AuditContext) -> list[Violation]:
    return guessable(flows, "nonce")


def check_challenge_unguessable(flows: list[dict], context: AuditContext) -> list[Violation]:
    return guessable(flows, "code_challenge")


def guessable(flows: list[dict], name: str) -> list[Violation]:
    found = []
    for flow, params in authorization_requests(flows):
        value = params.get(name, "")
        bits = entropy_bits(value) if value else MIN_BITS
        if bits < MIN_BITS:
            message = f"{name} {value!r} holds at most {bits:.0f} bits: guessable (at least {MIN_BITS} needed)"
            found.append(Violation("SEC-OAUTH-1", message, flow))
    return found


# -- the code's redemption ------------------------------------------------------------------------


def check_verifier_format(flows: list[dict], context: AuditContext) -> list[Violation]:
    """RFC 7636 §4.1: a code_verifier is 43 to 128 unreserved characters."""
    return [
        Violation("SEC-OAUTH-1", "code redeemed without a code_verifier of 43-128 unreserved characters", flow)
        for flow, fields in code_redemptions(flows)
        if not VERIFIER.fullmatch(fields.get("code_verifier", ""))
    ]


def check_verifier_matches(flows: list[dict], context: AuditContext) -> list[Violation]:
    """RFC 7636 §4.5: the verifier redeemed with a code is the one of that sign-in's challenge."""
    found = []
    for device_flows in by_device(flows).values():
        sign_ins = {p["state"]: p for _, p in authorization_requests(device_flows) if p.get("state")}
        returned = answers(device_flows)
        for flow, fields in code_redemptions(device_flows):
            sign_in = sign_ins.get(returned.get(fields.get("code", ""), ""), {})
            challenge = sign_in.get("code_challenge", "")
            if challenge and s256(fields.get("code_verifier", "")) != challenge:
                message = "code redeemed with a code_verifier that is not its sign-in's (code_challenge)"
                found.append(Violation("SEC-OAUTH-1", message, flow))
    return found


def check_answer_state(flows: list[dict], context: AuditContext) -> list[Violation]:
    """RFC 6749 §10.12: a code is redeemed only if its answer came back with the state of one of
    the device's own authorization requests; any other answer is forged, and refused."""
    found = []
    for device_flows in by_device(flows).values():
        states = {p.get("state", "") for _, p in authorization_requests(device_flows)} - {""}
        returned = answers(device_flows)
        for flow, fields in code_redemptions(device_flows):
            code = fields.get("code", "")
            if code in returned and returned[code] not in states:
                message = "code redeemed from an answer whose state is none of the device's authorization requests"
                found.append(Violation("SEC-OAUTH-1", message, flow))
    return found


VALUE_CHECKS = (
    check_state_fresh,
    check_nonce_fresh,
    check_challenge_fresh,
    check_state_unguessable,
    check_nonce_unguessable,
    check_challenge_unguessable,
    check_verifier_format,
    check_verifier_matches,
    check_answer_state,
)


def check_authorization_values(flows: list[dict], context: AuditContext) -> list[Violation]:
    """SEC-OAUTH-1 by value: every check above."""
    return [violation for check in VALUE_CHECKS for violation in check(flows, context)]
