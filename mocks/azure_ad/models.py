"""What Azure AD keeps, as plain records: app registrations (OIDC and SAML), the requests that
start a sign-in, a sign-in in progress, and the grants that codes and refresh tokens stand for."""

from __future__ import annotations

from dataclasses import dataclass

from mocks.azure_ad.accounts import Account
from mocks.tenant import Tenant

# The ID token's optional claims an app registration may ask for (Entra's "Token configuration").
OPTIONAL_CLAIMS = frozenset({"upn", "email", "family_name", "given_name", "auth_time"})
# What a SAML app's "Unique User Identifier (Name ID)" is issued as when the request names no format.
NAME_ID_FORMATS = {
    "email": "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
    "persistent": "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
    "unspecified": "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified",
    "transient": "urn:oasis:names:tc:SAML:2.0:nameid-format:transient",
}


@dataclass(frozen=True)
class OidcApp:
    tenant_id: str
    client_id: str
    redirect_uris: tuple[str, ...]
    client_secret: str = ""  # empty: a public client (mobile and desktop), which sends none
    optional_claims: tuple[str, ...] = ()  # ID token optional claims, e.g. "upn"
    # "Allow public client flows": a public client may use the password grant (ROPC).
    public_client_flows: bool = False
    name: str = ""
    object_id: str = ""  # the service principal's object ID: `oid` and `sub` of app-only tokens


@dataclass(frozen=True)
class SamlServiceProvider:
    tenant_id: str
    entity_id: str  # Entra's "Identifier (Entity ID)"
    acs_url: str  # Entra's "Reply URL (Assertion Consumer Service URL)"
    signing: str = "assertion"  # Entra's "Signing Option": "assertion" (its default), "response" or "both"
    # The Name ID format when the AuthnRequest names none: Entra's default claim is the UPN as an
    # e-mail address.
    name_id_format: str = NAME_ID_FORMATS["email"]


@dataclass(frozen=True)
class AuthorizationRequest:
    client_id: str
    redirect_uri: str
    state: str
    code_challenge: str
    nonce: str
    scope: str
    response_mode: str = "query"
    response_type: str = "code"
    code_challenge_method: str = "S256"
    login_hint: str = ""


@dataclass(frozen=True)
class SamlRequest:
    sp: SamlServiceProvider
    request_id: str  # the AuthnRequest's ID, echoed as InResponseTo
    relay_state: str
    name_id_format: str = ""  # the NameIDPolicy's Format, or the SP's own when the request had none
    sp_name_qualifier: str = ""  # echoed on the NameID when the request gave one


@dataclass
class SignIn:
    """One visit to the sign-in pages, for an OIDC authorization request or a SAML AuthnRequest."""

    id: str
    tenant: Tenant
    request: AuthorizationRequest | SamlRequest
    login_hint: str = ""
    username: str = ""
    account: Account | None = None
    password_ok: bool = False
    code_ok: bool = False

    @property
    def needs_code(self) -> bool:
        return self.tenant.settings.mfa_required

    def stage(self) -> str:
        """The page the user is on: username, password, code or kmsi ("Stay signed in?")."""
        if self.account is None:
            return "username"
        if not self.password_ok:
            return "password"
        return "code" if self.needs_code and not self.code_ok else "kmsi"


@dataclass(frozen=True)
class Grant:
    """What an authorization code or a refresh token stands for. `sid` names the sign-in session
    it came from, kept across refreshes; `app` is the application it was issued to."""

    account: Account
    app: OidcApp
    scope: str
    expires: float = 0.0  # refresh tokens; codes expire by their store's policy
    redirect_uri: str = ""
    code_challenge: str = ""
    nonce: str = ""
    mfa: bool = False
    sid: str = ""

    @property
    def client_id(self) -> str:
        return self.app.client_id
