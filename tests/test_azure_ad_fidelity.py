"""Code nobody here wrote works against the Azure AD mock: authlib's OAuth 2 client with PKCE
(its ID token validated by joserfc against the keys discovery publishes), python3-saml as a
strict SAML service provider reading the federation metadata, and MSAL Python.

The clients call the real addresses (https://login.microsoftonline.com/...); an HTTP transport
(httpx) or session (requests, for MSAL) sends them to the mock on loopback as plain HTTP with
Host login.microsoftonline.com and X-Forwarded-Proto https, which is what the harness's proxy
does, without the proxy's TLS. MSAL insists on HTTPS and real DNS, so this rewrite is the only
way to run it without the proxy; the sign-in pages are driven with httpx and lxml.html.
"""

from __future__ import annotations

import base64
import itertools
from urllib.parse import parse_qsl, urlencode, urlsplit

import httpx
import msal
import pytest
import requests
from authlib.integrations.httpx_client import OAuth2Client
from joserfc import jwt
from joserfc.jwk import KeySet
from onelogin.saml2.authn_request import OneLogin_Saml2_Authn_Request
from onelogin.saml2.idp_metadata_parser import OneLogin_Saml2_IdPMetadataParser
from onelogin.saml2.response import OneLogin_Saml2_Response
from onelogin.saml2.settings import OneLogin_Saml2_Settings

from mocks.azure_ad import AZURE_HOST
from tests.mocks.test_azure_ad import USER, Loopback, SignInPages, new_tenant

BASE = f"https://{AZURE_HOST}"
CLIENT = "6731de76-14a6-49ae-97bc-6eba6914391e"
REDIRECT = "http://localhost:8400/callback"  # a desktop client's loopback redirect URI
SP_ENTITY = "https://sp.example.com/saml/metadata"
SP_ACS = "https://sp.example.com/saml/acs"
NUMBERS = itertools.count(20_000)
EMAIL_FORMAT = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"  # the UPN, not a pairwise ID


@pytest.fixture
def tenant(azure):
    directory, _ = azure
    made = new_tenant(next(NUMBERS))
    directory.add_tenant(made)
    directory.register_app(made.azure_tenant_id, CLIENT, [REDIRECT])
    directory.register_saml_sp(made.azure_tenant_id, SP_ENTITY, SP_ACS)
    return made


@pytest.fixture
def http(azure):
    with httpx.Client(transport=Loopback(azure[1].url), timeout=10) as client:
        yield client


def app_redirect(response: httpx.Response) -> str:
    assert response.status_code == 302, response.text
    return response.headers["location"]


def test_authlib_completes_an_authorization_code_flow_with_pkce(azure, tenant, http):
    discovery = http.get(f"{BASE}/{tenant.azure_tenant_id}/v2.0/.well-known/openid-configuration").json()
    client = OAuth2Client(
        client_id=CLIENT, redirect_uri=REDIRECT, scope="openid profile email offline_access",
        code_challenge_method="S256", transport=Loopback(azure[1].url),
    )  # fmt: skip
    verifier = "v" * 64
    url, state = client.create_authorization_url(discovery["authorization_endpoint"], code_verifier=verifier,
                                                 nonce="n-0S6", login_hint=USER.upn)  # fmt: skip
    pages = SignInPages(http)
    pages.open(url)
    redirect = app_redirect(pages.sign_in(USER))
    token = client.fetch_token(discovery["token_endpoint"], authorization_response=redirect, code_verifier=verifier)
    keys = KeySet.import_key_set(http.get(discovery["jwks_uri"]).json())
    claims = jwt.decode(token["id_token"], keys).claims
    jwt.JWTClaimsRegistry(
        iss={"essential": True, "value": discovery["issuer"]},
        aud={"essential": True, "value": CLIENT},
        nonce={"essential": True, "value": "n-0S6"},
        exp={"essential": True},
    ).validate(claims)
    assert (claims["preferred_username"], claims["oid"]) == (USER.upn, USER.azure_object_id)
    assert dict(parse_qsl(urlsplit(redirect).query))["state"] == state
    assert token["refresh_token"]


# -- python3-saml as the service provider --------------------------------------------------------


def sp_settings(http: httpx.Client, tenant_id: str) -> OneLogin_Saml2_Settings:
    metadata = http.get(f"{BASE}/{tenant_id}/federationmetadata/2007-06/federationmetadata.xml")
    idp = OneLogin_Saml2_IdPMetadataParser.parse(metadata.text)["idp"]
    sp = {"entityId": SP_ENTITY, "assertionConsumerService": {"url": SP_ACS}, "NameIDFormat": EMAIL_FORMAT}
    security = {"wantAssertionsSigned": True}  # Entra's default signing option signs the assertion
    return OneLogin_Saml2_Settings(
        {"strict": True, "sp": sp, "idp": idp, "security": security}, sp_validation_only=True
    )


