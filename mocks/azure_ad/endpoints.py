"""Every Azure AD (Entra ID) address the mock answers, in one place.

Absolute URLs are always https://login.microsoftonline.com/...: behind the harness's proxy the
app receives plain HTTP, but clients compare issuers and destinations with what Entra publishes.
"""

from __future__ import annotations

AZURE_HOST = "login.microsoftonline.com"
BASE_URL = f"https://{AZURE_HOST}"
# Aliases MSAL's instance discovery reports for the public cloud.
ALIASES = ("login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net")
# Tenant names that are not a tenant: discovery answers for them with a `{tenantid}` template.
MULTI_TENANT = ("common", "organizations", "consumers")

DISCOVERY = "/{tenant}/v2.0/.well-known/openid-configuration"
KEYS = "/{tenant}/discovery/v2.0/keys"
INSTANCE_DISCOVERY = "/common/discovery/instance"
USER_REALM = "/common/userrealm/{username}"
AUTHORIZE = "/{tenant}/oauth2/v2.0/authorize"
TOKEN = "/{tenant}/oauth2/v2.0/token"
LOGOUT = "/{tenant}/oauth2/v2.0/logout"
LOGIN = "/{tenant}/login"  # where every sign-in page posts (Entra's own pages post to /{tenant}/login too)
SAML_SSO = "/{tenant}/saml2"
FEDERATION_METADATA = "/{tenant}/federationmetadata/2007-06/federationmetadata.xml"
HEALTH = "/_mock/health"


def url(path: str, tenant: str) -> str:
    return BASE_URL + path.format(tenant=tenant)


def issuer(tenant_id: str) -> str:
    """The v2.0 issuer of ID tokens and access tokens for the app itself."""
    return f"{BASE_URL}/{tenant_id}/v2.0"


def saml_entity_id(tenant_id: str) -> str:
    """Entra's SAML issuer is the old STS host, not login.microsoftonline.com."""
    return f"https://sts.windows.net/{tenant_id}/"


# What Entra's discovery document says beyond its addresses: what Entra lists, though only the
# authorization code flow is implemented. Entra's document has no code_challenge_methods_supported
# (the mock still takes S256 only), so neither has this one.
CAPABILITIES = {
    "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt", "client_secret_basic"],
    "response_modes_supported": ["query", "fragment", "form_post"],
    "subject_types_supported": ["pairwise"],
    "id_token_signing_alg_values_supported": ["RS256"],
    "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
    "scopes_supported": ["openid", "profile", "email", "offline_access"],
    "request_uri_parameter_supported": False,
    "http_logout_supported": True,
    "frontchannel_logout_supported": True,
    "claims_supported": [
        "sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name", "msgraph_host",
        "aud", "exp", "iat", "auth_time", "acr", "nonce", "preferred_username", "name", "tid", "ver", "at_hash",
        "c_hash", "email",
    ],
    "cloud_instance_name": "microsoftonline.com",
    "cloud_graph_host_name": "graph.windows.net",
    "msgraph_host": "graph.microsoft.com",
    "rbac_url": "https://pas.windows.net",
}  # fmt: skip


def openid_configuration(tenant_id: str) -> dict:
    """The v2.0 discovery document of a tenant ID, or of `{tenantid}` for common and organizations,
    whose endpoints stay under /common as Entra's do. Endpoints the mock does not serve
    (device code, userinfo at Graph, Kerberos) are left out: a client must not be sent there."""
    path_tenant = "common" if tenant_id == "{tenantid}" else tenant_id
    return CAPABILITIES | {
        "issuer": issuer(tenant_id),
        "authorization_endpoint": url(AUTHORIZE, path_tenant),
        "token_endpoint": url(TOKEN, path_tenant),
        "jwks_uri": url(KEYS, path_tenant),
        "end_session_endpoint": url(LOGOUT, path_tenant),
        "tenant_region_scope": None if path_tenant == "common" else "NA",
    }
