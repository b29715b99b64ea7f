"""Azure AD's state and rules, free of HTTP: tenants, registered applications (OIDC and SAML),
sign-in transactions, authorization codes (PKCE S256, single use, ten minutes) and refresh
tokens. Smart lockout and the authenticator code are the accounts' (accounts.py). Every time is
the tenant's clock."""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
from dataclasses import dataclass

from mocks.azure_ad import errors
from mocks.azure_ad.accounts import Account
from mocks.azure_ad.tokens import SigningKeys
from mocks.tenant import DAY, Tenant

CODE_TTL = 10 * 60  # Entra's authorization codes live about ten minutes
REFRESH_TOKEN_TTL = 90 * DAY  # Entra's default refresh token lifetime


def s256(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")


@dataclass(frozen=True)
class OidcApp:
    tenant_id: str
    client_id: str
    redirect_uris: tuple[str, ...]
    client_secret: str = ""  # empty: a public client (mobile and desktop), which sends none


@dataclass(frozen=True)
class SamlServiceProvider:
    tenant_id: str
    entity_id: str  # Entra's "Identifier (Entity ID)"
    acs_url: str  # Entra's "Reply URL (Assertion Consumer Service URL)"
    signing: str = "assertion"  # Entra's "Signing Option": "assertion" (its default), "response" or "both"


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


@dataclass
class Grant:
    """What an authorization code or a refresh token stands for."""

    account: Account
    client_id: str
    scope: str
    expires: float
    redirect_uri: str = ""
    code_challenge: str = ""
    nonce: str = ""
    mfa: bool = False
    redeemed: bool = False


class AzureDirectory:
    def __init__(self) -> None:
        self.keys = SigningKeys()  # one signing key for the directory, as Entra signs every tenant's tokens
        self._tenants: dict[str, Tenant] = {}  # by tenant ID and by domain, lower case
        self._accounts: dict[tuple[str, str], Account] = {}  # (tenant ID, UPN lower case)
        self._apps: dict[tuple[str, str], OidcApp] = {}
        self._saml_sps: dict[tuple[str, str], SamlServiceProvider] = {}
        self._sign_ins: dict[str, SignIn] = {}
        self._codes: dict[str, Grant] = {}
        self._refresh_tokens: dict[str, Grant] = {}
        self._lock = threading.RLock()

    # -- tenants and registrations ----------------------------------------------------------------

    def add_tenant(self, tenant: Tenant) -> None:
        with self._lock:
            self._tenants[tenant.azure_tenant_id.lower()] = tenant
            self._tenants[tenant.domain.lower()] = tenant
            for user in tenant.users:
                self._accounts[(tenant.azure_tenant_id, user.upn.lower())] = Account(user, tenant)

    def tenant(self, name: str) -> Tenant:
        """By tenant ID (GUID) or verified domain."""
        with self._lock:
            found = self._tenants.get(name.lower())
        if found is None:
            raise errors.tenant_not_found(name)
        return found

    def register_app(self, tenant_id: str, client_id: str, redirect_uris, client_secret: str = "") -> OidcApp:
        app = OidcApp(tenant_id, client_id, tuple(redirect_uris), client_secret)
        with self._lock:
            self._apps[(tenant_id, client_id)] = app
        return app

    def register_saml_sp(self, tenant_id: str, entity_id: str, acs_url: str, signing: str = "assertion"):
        if signing not in {"assertion", "response", "both"}:
            raise ValueError(f"signing must be assertion, response or both, not {signing!r}")
        sp = SamlServiceProvider(tenant_id, entity_id, acs_url, signing)
        with self._lock:
            self._saml_sps[(tenant_id, entity_id)] = sp
        return sp

    def app(self, tenant: Tenant, client_id: str) -> OidcApp:
        with self._lock:
            found = self._apps.get((tenant.azure_tenant_id, client_id))
        if found is None:
            raise errors.app_not_found(client_id, tenant.company)
        return found

    def is_redirect_uri(self, tenant: Tenant, uri: str) -> bool:
        with self._lock:
            apps = [app for (tid, _), app in self._apps.items() if tid == tenant.azure_tenant_id]
        return any(uri in app.redirect_uris for app in apps)

    def authenticate_client(self, tenant: Tenant, client_id: str, secret: str) -> OidcApp:
        """A confidential client must send its secret; a public client (no secret) must send none."""
        if not client_id:
            raise errors.missing("client_id")
        app = self.app(tenant, client_id)
        if app.client_secret and not secrets.compare_digest(secret.encode(), app.client_secret.encode()):
            raise errors.bad_client_secret(client_id)
        if secret and not app.client_secret:
            raise errors.public_client_secret()
        return app

    def account(self, tenant: Tenant, upn: str) -> Account | None:
        with self._lock:
            return self._accounts.get((tenant.azure_tenant_id, upn.strip().lower()))

    # -- starting a sign-in -----------------------------------------------------------------------

    def authorize(self, tenant: Tenant, request: AuthorizationRequest) -> SignIn:
        """A sign-in for a valid request; refusals of a known client go back to its redirect URI."""
        app = self.app(tenant, request.client_id)
        if request.redirect_uri not in app.redirect_uris:
            raise errors.reply_mismatch(request.redirect_uri, app.client_id)
        if request.response_type != "code":
            raise errors.unsupported_response_type(request.response_type)
        if not request.scope:
            raise errors.missing("scope", errors.ToClient)
        if not request.code_challenge or request.code_challenge_method != "S256":
            raise errors.pkce_required()
        return self._begin(SignIn(secrets.token_urlsafe(24), tenant, request, request.login_hint))

    def begin_saml(self, tenant: Tenant, issuer: str, acs_url: str, request_id: str, relay_state: str) -> SignIn:
        with self._lock:
            sp = self._saml_sps.get((tenant.azure_tenant_id, issuer))
        if sp is None:
            raise errors.app_not_found(issuer, tenant.company)
        if acs_url and acs_url != sp.acs_url:
            raise errors.reply_mismatch(acs_url, issuer)
        return self._begin(SignIn(secrets.token_urlsafe(24), tenant, SamlRequest(sp, request_id, relay_state)))

    def _begin(self, sign_in: SignIn) -> SignIn:
        with self._lock:
            self._sign_ins[sign_in.id] = sign_in
        return sign_in

    def sign_in(self, sign_in_id: str) -> SignIn:
        with self._lock:
            found = self._sign_ins.get(sign_in_id)
        if found is None:
            raise errors.session_timed_out()
        return found

    # -- the sign-in pages' steps -----------------------------------------------------------------

    def submit_username(self, sign_in: SignIn, username: str) -> None:
        """Starts over from the username, as Entra's "Sign in" page does."""
        sign_in.username, sign_in.password_ok, sign_in.code_ok = username.strip(), False, False
        sign_in.account = self.account(sign_in.tenant, username)
        if sign_in.account is None:
            raise errors.unknown_user()

    def submit_password(self, sign_in: SignIn, password: str) -> None:
        if sign_in.account is None:
            raise errors.unknown_user()
        with self._lock:
            sign_in.account.check_password(password, sign_in.tenant.clock.now())
        sign_in.password_ok = True

    def submit_code(self, sign_in: SignIn, code: str) -> None:
        if sign_in.account is None or not sign_in.password_ok:
            raise errors.wrong_password()
        with self._lock:
            sign_in.account.check_code(code, sign_in.tenant.clock.now())
        sign_in.code_ok = True

    def complete(self, sign_in: SignIn) -> Account:
        """Ends a sign-in whose every factor passed ("Stay signed in?" answered)."""
        if sign_in.stage() != "kmsi":
            raise errors.wrong_password()
        with self._lock:
            self._sign_ins.pop(sign_in.id, None)
        return sign_in.account

    # -- codes and refresh tokens -----------------------------------------------------------------

    def issue_code(self, account: Account, request: AuthorizationRequest, mfa: bool) -> str:
        code = secrets.token_urlsafe(48)
        grant = Grant(
            account, request.client_id, request.scope, account.tenant.clock.now() + CODE_TTL,
            request.redirect_uri, request.code_challenge, request.nonce, mfa,
        )  # fmt: skip
        with self._lock:
            self._codes[code] = grant
        return code

    def redeem_code(self, tenant: Tenant, code: str, client_id: str, redirect_uri: str, verifier: str) -> Grant:
        """The grant a code stands for. A refused redemption leaves the code usable, as Entra does."""
        with self._lock:
            grant = self._codes.get(code)
            if grant is None or grant.account.tenant is not tenant:
                raise errors.malformed_grant()
            _check_redemption(grant, client_id, redirect_uri, verifier)
            grant.redeemed = True
            return grant

    def issue_refresh_token(self, grant: Grant, scope: str) -> str:
        token = secrets.token_urlsafe(64)
        expires = grant.account.tenant.clock.now() + REFRESH_TOKEN_TTL
        with self._lock:
            self._refresh_tokens[token] = Grant(grant.account, grant.client_id, scope, expires, mfa=grant.mfa)
        return token

    def redeem_refresh_token(self, tenant: Tenant, token: str, client_id: str) -> Grant:
        with self._lock:
            grant = self._refresh_tokens.get(token)
        if grant is None or grant.account.tenant is not tenant or grant.client_id != client_id:
            raise errors.malformed_grant()
        if tenant.clock.now() > grant.expires:
            raise errors.refresh_expired()
        return grant


def _check_redemption(grant: Grant, client_id: str, redirect_uri: str, verifier: str) -> None:
    if grant.redeemed:
        raise errors.code_redeemed()
    if grant.account.tenant.clock.now() > grant.expires:
        raise errors.code_expired()
    if client_id != grant.client_id:
        raise errors.other_client()
    if redirect_uri != grant.redirect_uri:
        raise errors.code_reply_mismatch(redirect_uri, grant.redirect_uri)
    if not verifier or not secrets.compare_digest(s256(verifier), grant.code_challenge):
        raise errors.verifier_mismatch()
