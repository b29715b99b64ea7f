"""SEC-OAUTH-1 and SEC-OAUTH-2 by value: each check's clean case and one case per way to break it."""

from __future__ import annotations

import json
import secrets
from urllib.parse import urlencode

import pytest

from harness import wire
from harness.wire.oauth import entropy_bits, s256
from tests.wire_flows import flow

CONTEXT = wire.AuditContext(platform_hosts=("micollab.*", "auth.mitel.io"))
DEVICE, OTHER_DEVICE = "s1.micollab-client.1", "s1.micollab-client.2"
VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"  # RFC 7636 appendix B
CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"


def test_s256_gives_the_rfc_7636_sample_challenge():
    assert s256(VERIFIER) == CHALLENGE


def params(**changes) -> dict:
    return {
        "response_type": "code",
        "client_id": "micollab-client",
        "redirect_uri": "com.mitel.micollab://cloudlink",
        "scope": "openid",
        "state": secrets.token_urlsafe(16),
        "nonce": secrets.token_urlsafe(16),
        "code_challenge": CHALLENGE,
        "code_challenge_method": "S256",
    } | changes


def authorize(seq: int = 1, device: str = DEVICE, **changes) -> dict:
    query = params(**changes)
    return flow(seq=seq, device=device, host="auth.mitel.io", method="GET", path="/authorize", query=query,
                request_headers={}, request_body="")  # fmt: skip


def answer(code: str, state: str, seq: int = 2, device: str = DEVICE) -> dict:
    """CloudLink's redirect back to the application, with the code and the state."""
    location = f"com.mitel.micollab://cloudlink?{urlencode({'code': code, 'state': state})}"
    return flow(seq=seq, device=device, host="auth.mitel.io", path="/authorize/tx/password", status=302,
                request_headers={}, request_body="password=x", response_headers={"Location": location})  # fmt: skip


def redeem(code: str, verifier: str = VERIFIER, seq: int = 3, device: str = DEVICE, **overrides) -> dict:
    fields = {"grant_type": "authorization_code", "code": code, "code_verifier": verifier, "client_id": "c"}
    return flow(seq=seq, device=device, host="authentication.api.mitel.io", path="/2017-09-01/token",
                request_body=json.dumps(fields), **({"status": 201} | overrides))  # fmt: skip


def sign_in(state: str = "", verifier: str = VERIFIER, device: str = DEVICE, seq: int = 1) -> list[dict]:
    """One sign-in of a device: the authorization request, its answer, the code redeemed."""
    state = state or secrets.token_urlsafe(16)
    code = secrets.token_urlsafe(24)
    challenge = s256(verifier)
    return [
        authorize(seq, device, state=state, code_challenge=challenge),
        answer(code, state, seq + 1, device),
        redeem(code, verifier, seq + 2, device),
    ]


def messages(check, flows: list[dict]) -> list[str]:
    return [f"{v.req_id}: {v.message}" for v in check(flows, CONTEXT)]


# -- which requests are authorization requests ----------------------------------------------------


def test_any_request_with_response_type_in_its_query_is_an_authorization_request():
    entra = authorize() | {"host": "login.microsoftonline.com", "path": "/tenant/oauth2/v2.0/authorize"}
    assert len(wire.authorization_requests([entra])) == 1


def test_a_posted_form_with_response_type_is_an_authorization_request():
    posted = flow(path="/oauth/start", request_headers={"Content-Type": "application/x-www-form-urlencoded"},
                  request_body=urlencode(params(state="")))  # fmt: skip
    assert messages(wire.check_oauth, [posted]) == ["SEC-OAUTH-1: authorization request without state"]


def test_cloudlinks_password_api_is_not_an_authorization_request():
    api = flow(host="authentication.api.mitel.io", path="/2017-09-01/authorize",
               request_headers={"Content-Type": "application/x-www-form-urlencoded"},
               request_body="username=a%40b.example&password=x&client_id=c")  # fmt: skip
    assert wire.authorization_requests([api]) == []
    assert wire.check_oauth([api], CONTEXT) == []


def test_a_token_request_redeems_a_code_in_a_form_body_too():
    form = flow(request_headers={"Content-Type": "application/x-www-form-urlencoded"},
                request_body=urlencode({"grant_type": "authorization_code", "code": "c1"}))  # fmt: skip
    password_grant = flow(request_body=json.dumps({"grant_type": "password", "password": "x"}))
    assert [f for f, _ in wire.code_redemptions([form, password_grant])] == [form]


