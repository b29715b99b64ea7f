"""Code nobody here wrote works against the CloudLink mock, through the proxy at the real host
names: Mitel's own developer sample's requests, and authlib's OAuth 2 client with PKCE whose ID
token joserfc validates against the published keys."""

from __future__ import annotations

import ssl

import httpx
import pytest
from authlib.integrations.httpx_client import OAuth2Client
from joserfc import jwt
from joserfc.jwk import KeySet

from harness.browser import Browser
from mocks.micollab_server.directory import CLOUDLINK_CLIENT_ID, CLOUDLINK_REDIRECT_URI
from mocks.platform import Platform
from mocks.tenant import TenantSettings
from mocks.world import World

API = "https://authentication.api.mitel.io/2017-09-01"


@pytest.fixture(scope="module")
def platform():
    running = Platform().start()
    yield running
    running.stop()


@pytest.fixture
def user(platform):
    return World(platform, 3, "cloudlink-fidelity").new_tenant(TenantSettings(cloudlink_auth=True)).user


@pytest.fixture
def http(platform):
    tls = ssl.create_default_context(cafile=platform.ca_bundle)
    with httpx.Client(proxy=platform.proxy_url, verify=tls, timeout=10) as client:
        yield client


def test_the_developer_samples_requests_get_a_token(platform, user, http):
    """The requests of Mitel's public authentication sample: form /authorize, JSON /token."""
    form = {"response_type": "code", "username": user.email, "password": user.cloudlink_password, "client_id": "sample"}
    code = http.post(f"{API}/authorize", data=form, headers={"x-mitel-app": "sample/1.0"}).json()["code"]
    token = http.post(f"{API}/token", json={"grant_type": "authorization_code", "code": code, "client_id": "sample"})
    assert token.status_code == 201
    assert token.json()["token_type"] == "Bearer"
    assert token.json()["expires_in"] == 3600


def test_authlib_completes_an_authorization_code_flow_with_pkce(platform, user, http):
    discovery = http.get(f"{API}/.well-known/openid-configuration").json()
    tls = ssl.create_default_context(cafile=platform.ca_bundle)
    client = OAuth2Client(
        client_id=CLOUDLINK_CLIENT_ID, redirect_uri=CLOUDLINK_REDIRECT_URI, scope="openid",
        code_challenge_method="S256", proxy=platform.proxy_url, verify=tls,
    )  # fmt: skip
    verifier = "v" * 64
    url, state = client.create_authorization_url(
        discovery["authorization_endpoint"], code_verifier=verifier, nonce="n-0S6", login_hint=user.email
    )
    with Browser(platform.proxy_url, platform.ca_bundle) as browser:
        browser.open(url)
        browser.press("Next")
        browser.fill("Password", user.cloudlink_password)
        redirect = browser.press_to_app("Sign in")
    token = client.fetch_token(discovery["token_endpoint"], authorization_response=redirect, code_verifier=verifier)
    keys = KeySet.import_key_set(http.get(discovery["jwks_uri"]).json())
    claims = jwt.decode(token["id_token"], keys).claims
    jwt.JWTClaimsRegistry(
        iss={"essential": True, "value": discovery["issuer"]},
        aud={"essential": True, "value": CLOUDLINK_CLIENT_ID},
        nonce={"essential": True, "value": "n-0S6"},
        exp={"essential": True},
    ).validate(claims)
    assert claims["email"] == user.email
    assert state in redirect
