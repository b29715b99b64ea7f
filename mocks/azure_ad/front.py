"""Azure AD's front: each tenant's app registrations (OpenID Connect) and enterprise
applications (SAML), the federation metadata another service downloads from it, and what its
users hold: codes, refresh tokens, lockouts. A reset puts every tenant back as it came."""

from __future__ import annotations

import dataclasses
import secrets
import uuid
from collections.abc import Callable

from mocks.azure_ad.app import azure_app
from mocks.azure_ad.directory import AzureDirectory
from mocks.azure_ad.endpoints import AZURE_HOST, BASE_URL, FEDERATION_METADATA, SAML_SSO, saml_entity_id, url
from mocks.azure_ad.models import OidcApp, SamlServiceProvider
from mocks.azure_ad.saml import federation_metadata
from mocks.azure_ad.tokens import SigningKeys
from mocks.control import control
from mocks.received import Received
from mocks.tenant import Tenant


def describe_app(app: OidcApp) -> dict:
    answer = {
        "client_id": app.client_id, "name": app.name, "redirect_uris": list(app.redirect_uris),
        "confidential": bool(app.client_secret), "optional_claims": list(app.optional_claims),
        "public_client_flows": app.public_client_flows, "authority": f"{BASE_URL}/{app.tenant_id}",
    }  # fmt: skip
    return answer | ({"client_secret": app.client_secret} if app.client_secret else {})


def describe_saml_app(sp: SamlServiceProvider) -> dict:
    return dataclasses.asdict(sp) | {
        "idp_entity_id": saml_entity_id(sp.tenant_id),
        "sso_url": url(SAML_SSO, sp.tenant_id),
        "federation_metadata": url(FEDERATION_METADATA, sp.tenant_id),
    }


class AzureAdFront:
    """`tenant_of(tenant_id)`: the world's tenant of that ID (LookupError if none); `received`:
    what the world's mocks received."""

    def __init__(self, tenant_of: Callable[[str], Tenant], received: Received) -> None:
        self.directory = AzureDirectory()
        self.tenant_of = tenant_of
        self._received = received.to(AZURE_HOST)
        self._outdated: dict[str, SigningKeys] = {}  # Azure tenant ID -> a certificate it no longer signs with

    def apps(self) -> dict:
        return {AZURE_HOST: azure_app(self.directory)}

    def add_tenant(self, tenant: Tenant, saml_application: str = "") -> None:
        """The tenant's directory and users; `saml_application`: the entity ID (and Reply URL) of
        an enterprise application its administrator registered (CloudLink's "Mitel Connect")."""
        self.directory.add_tenant(tenant)
        if saml_application:
            self.directory.register_saml_sp(tenant.azure_tenant_id, saml_application, saml_application)
        if tenant.settings.sso_certificate_outdated:
            self._outdated[tenant.azure_tenant_id] = SigningKeys()
        self.provisioned(tenant)

    def provisioned(self, tenant: Tenant) -> None:
        """The tenant's registrations now are the ones it came with: a reset restores them."""
        self.directory.keep_registrations(tenant)

    def forget_tenant(self, tenant: Tenant) -> None:
        self.directory.forget_tenant(tenant)
        self._outdated.pop(tenant.azure_tenant_id, None)

    def metadata(self, azure_tenant_id: str) -> str:
        """The federation metadata as another service's administrator downloaded it: for a tenant
        whose administrator kept an outdated signing certificate, one Azure AD no longer signs with."""
        keys = self._outdated.get(azure_tenant_id, self.directory.keys)
        return federation_metadata(azure_tenant_id, keys).decode()

    @control("GET", "/azure-ad")
    def ready(self) -> dict:
        """Its instance, every tenant's authority below it."""
        return {"instance": BASE_URL}

    @control("POST", "/azure-ad/reset")
    def reset(self) -> dict:
        """Every tenant as it came: the applications it was made with (registrations made since
        gone, changed ones as they were), its accounts unlocked, no sign-in in progress,
        authorization code or refresh token; no request received."""
        self.directory.restore()
        self._received.forget()
        return self.ready()

    @control("GET", "/azure-ad/requests")
    def requests(self, device: str = "") -> list[dict]:
        """What login.microsoftonline.com received since the last reset, oldest first."""
        return self._received(device=device)

    @control("GET", "/tenants/{tenant_id}/azure-ad/sessions")
    def sessions(self, tenant_id: str) -> list[dict]:
        """The refresh tokens not expired: each sign-in session (`sid`) a client keeps."""
        found = self.directory.refresh_tokens_of(self.tenant_of(tenant_id))
        return [
            {"kind": "refresh_token", "upn": g.account.user.upn, "client_id": g.client_id, "sid": g.sid,
             "expires_at": g.expires}
            for g in found
        ]  # fmt: skip

    @control("GET", "/tenants/{tenant_id}/azure-ad/codes")
    def codes(self, tenant_id: str) -> list[dict]:
        """The authorization codes not redeemed nor expired."""
        found = self.directory.codes_of(self.tenant_of(tenant_id))
        return [
            {"kind": "authorization_code", "upn": g.account.user.upn, "client_id": g.client_id, "code": code,
             "expires_at": expires}
            for code, g, expires in found
        ]  # fmt: skip

    @control("GET", "/tenants/{tenant_id}/azure-ad/lockouts")
    def lockouts(self, tenant_id: str) -> list[dict]:
        """The accounts smart lockout holds locked now, and until when (the tenant's time)."""
        found = self.directory.lockouts_of(self.tenant_of(tenant_id))
        return [{"upn": a.user.upn, "locked_until": a.locked_until, "lockouts": a.lockouts} for a in found]

    @control("GET", "/tenants/{tenant_id}/azure-ad/applications")
    def applications(self, tenant_id: str) -> list[dict]:
        return [describe_app(app) for app in self.directory.apps_of(self.tenant_of(tenant_id))]

    @control("POST", "/tenants/{tenant_id}/azure-ad/applications", status=201)
    def register_application(
        self,
        tenant_id: str,
        redirect_uris: list[str] = (),
        confidential: bool = False,
        client_id: str = "",
        optional_claims: list[str] = (),
        public_client_flows: bool = False,
        name: str = "",
    ) -> dict:
        """An app registration: a new client ID unless given, a client secret when confidential."""
        tenant = self.tenant_of(tenant_id)
        secret = secrets.token_urlsafe(32) if confidential else ""
        app = self.directory.register_app(
            tenant.azure_tenant_id, client_id or str(uuid.uuid4()), redirect_uris, secret,
            optional_claims=optional_claims, public_client_flows=public_client_flows, name=name,
        )  # fmt: skip
        return describe_app(app)

    @control("GET", "/tenants/{tenant_id}/azure-ad/saml-applications")
    def saml_applications(self, tenant_id: str) -> list[dict]:
        return [describe_saml_app(sp) for sp in self.directory.saml_sps_of(self.tenant_of(tenant_id))]

    @control("POST", "/tenants/{tenant_id}/azure-ad/saml-applications", status=201)
    def register_saml_application(
        self, tenant_id: str, entity_id: str, acs_url: str, signing: str = "assertion", name_id_format: str = ""
    ) -> dict:
        """An enterprise application with SAML single sign-on: its Identifier and Reply URL."""
        tenant = self.tenant_of(tenant_id)
        sp = self.directory.register_saml_sp(tenant.azure_tenant_id, entity_id, acs_url, signing, name_id_format)
        return describe_saml_app(sp)