# -- fresh --------------------------------------------------------------------------------------------


def test_two_sign_ins_with_fresh_values_are_clean():
    flows = sign_in(seq=1) + sign_in(verifier=secrets.token_urlsafe(32), seq=4)
    assert wire.check_authorization_values(flows, CONTEXT) == []


@pytest.mark.parametrize(
    ("check", "name"),
    [(wire.check_state_fresh, "state"), (wire.check_nonce_fresh, "nonce"),
     (wire.check_challenge_fresh, "code_challenge")],
)  # fmt: skip
def test_a_value_sent_again_by_the_same_device_is_not_fresh(check, name):
    first = authorize(1)
    again = authorize(4, **{name: first["query"][name]})
    [violation] = check([first, again], CONTEXT)
    assert violation.req_id == "SEC-OAUTH-1"
    assert f"the {name} of #1 again" in violation.message
    assert violation.flow is again


def test_the_same_value_on_two_devices_is_not_a_reuse():
    first = authorize(1)
    elsewhere = authorize(4, OTHER_DEVICE, state=first["query"]["state"])
    assert wire.check_state_fresh([first, elsewhere], CONTEXT) == []


# -- unguessable ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "bits"),
    [("123456", 19.9), ("deadbeef", 32), ("0b6c8f4e-3f43-4d0a-9a8b-1c2d3e4f5a6b", 128), ("micollab", 37.6),
     (CHALLENGE, 258), ("aB3" * 8, 144)],
)  # fmt: skip
def test_entropy_is_judged_by_length_and_alphabet(value, bits):
    assert entropy_bits(value) == pytest.approx(bits, abs=0.1)


@pytest.mark.parametrize(
    "make", [lambda: secrets.token_urlsafe(16), lambda: secrets.token_hex(16)], ids=["base64url", "hex"]
)
def test_generated_values_of_128_bits_are_unguessable(make):
    flows = [authorize(i, state=make(), nonce=make()) for i in range(200)]
    assert wire.check_state_unguessable(flows, CONTEXT) == []
    assert wire.check_nonce_unguessable(flows, CONTEXT) == []


@pytest.mark.parametrize(
    ("check", "name", "value"),
    [
        (wire.check_state_unguessable, "state", "9f3a0c7e"),  # 32 bits of hex
        (wire.check_state_unguessable, "state", "micollab-client-sign-in"),
        (wire.check_nonce_unguessable, "nonce", "123456"),
        (wire.check_nonce_unguessable, "nonce", "m8ebxhjgHWg"),  # 64 bits of base64url
        (wire.check_challenge_unguessable, "code_challenge", "abc"),
    ],
    ids=["state 32 bits", "state a word", "nonce six digits", "nonce 64 bits", "challenge 3 letters"],
)
def test_a_short_or_narrow_value_is_guessable(check, name, value):
    [violation] = check([authorize(**{name: value})], CONTEXT)
    assert f"{name} {value!r} holds at most" in violation.message


# -- the code's redemption -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "verifier",
    ["a" * 42, "a" * 129, VERIFIER[:-1] + "+", ""],
    ids=["42 long", "129 long", "reserved character", "none"],
)
def test_a_verifier_out_of_rfc_7636_is_a_violation(verifier):
    [violation] = wire.check_verifier_format([redeem("c1", verifier)], CONTEXT)
    assert "43-128 unreserved characters" in violation.message


@pytest.mark.parametrize("verifier", ["a" * 43, "~._-" * 32], ids=["43 long", "128 long"])
def test_a_verifier_of_rfc_7636_is_clean(verifier):
    assert wire.check_verifier_format([redeem("c1", verifier)], CONTEXT) == []


def test_the_verifier_of_another_sign_in_is_a_violation():
    request, back, redemption = sign_in()
    wrong = redeem(redemption_code(redemption), secrets.token_urlsafe(32))
    [violation] = wire.check_verifier_matches([request, back, wrong], CONTEXT)
    assert "not its sign-in's" in violation.message
    assert wire.check_verifier_matches([request, back, redemption], CONTEXT) == []


