"""MSAL Python, unmodified, against the standalone world's Azure AD through its proxy: a public
client (the authorization code flow and the password grant), a confidential client (the code
flow with its secret, client credentials), refresh and silent token acquisition; configured
from the world's JSON and applications registered over its control API."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import msal
import pytest
from joserfc import jwt
from joserfc.jwk import KeySet

from tests.mocks.test_azure_ad import SignInPages
from tests.standalone_world import user

WEB_REDIRECT = "https://app.example.com/callback"
# MSAL's advice to its users (the password grant is deprecated for public clients; form_post is
# safer): the grant is exercised on purpose, as the real service still answers it.
pytestmark = pytest.mark.filterwarnings(
    "ignore:This API has been deprecated:DeprecationWarning", "ignore:response_mode='form_post':UserWarning"
)


@pytest.fixture(scope="module")
def tenant(standalone):
    return standalone.new_tenant(azure_ad_integrated=True)  # only an Azure AD user has a UPN to sign in with


@pytest.fixture
def session(standalone):
    with standalone.requests_session() as made:
        yield made


def interactive_sign_in(standalone, flow: dict, tenant: dict) -> dict:
    """What a browser does with MSAL's auth_uri: the sign-in pages, then the redirect's query."""
    with standalone.client() as browser:
        pages = SignInPages(browser)
        pages.open(flow["auth_uri"])
        redirect = pages.sign_in(user(tenant))
    assert redirect.status_code == 302, redirect.text
    return dict(parse_qsl(urlsplit(redirect.headers["location"]).query))


def verified_claims(standalone, tenant: dict, id_token: str) -> dict:
    with standalone.client() as http:
        discovery = http.get(tenant["azure_ad"]["openid_configuration"]).json()
        keys = KeySet.import_key_set(http.get(discovery["jwks_uri"]).json())
    return jwt.decode(id_token, keys).claims


def test_a_public_client_signs_in_refreshes_and_gets_tokens_silently(standalone, tenant, session):
    device_app = tenant["azure_ad"]["applications"][0]
    app = msal.PublicClientApplication(device_app["client_id"], authority=device_app["authority"], http_client=session)
    flow = app.initiate_auth_code_flow(["User.Read"], redirect_uri="http://localhost", login_hint=user(tenant).upn)
    result = app.acquire_token_by_auth_code_flow(flow, interactive_sign_in(standalone, flow, tenant))
    assert "access_token" in result, result.get("error_description")
    claims = verified_claims(standalone, tenant, result["id_token"])
    assert claims["sid"]  # Entra's ID tokens name the sign-in session
    assert "upn" not in claims  # an optional claim of v2.0 tokens: this app did not ask for it
    [account] = app.get_accounts()
    refreshed = app.acquire_token_silent(["User.Read"], account=account, force_refresh=True)
    assert refreshed["access_token"] != result["access_token"]
    assert verified_claims(standalone, tenant, refreshed["id_token"])["sid"] == claims["sid"]
    cached = app.acquire_token_silent(["User.Read"], account=account)
    assert cached["access_token"] == refreshed["access_token"]


def test_a_public_client_uses_the_password_grant_where_public_client_flows_are_allowed(standalone, tenant, session):
    device_app, person = tenant["azure_ad"]["applications"][0], user(tenant)
    app = msal.PublicClientApplication(device_app["client_id"], authority=device_app["authority"], http_client=session)
    result = app.acquire_token_by_username_password(person.upn, person.enterprise_password, ["User.Read"])
    assert result["id_token_claims"]["preferred_username"] == person.upn
    wrong = app.acquire_token_by_username_password(person.upn, "not-the-password", ["User.Read"])
    assert (wrong["error"], wrong["error_codes"]) == ("invalid_grant", [50126])


def test_the_password_grant_stops_at_a_second_factor(standalone, session):
    tenant = standalone.new_tenant(mfa_required=True, azure_ad_integrated=True)
    device_app, person = tenant["azure_ad"]["applications"][0], user(tenant)
    app = msal.PublicClientApplication(device_app["client_id"], authority=device_app["authority"], http_client=session)
    refused = app.acquire_token_by_username_password(person.upn, person.enterprise_password, ["User.Read"])
    assert refused["error_codes"] == [50076]


def test_a_confidential_client_signs_in_with_its_secret_and_gets_app_tokens(standalone, tenant, session):
    registration = standalone.control(
        "POST", f"/tenants/{tenant['id']}/azure-ad/applications",
        redirect_uris=[WEB_REDIRECT], confidential=True, optional_claims=["upn"], name="Probe web app",
    )  # fmt: skip
    app = msal.ConfidentialClientApplication(
        registration["client_id"], client_credential=registration["client_secret"],
        authority=registration["authority"], http_client=session,
    )  # fmt: skip
    flow = app.initiate_auth_code_flow(["User.Read"], redirect_uri=WEB_REDIRECT)
    result = app.acquire_token_by_auth_code_flow(flow, interactive_sign_in(standalone, flow, tenant))
    assert result["id_token_claims"]["upn"] == user(tenant).upn  # asked for as an optional claim
    [account] = app.get_accounts()
    assert "access_token" in app.acquire_token_silent(["User.Read"], account=account, force_refresh=True)
    app_only = app.acquire_token_for_client(["https://graph.microsoft.com/.default"])
    assert "access_token" in app_only, app_only.get("error_description")
    unauthenticated = msal.ConfidentialClientApplication(
        registration["client_id"], client_credential="wrong-secret", authority=registration["authority"],
        http_client=session,
    )  # fmt: skip
    assert unauthenticated.acquire_token_for_client(["https://graph.microsoft.com/.default"])["error_codes"] == [
        7000215
    ]


def test_an_unregistered_application_is_refused(standalone, tenant, session):
    authority = tenant["azure_ad"]["authority"]
    app = msal.PublicClientApplication("00000000-0000-0000-0000-00000000dead", authority=authority, http_client=session)
    refused = app.acquire_token_by_username_password(user(tenant).upn, user(tenant).enterprise_password, ["User.Read"])
    assert refused["error_codes"] == [700016]