def acs_request(saml_response: str) -> dict:
    """What python3-saml knows of the POST to the ACS URL."""
    acs = urlsplit(SP_ACS)
    return {
        "https": "on",
        "http_host": acs.hostname,
        "script_name": acs.path,
        "post_data": {"SAMLResponse": saml_response},
    }


def saml_sign_in(http: httpx.Client, settings: OneLogin_Saml2_Settings) -> tuple[str, str]:
    """The SP's AuthnRequest (HTTP-Redirect binding) through the sign-in pages: the posted
    SAMLResponse and the request's ID."""
    authn = OneLogin_Saml2_Authn_Request(settings)
    pages = SignInPages(http)
    pages.open(f"{settings.get_idp_sso_url()}?{urlencode({'SAMLRequest': authn.get_request(), 'RelayState': 'r1'})}")
    pages.sign_in(USER)
    [form] = pages.document.forms
    assert (form.action, form.fields["RelayState"]) == (SP_ACS, "r1")
    return form.fields["SAMLResponse"], authn.get_id()


def test_python3_saml_accepts_the_signed_response_strictly(tenant, http):
    settings = sp_settings(http, tenant.azure_tenant_id)
    assert settings.get_idp_data()["entityId"] == f"https://sts.windows.net/{tenant.azure_tenant_id}/"
    saml_response, request_id = saml_sign_in(http, settings)
    response = OneLogin_Saml2_Response(settings, saml_response)
    assert response.is_valid(acs_request(saml_response), request_id), response.get_error()
    assert response.get_nameid() == USER.upn
    attributes = response.get_attributes()
    assert attributes["http://schemas.microsoft.com/identity/claims/objectidentifier"] == [USER.azure_object_id]
    assert attributes["http://schemas.microsoft.com/identity/claims/tenantid"] == [tenant.azure_tenant_id]
    assert attributes["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name"] == [USER.upn]


def test_python3_saml_rejects_a_response_whose_name_id_was_changed(tenant, http):
    settings = sp_settings(http, tenant.azure_tenant_id)
    saml_response, request_id = saml_sign_in(http, settings)
    xml = base64.b64decode(saml_response).replace(USER.upn.encode(), b"mallory@acme.example.com")
    tampered = base64.b64encode(xml).decode()
    response = OneLogin_Saml2_Response(settings, tampered)
    assert not response.is_valid(acs_request(tampered), request_id)
    assert "Signature" in response.get_error() or "signature" in response.get_error()


# -- MSAL Python ----------------------------------------------------------------------------------


class LoopbackSession(requests.Session):
    """MSAL's http_client: requests to login.microsoftonline.com go to the mock on loopback."""

    def __init__(self, server_url: str) -> None:
        super().__init__()
        self.server_url = server_url

    def request(self, method, url, *args, **kwargs):
        if url.startswith(f"{BASE}/"):
            url = self.server_url + url.removeprefix(BASE)
            kwargs["headers"] = {**(kwargs.get("headers") or {}), "Host": AZURE_HOST, "X-Forwarded-Proto": "https"}
        return super().request(method, url, *args, **kwargs)


def test_msal_signs_in_with_the_auth_code_flow(azure, tenant, http):
    with LoopbackSession(azure[1].url) as session:
        app = msal.PublicClientApplication(CLIENT, authority=f"{BASE}/{tenant.azure_tenant_id}", http_client=session)
        flow = app.initiate_auth_code_flow(
            ["User.Read"], redirect_uri=REDIRECT, login_hint=USER.upn, response_mode="form_post"
        )
        pages = SignInPages(http)
        pages.open(flow["auth_uri"])
        pages.sign_in(USER)
        [form] = pages.document.forms  # what the browser would post to the redirect URI
        assert form.action == REDIRECT
        auth_response = dict(form.fields)
        result = app.acquire_token_by_auth_code_flow(flow, auth_response)
        assert "error" not in result, result.get("error_description")
        assert result["id_token_claims"]["preferred_username"] == USER.upn
        [account] = app.get_accounts()
        assert account["home_account_id"] == f"{USER.azure_object_id}.{tenant.azure_tenant_id}"
        silent = app.acquire_token_silent(["User.Read"], account=account, force_refresh=True)
        assert "access_token" in (silent or {}), silent
