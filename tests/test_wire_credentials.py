"""SEC-CRED-1 in every form a client could send a credential: to its owner (clean), to another
host (a violation), and in the URL (a violation even to its owner)."""

from __future__ import annotations

import json
from urllib.parse import quote, urlencode

import pytest

from harness import wire
from tests.wire_flows import b64, body, flow, jwt_like, multipart, multipart_base64

OWNER = "auth.mitel.io"
ELSEWHERE = "micollab.acme.example.com"
PASSWORD = 'Tr0ub "4dor"/+é &=!'  # a space, quotes, a slash, a plus, non-ASCII, form separators
OTP = "123456"
CONTEXT = wire.AuditContext(
    platform_hosts=("micollab.*", OWNER),
    credentials=(
        wire.Credential(PASSWORD, (OWNER,), "the CloudLink password"),
        wire.Credential(OTP, (OWNER,), "the authenticator code", whole_field=True),
    ),
)
FORM = "application/x-www-form-urlencoded"

# Each way to send the password in a request's headers or body: (name, flow fields).
IN_THE_REQUEST = {
    "raw text body": lambda: body("text/plain", PASSWORD),
    "JSON, escaped": lambda: body("application/json", json.dumps({"password": PASSWORD})),
    "JSON, nested": lambda: body("application/json", json.dumps({"user": {"keys": [1, {"secret": PASSWORD}]}})),
    "form, + for space": lambda: body(FORM, urlencode({"password": PASSWORD})),
    "form, percent-encoded": lambda: body(FORM, f"password={quote(PASSWORD, safe='')}"),
    "form, under another content type": lambda: body("text/plain", urlencode({"password": PASSWORD})),
    "form, as the proxy parsed it": lambda: flow(request_body="", form={"password": PASSWORD}),
    "multipart/form-data": lambda: multipart({"username": "alee", "password": PASSWORD}),
    "multipart, base64 part": lambda: multipart_base64("password", PASSWORD),
    "HTTP Basic": lambda: auth_header("Authorization", f"Basic {b64('alee:' + PASSWORD)}"),
    "HTTP Basic to a proxy": lambda: auth_header("Proxy-Authorization", f"Basic {b64('alee:' + PASSWORD)}"),
    "base64 header": lambda: auth_header("X-Diagnostics", b64(PASSWORD)),
    "base64url unpadded in JSON": lambda: body(
        "application/json", json.dumps({"blob": b64(json.dumps({"pw": PASSWORD}), urlsafe=True, padded=False)})
    ),
    "inside a bearer token": lambda: auth_header("Authorization", f"Bearer {jwt_like({'pw': PASSWORD})}"),
    "cookie": lambda: auth_header("Cookie", f"session=abc; pw={quote(PASSWORD)}"),
    "any header": lambda: auth_header("X-Password", PASSWORD),
}

# Each way to put the password in the URL: never allowed, not even to its owner.
IN_THE_URL = {
    "query string": lambda: flow(query={"password": PASSWORD}, request_body=""),
    "query string, base64": lambda: flow(query={"t": b64(PASSWORD)}, request_body=""),
    "path": lambda: flow(path=f"/api/v1/login/{quote(PASSWORD, safe='')}", request_body=""),
    "path, base64url": lambda: flow(path=f"/session/{b64(PASSWORD, urlsafe=True)}/start", request_body=""),
}


def auth_header(name: str, value: str) -> dict:
    return flow(request_headers={name: value}, request_body="")


def to(host: str, make) -> dict:
    return make() | {"host": host}


@pytest.mark.parametrize("make", IN_THE_REQUEST.values(), ids=IN_THE_REQUEST)
def test_the_password_to_its_owner_is_clean(make):
    assert wire.check_credentials([to(OWNER, make)], CONTEXT) == []


@pytest.mark.parametrize("make", IN_THE_REQUEST.values(), ids=IN_THE_REQUEST)
def test_the_password_to_another_host_is_a_violation(make):
    [violation] = wire.check_credentials([to(ELSEWHERE, make)], CONTEXT)
    assert violation.req_id == "SEC-CRED-1"
    assert f"the CloudLink password sent to {ELSEWHERE}" in violation.message


@pytest.mark.parametrize("make", IN_THE_URL.values(), ids=IN_THE_URL)
def test_the_password_in_the_url_is_a_violation_even_to_its_owner(make):
    [violation] = wire.check_credentials([to(OWNER, make)], CONTEXT)
    assert "the CloudLink password in the URL" in violation.message


