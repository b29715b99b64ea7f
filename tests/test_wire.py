"""Each wire check: the clean case, and one case per way to break it."""

from __future__ import annotations

import pytest

from harness import wire
from tests.wire_flows import flow

CONTEXT = wire.AuditContext(
    platform_hosts=("micollab.*",),
    credentials=(
        wire.Credential("S3cret-pass!", ("micollab.acme.example.com",), "the MiCollab password"),
        wire.Credential("123456", ("login.microsoftonline.com",), "the authenticator code", whole_field=True),
    ),
)


@pytest.mark.parametrize("check", wire.CHECKS)
def test_a_clean_login_passes_every_check(check):
    assert check([flow()], CONTEXT) == []


def test_plain_http_to_a_platform_host_breaks_tls():
    [violation] = wire.check_tls([flow(scheme="http")], CONTEXT)
    assert violation.req_id == "SEC-TLS-1"


def test_plain_http_elsewhere_is_not_the_platform():
    assert wire.check_tls([flow(scheme="http", host="mailbox.harness.test")], CONTEXT) == []


def test_a_password_in_a_query_string_breaks_credentials():
    [violation] = wire.check_credentials([flow(query={"password": "S3cret-pass!"})], CONTEXT)
    assert "query string" in violation.message


def test_a_password_sent_to_another_host_breaks_credentials():
    [violation] = wire.check_credentials([flow(host="telemetry.example")], CONTEXT)
    assert "sent to telemetry.example" in violation.message


def test_a_password_in_a_header_to_another_host_breaks_credentials():
    leaked = flow(host="telemetry.example", request_body="", request_headers={"X-Pw": "S3cret-pass!"})
    assert wire.check_credentials([leaked], CONTEXT)


AUTHORIZE = {
    "response_type": "code",
    "client_id": "c",
    "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    "code_challenge_method": "S256",
    "state": "af0ifjsldkj",
    "scope": "openid profile",
    "nonce": "n-0S6_WzA2Mj",
}


def authorize(**query) -> dict:
    return flow(method="GET", path="/2017-09-01/authorize", query=query, request_body="")


def test_a_complete_authorization_request_passes():
    assert wire.check_oauth([authorize(**AUTHORIZE)], CONTEXT) == []


@pytest.mark.parametrize(
    ("change", "missing"),
    [
        ({"code_challenge": ""}, "code_challenge"),
        ({"code_challenge_method": "plain"}, "code_challenge_method=S256"),
        ({"state": ""}, "state"),
        ({"nonce": ""}, "nonce"),
    ],
)
def test_each_missing_protection_breaks_oauth(change, missing):
    [violation] = wire.check_oauth([authorize(**(AUTHORIZE | change))], CONTEXT)
    assert violation.req_id == "SEC-OAUTH-1"
    assert missing in violation.message


def test_oauth_without_openid_needs_no_nonce():
    plain = AUTHORIZE | {"scope": "profile", "nonce": ""}
    assert wire.check_oauth([authorize(**plain)], CONTEXT) == []


def test_a_refused_request_breaks_egress():
    [violation] = wire.check_egress([flow(host="www.example.org", refused=True, status=502)], CONTEXT)
    assert violation.req_id == "SEC-EGRESS-1"


def test_the_harness_own_probes_are_not_audited():
    probe = flow(scheme="http", request_headers={"X-Harness-Probe": "replay"})
    assert wire.audit([probe], CONTEXT) == []


def test_a_violation_names_its_requirement_and_flow():
    error = wire.WireViolation(wire.check_tls([flow(scheme="http", seq=7)], CONTEXT))
    assert error.req_ids == ["SEC-TLS-1"]
    assert "#7 POST http://micollab.acme.example.com/api/v1/login -> 200" in str(error)


def test_an_authenticator_code_counts_only_as_a_whole_field():
    inside_a_token = flow(request_body='{"token": "ab123456cd"}')
    assert wire.check_credentials([inside_a_token], CONTEXT) == []
    [violation] = wire.check_credentials([flow(form={"otc": "123456"}, request_body="otc=123456")], CONTEXT)
    assert "authenticator code sent to micollab.acme.example.com" in violation.message


def test_an_authenticator_code_goes_to_azure_ad_in_a_form():
    to_azure = flow(host="login.microsoftonline.com", form={"otc": "123456"}, request_body="otc=123456")
    assert wire.check_credentials([to_azure], CONTEXT) == []