def test_the_answer_seen_by_the_browser_links_a_code_to_its_sign_in():
    request, _, redemption = sign_in()
    callback = flow(seq=2, host="one.mitel.io", method="GET", path="/sso/callback", request_body="",
                    query={"code": redemption_code(redemption), "state": request["query"]["state"]})  # fmt: skip
    wrong = redeem(redemption_code(redemption), secrets.token_urlsafe(32))
    assert len(wire.check_verifier_matches([request, callback, wrong], CONTEXT)) == 1


@pytest.mark.parametrize("state", ["forged-" + secrets.token_urlsafe(16), ""], ids=["another state", "no state"])
def test_a_code_redeemed_from_an_answer_with_another_state_is_a_violation(state):
    request, _, redemption = sign_in()
    forged = answer(redemption_code(redemption), state)
    [violation] = wire.check_answer_state([request, forged, redemption], CONTEXT)
    assert violation.req_id == "SEC-OAUTH-1"
    assert violation.flow is redemption


def test_the_state_of_another_devices_sign_in_does_not_count():
    request = authorize(1, OTHER_DEVICE)
    _, back, redemption = sign_in(state=request["query"]["state"])
    assert len(wire.check_answer_state([request, back, redemption], CONTEXT)) == 1


def test_a_code_whose_answer_was_not_seen_is_not_judged():
    """CloudLink's password API answers a code in a JSON body, with no state to compare."""
    assert wire.check_answer_state([redeem("c1")], CONTEXT) == []


def redemption_code(redemption: dict) -> str:
    return json.loads(redemption["request_body"])["code"]


# -- single use ----------------------------------------------------------------------------------------


def test_a_code_redeemed_twice_is_a_violation():
    once = sign_in()
    twice = redeem(redemption_code(once[2]), seq=4)
    [violation] = wire.check_code_redeemed_once([*once, twice], CONTEXT)
    assert violation.req_id == "SEC-OAUTH-2"
    assert "of #3 redeemed again" in violation.message


def test_a_retry_after_the_proxy_answered_is_no_second_use():
    first = redeem("c1", fault="down", status=502)
    assert wire.check_code_redeemed_once([first, redeem("c1", seq=4)], CONTEXT) == []


def deployment(token: str, seq: int = 1, device: str = DEVICE, **overrides) -> dict:
    return flow(seq=seq, device=device, path="/api/v1/deployments/redeem",
                request_body=json.dumps({"token": token}), **overrides)  # fmt: skip


def test_a_deployment_redeemed_twice_by_a_device_is_a_violation():
    [violation] = wire.check_deployment_redeemed_once([deployment("t1"), deployment("t1", 2)], CONTEXT)
    assert violation.req_id == "SEC-OAUTH-2"
    assert "redeemed again by the same device" in violation.message


@pytest.mark.parametrize(
    "second",
    [deployment("t1", 2, OTHER_DEVICE), deployment("t2", 2)],
    ids=["on another device", "another deployment"],
)
def test_another_device_or_deployment_is_no_second_use(second):
    assert wire.check_deployment_redeemed_once([deployment("t1"), second], CONTEXT) == []


def test_a_deployment_retried_after_a_proxy_fault_is_no_second_use():
    failed = deployment("t1", fault="5xx", status=503)
    assert wire.check_deployment_redeemed_once([failed, deployment("t1", 2)], CONTEXT) == []


def verify(code: str, seq: int, device: str = DEVICE, **overrides) -> dict:
    """The second factor's form, as the embedded web view posts it to Azure AD."""
    return flow(seq=seq, device=device, host="login.microsoftonline.com", path="/t1/login",
                request_body=f"ctx=s1&step=code&otc={code}", request_headers={}, **overrides)  # fmt: skip


def test_a_one_time_code_sent_twice_by_a_device_is_a_violation():
    [violation] = wire.check_one_time_code_sent_once([verify("123456", 1), verify("123456", 2)], CONTEXT)
    assert violation.req_id == "SEC-OAUTH-2"
    assert "one-time code of #1 sent again" in violation.message


def test_a_new_code_or_another_device_is_no_second_use():
    flows = [verify("123456", 1), verify("654321", 2), verify("123456", 3, OTHER_DEVICE)]
    assert wire.check_one_time_code_sent_once(flows, CONTEXT) == []