@pytest.mark.parametrize("make", [IN_THE_URL["path"], IN_THE_URL["path, base64url"]], ids=["plain", "base64url"])
def test_a_password_in_the_path_is_withheld_from_the_violation(make):
    [violation] = wire.check_credentials([to(OWNER, make)], CONTEXT)
    assert "[withheld]" in violation.describe()
    assert quote(PASSWORD, safe="") not in violation.describe()


def test_the_violation_says_where_the_password_was():
    [violation] = wire.check_credentials([to(ELSEWHERE, IN_THE_REQUEST["cookie"])], CONTEXT)
    assert "cookie 'pw'" in violation.message


# A short value counts only as the whole value of a field: (name, flow fields).
OTP_AS_A_FIELD = {
    "form field": lambda: body(FORM, f"otc={OTP}"),
    "JSON number, nested": lambda: body("application/json", json.dumps({"mfa": {"otc": int(OTP)}})),
    "multipart field": lambda: multipart({"otc": OTP}),
    "header value": lambda: auth_header("X-Otp", OTP),
    "cookie value": lambda: auth_header("Cookie", f"a=1; otp={OTP}"),
    "base64 header value": lambda: auth_header("X-Otp", b64(OTP)),
}
OTP_INSIDE_SOMETHING = {
    "inside a token": lambda: body("application/json", json.dumps({"token": f"ab{OTP}cd"})),
    "inside a sentence": lambda: body("application/json", json.dumps({"note": f"code {OTP} sent"})),
    "inside a header": lambda: auth_header("User-Agent", f"MiCollab/{OTP}.1"),
}


@pytest.mark.parametrize("make", OTP_AS_A_FIELD.values(), ids=OTP_AS_A_FIELD)
def test_a_code_as_a_whole_field_to_another_host_is_a_violation(make):
    [violation] = wire.check_credentials([to(ELSEWHERE, make)], CONTEXT)
    assert f"the authenticator code sent to {ELSEWHERE}" in violation.message


@pytest.mark.parametrize("make", OTP_AS_A_FIELD.values(), ids=OTP_AS_A_FIELD)
def test_a_code_as_a_whole_field_to_its_owner_is_clean(make):
    assert wire.check_credentials([to(OWNER, make)], CONTEXT) == []


@pytest.mark.parametrize("make", OTP_INSIDE_SOMETHING.values(), ids=OTP_INSIDE_SOMETHING)
def test_a_code_inside_a_longer_value_is_not_a_sighting(make):
    assert wire.check_credentials([to(ELSEWHERE, make)], CONTEXT) == []


@pytest.mark.parametrize(
    "make",
    [lambda: flow(query={"otc": OTP}, request_body=""), lambda: flow(path=f"/verify/{OTP}", request_body="")],
    ids=["query string", "path segment"],
)
def test_a_code_in_the_url_is_a_violation_even_to_its_owner(make):
    [violation] = wire.check_credentials([to(OWNER, make)], CONTEXT)
    assert "the authenticator code in the URL" in violation.message


def test_sent_to_counts_the_requests_that_carried_a_value_in_any_form():
    flows = [to(OWNER, IN_THE_REQUEST["base64 header"]), to(OWNER, IN_THE_REQUEST["cookie"]), flow()]
    assert wire.sent_to(flows, PASSWORD) == 2


TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGVlIn0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg"


def issued(token: str = TOKEN) -> dict:
    return flow(path="/2017-09-01/token", response_body=json.dumps({"access_token": token, "token_type": "Bearer"}))


@pytest.mark.parametrize(
    "use",
    [
        flow(method="GET", path="/api/v1/home", query={"access_token": TOKEN}, request_body=""),
        flow(method="GET", path=f"/api/v1/home/{TOKEN}", request_body=""),
    ],
    ids=["query", "path"],
)
def test_an_issued_token_in_a_url_is_a_violation(use):
    found = wire.check_tokens_not_in_url([issued(), use], CONTEXT)
    assert [v.req_id for v in found] == ["SEC-CRED-1"]


def test_an_issued_token_in_the_authorization_header_is_clean():
    use = flow(method="GET", path="/api/v1/home", request_headers={"Authorization": f"Bearer {TOKEN}"})
    assert wire.check_tokens_not_in_url([issued(), use], CONTEXT) == []
