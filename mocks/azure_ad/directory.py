"""Azure AD's state and rules, free of HTTP: tenants, registered applications (OIDC and SAML),
sign-in transactions, authorization codes (PKCE S256, single use, ten minutes; a refused
redemption leaves the code usable, mocks/single_use.py) and refresh tokens. Smart lockout and the
authenticator code are the accounts' (accounts.py). Every time is the tenant's clock."""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
import uuid
from dataclasses import replace

from mocks.azure_ad import errors
from mocks.azure_ad.accounts import Account
from mocks.azure_ad.models import (
    NAME_ID_FORMATS,
    OPTIONAL_CLAIMS,
    AuthorizationRequest,
    Grant,
    OidcApp,
    SamlRequest,
    SamlServiceProvider,
    SignIn,
)
from mocks.azure_ad.tokens import SigningKeys
from mocks.single_use import ExpiredRecord, Policy, SingleUse, UnknownRecord, UsedRecord
from mocks.tenant import DAY, Tenant

CODE_TTL = 10 * 60  # Entra's authorization codes live about ten minutes
REFRESH_TOKEN_TTL = 90 * DAY  # Entra's default refresh token lifetime
CODES = Policy(CODE_TTL, failed_use_burns=False)  # a refused redemption leaves the code usable


def s256(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")


class AzureDirectory:
    def __init__(self) -> None:
        self.keys = SigningKeys()  # one signing key for the directory, as Entra signs every tenant's tokens
        self._tenants: dict[str, Tenant] = {}  # by tenant ID and by domain, lower case
        self._accounts: dict[tuple[str, str], Account] = {}  # (tenant ID, UPN lower case)
        self._apps: dict[tuple[str, str], OidcApp] = {}
        self._saml_sps: dict[tuple[str, str], SamlServiceProvider] = {}
        self._sign_ins: dict[str, SignIn] = {}
        self._codes: SingleUse[Grant] = SingleUse(CODES, lambda grant: grant.account.tenant.clock.now(), 48)
        self._refresh_tokens: dict[str, Grant] = {}
        self._kept: tuple[dict, dict] = ({}, {})  # the registrations tenants came with: apps, SAML SPs
        self._lock = threading.RLock()

    # -- tenants and registrations ----------------------------------------------------------------

    def add_tenant(self, tenant: Tenant) -> None:
        with self._lock:
            self._tenants[tenant.azure_tenant_id.lower()] = tenant
            self._tenants[tenant.domain.lower()] = tenant
            if tenant.azure_domain:  # the initial domain, <name>.onmicrosoft.com, is verified too
                self._tenants[tenant.azure_domain.lower()] = tenant
            for user in (user for user in tenant.users if user.upn):  # only Azure AD's users have one
                self._accounts[(tenant.azure_tenant_id, user.upn.lower())] = Account(user, tenant)

    def tenant(self, name: str) -> Tenant:
        """By tenant ID (GUID) or verified domain."""
        with self._lock:
            found = self._tenants.get(name.lower())
        if found is None:
            raise errors.tenant_not_found(name)
        return found

    def register_app(
        self, tenant_id: str, client_id: str, redirect_uris, client_secret: str = "", **options
    ) -> OidcApp:
        """`options`: optional_claims, public_client_flows, name (OidcApp's fields)."""
        unknown = set(options.get("optional_claims", ())) - OPTIONAL_CLAIMS
        if unknown:
            raise ValueError(f"optional claims {sorted(unknown)} are not offered; known: {sorted(OPTIONAL_CLAIMS)}")
        options["optional_claims"] = tuple(options.get("optional_claims", ()))
        app = OidcApp(tenant_id, client_id, tuple(redirect_uris), client_secret, object_id=str(uuid.uuid4()), **options)
        with self._lock:
            self._apps[(tenant_id, client_id)] = app
        return app

    def register_saml_sp(
        self, tenant_id: str, entity_id: str, acs_url: str, signing: str = "assertion", name_id_format: str = ""
    ) -> SamlServiceProvider:
        if signing not in {"assertion", "response", "both"}:
            raise ValueError(f"signing must be assertion, response or both, not {signing!r}")
        name_id_format = name_id_format or NAME_ID_FORMATS["email"]
        if name_id_format not in NAME_ID_FORMATS.values():
            raise ValueError(f"name_id_format must be one of {sorted(NAME_ID_FORMATS.values())}")
        sp = SamlServiceProvider(tenant_id, entity_id, acs_url, signing, name_id_format)
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

    def apps_of(self, tenant: Tenant) -> list[OidcApp]:
        with self._lock:
            return [app for (tid, _), app in self._apps.items() if tid == tenant.azure_tenant_id]

    def saml_sps_of(self, tenant: Tenant) -> list[SamlServiceProvider]:
        with self._lock:
            return [sp for (tid, _), sp in self._saml_sps.items() if tid == tenant.azure_tenant_id]

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

    # -- what a reset keeps -----------------------------------------------------------------------

    def keep_registrations(self, tenant: Tenant) -> None:
        """The tenant's registrations as they are now are the ones it came with: a reset restores them."""
        with self._lock:
            for kept, made in zip(self._kept, (self._apps, self._saml_sps), strict=True):
                kept |= {key: value for key, value in made.items() if key[0] == tenant.azure_tenant_id}

    def restore(self) -> None:
        """Every tenant as it came: its registrations, its accounts unlocked, no sign-in in
        progress, no code, no refresh token."""
        with self._lock:
            self._apps, self._saml_sps = dict(self._kept[0]), dict(self._kept[1])
            self._sign_ins.clear()
            self._refresh_tokens.clear()
            for account in self._accounts.values():
                account.reset()
        self._codes.forget()

    def forget_tenant(self, tenant: Tenant) -> None:
        tenant_id = tenant.azure_tenant_id
        with self._lock:
            self._tenants = {name: t for name, t in self._tenants.items() if t is not tenant}
            for table in (self._accounts, self._apps, self._saml_sps, *self._kept):
                for key in [key for key in table if key[0] == tenant_id]:
                    del table[key]
            self._sign_ins = {k: s for k, s in self._sign_ins.items() if s.tenant is not tenant}
            self._refresh_tokens = {k: g for k, g in self._refresh_tokens.items() if g.account.tenant is not tenant}
        self._codes.forget(lambda grant: grant.account.tenant is tenant)

    # -- what a tenant's users hold --------------------------------------------------------------

    def codes_of(self, tenant: Tenant) -> list[tuple[str, Grant, float]]:
        """The tenant's authorization codes not redeemed nor expired: (code, grant, when it expires)."""
        return [found for found in self._codes.outstanding() if found[1].account.tenant is tenant]

    def refresh_tokens_of(self, tenant: Tenant) -> list[Grant]:
        """The tenant's refresh tokens not expired (each grant names its session, `sid`)."""
        now = tenant.clock.now()
        with self._lock:
            return [g for g in self._refresh_tokens.values() if g.account.tenant is tenant and g.expires >= now]

    def lockouts_of(self, tenant: Tenant) -> list[Account]:
        """The tenant's accounts locked now."""
        now = tenant.clock.now()
        with self._lock:
            accounts = [a for (tid, _), a in self._accounts.items() if tid == tenant.azure_tenant_id]
        return [account for account in accounts if account.locked_until > now]

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

    def saml_sp(self, tenant: Tenant, issuer: str, acs_url: str = "") -> SamlServiceProvider:
        """The registered SP an AuthnRequest's Issuer names, at its registered Reply URL."""
        with self._lock:
            sp = self._saml_sps.get((tenant.azure_tenant_id, issuer))
        if sp is None:
            raise errors.app_not_found(issuer, tenant.company)
        if acs_url and acs_url != sp.acs_url:
            raise errors.reply_mismatch(acs_url, issuer)
        return sp

    def begin_saml(self, tenant: Tenant, request: SamlRequest) -> SignIn:
        if not request.name_id_format:
            request = replace(request, name_id_format=request.sp.name_id_format)
        return self._begin(SignIn(secrets.token_urlsafe(24), tenant, request))

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
        """A code for a completed sign-in, which opens a new session (`sid`)."""
        grant = Grant(
            account, self.app(account.tenant, request.client_id), request.scope, 0.0, request.redirect_uri,
            request.code_challenge, request.nonce, mfa, str(uuid.uuid4()),
        )  # fmt: skip
        return self._codes.issue(grant)

    def redeem_code(self, tenant: Tenant, code: str, client_id: str, redirect_uri: str, verifier: str) -> Grant:
        """The grant a code stands for. A refused redemption leaves the code usable (CODES)."""

        def redeemable(grant: Grant) -> None:
            if grant.account.tenant is not tenant:
                raise errors.malformed_grant()
            _check_redemption(grant, client_id, redirect_uri, verifier)

        try:
            return self._codes.use(code, redeemable)
        except UsedRecord:
            raise errors.code_redeemed() from None
        except ExpiredRecord:
            raise errors.code_expired() from None
        except UnknownRecord:
            raise errors.malformed_grant() from None

    def password_grant(self, tenant: Tenant, app: OidcApp, username: str, password: str, scope: str) -> Grant:
        """The resource owner password credentials grant (ROPC): a public client only with "Allow
        public client flows"; never past a second factor; smart lockout counts its failures."""
        if not app.client_secret and not app.public_client_flows:
            raise errors.client_secret_required()
        account = self.account(tenant, username)
        if account is None:
            raise errors.ropc_unknown_user()
        try:
            with self._lock:
                account.check_password(password, tenant.clock.now())
        except errors.AzureError as refused:  # the pages' error, as the token endpoint answers it
            raise errors.AzureError(refused.code, refused.error, refused.message, 400) from None
        if tenant.settings.mfa_required:
            raise errors.mfa_required()
        return Grant(account, app, scope, sid=str(uuid.uuid4()))

    def issue_refresh_token(self, grant: Grant, scope: str) -> str:
        token = secrets.token_urlsafe(64)
        expires = grant.account.tenant.clock.now() + REFRESH_TOKEN_TTL
        with self._lock:
            self._refresh_tokens[token] = Grant(grant.account, grant.app, scope, expires, mfa=grant.mfa, sid=grant.sid)
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
    if client_id != grant.client_id:
        raise errors.other_client()
    if redirect_uri != grant.redirect_uri:
        raise errors.code_reply_mismatch(redirect_uri, grant.redirect_uri)
    if not verifier or not secrets.compare_digest(s256(verifier), grant.code_challenge):
        raise errors.verifier_mismatch()
