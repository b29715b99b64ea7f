"""authlib's OAuth 2 client, unmodified, against the standalone world's CloudLink through its
proxy, with a client registered over the control API: the authorization code flow with PKCE, a
refusal raised as authlib raises RFC 6749 §5.2 errors, the redirect_uri rule of §4.1.3, the
password grant, a confidential client's secret, and x-mitel-correlation-id on the API."""

from __future__ import annotations

import pytest
from authlib.integrations.httpx_client import OAuth2Client, OAuthError

from harness.browser import Browser
from tests.standalone_world import user

REDIRECT = "com.example.probe:/callback"  # a native app's redirect URI (RFC 8252 §7.1)
VERIFIER = "v" * 64


@pytest.fixture(scope="module")
def tenant(standalone):
    return standalone.new_tenant(cloudlink_auth=True)


@pytest.fixture(scope="module")
def public_client(standalone):
    return standalone.control("POST", "/cloudlink/clients", redirect_uris=[REDIRECT], name="Probe (public)")


def oauth(standalone, registration: dict, **options) -> OAuth2Client:
    return OAuth2Client(
        client_id=registration["client_id"], client_secret=registration.get("client_secret"), scope="openid",
        code_challenge_method="S256", proxy=standalone["proxy"], verify=standalone.tls, **options,
    )  # fmt: skip


def signed_in(standalone, client: OAuth2Client, person) -> str:
    """The Unified login page as a user goes through it: the redirect back to the application."""
    url, _ = client.create_authorization_url(
        standalone["cloudlink"]["authorization_endpoint"], code_verifier=VERIFIER, login_hint=person.email
    )
    with Browser(standalone["proxy"], standalone["ca_certificate"]) as browser:
        browser.open(url)
        browser.press("Next")
        browser.fill("Password", person.cloudlink_password)
        return browser.press_to_app("Sign in")


def test_the_code_flow_gives_a_token_and_a_reused_code_raises_invalid_grant(standalone, tenant, public_client):
    client, token_endpoint = (
        oauth(standalone, public_client, redirect_uri=REDIRECT),
        standalone["cloudlink"]["token_endpoint"],
    )
    redirect = signed_in(standalone, client, user(tenant))
    token = client.fetch_token(token_endpoint, authorization_response=redirect, code_verifier=VERIFIER)
    assert token["token_type"] == "Bearer"
    with pytest.raises(OAuthError) as refused:  # authlib raises what RFC 6749 §5.2 shapes
        client.fetch_token(token_endpoint, authorization_response=redirect, code_verifier=VERIFIER)
    assert refused.value.error == "invalid_grant"


def test_a_token_request_needs_the_redirect_uri_the_authorization_had(standalone, tenant, public_client):
    client, token_endpoint = (
        oauth(standalone, public_client, redirect_uri=REDIRECT),
        standalone["cloudlink"]["token_endpoint"],
    )
    redirect = signed_in(standalone, client, user(tenant))
    without = oauth(standalone, public_client)  # the same client, forgetting its redirect_uri
    with pytest.raises(OAuthError) as refused:
        without.fetch_token(token_endpoint, authorization_response=redirect, code_verifier=VERIFIER)
    assert refused.value.error == "invalid_request"
    # The refused redemption did not burn the code (CloudLink's policy, as Entra's).
    assert client.fetch_token(token_endpoint, authorization_response=redirect, code_verifier=VERIFIER)["access_token"]


def test_the_password_grant_raises_invalid_grant_for_a_wrong_password(standalone, tenant, public_client):
    client, person = oauth(standalone, public_client), user(tenant)
    endpoint = standalone["cloudlink"]["token_endpoint"]
    with pytest.raises(OAuthError) as refused:
        client.fetch_token(endpoint, grant_type="password", username=person.email, password="not-it")
    assert (refused.value.error, refused.value.description) == (
        "invalid_grant",
        "The username or password is incorrect.",
    )
    token = client.fetch_token(
        endpoint, grant_type="password", username=person.email, password=person.cloudlink_password
    )
    assert token["refresh_token"]


def test_a_confidential_client_authenticates_with_its_secret(standalone, tenant):
    registration = standalone.control("POST", "/cloudlink/clients", redirect_uris=[REDIRECT], confidential=True)
    endpoint, person = standalone["cloudlink"]["token_endpoint"], user(tenant)
    client = oauth(standalone, registration, redirect_uri=REDIRECT)  # client_secret_basic, authlib's default
    redirect = signed_in(standalone, client, person)
    assert client.fetch_token(endpoint, authorization_response=redirect, code_verifier=VERIFIER)["access_token"]
    impostor = oauth(standalone, registration | {"client_secret": "wrong"})
    with pytest.raises(OAuthError) as refused:
        impostor.fetch_token(endpoint, grant_type="password", username=person.email, password=person.cloudlink_password)
    assert refused.value.error == "invalid_client"


def test_every_api_answer_carries_a_correlation_id(standalone):
    discovery = standalone.http.get(standalone["cloudlink"]["openid_configuration"])
    assert discovery.headers["x-mitel-correlation-id"]
    refusal = standalone.http.post(
        standalone["cloudlink"]["token_endpoint"], json={"grant_type": "nonsense"},
        headers={"x-mitel-correlation-id": "probe-42"},
    )  # fmt: skip
    assert (refusal.status_code, refusal.json()["error"]) == (400, "unsupported_grant_type")
    assert refusal.headers["x-mitel-correlation-id"] == "probe-42"
