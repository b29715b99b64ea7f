"""The running simulated platform: every mock server and the proxy, started once per test
session (per xdist worker)."""

from __future__ import annotations

from pathlib import Path

import pyotp

from mocks.azure_ad import AZURE_HOST, AzureDirectory, azure_app
from mocks.azure_ad.saml import federation_metadata
from mocks.azure_ad.tokens import SigningKeys
from mocks.cloudlink import API_HOST, LOGIN_HOST, CloudLinkDirectory, Federation, cloudlink_app
from mocks.cloudlink.clients import Clients
from mocks.cloudlink.federation import sp_entity_id
from mocks.cloudlink.mailer import welcome_email
from mocks.mail import MailStore, SmtpServer, mailbox_app
from mocks.micollab_server import MiCollabDirectory, micollab_app
from mocks.micollab_server.directory import CLOUDLINK_CLIENT_ID, CLOUDLINK_REDIRECT_URI
from mocks.micollab_server.mailer import Mailer
from mocks.mitel_one import WEB_HOST, web_app
from mocks.mitel_one.api import MitelOneApi
from mocks.mitel_one.mailer import welcome_emails as mitel_one_welcome_emails
from mocks.mitel_one.service import MitelOne
from mocks.network import Network
from mocks.proxy import Proxy
from mocks.signing import SigningKey
from mocks.tenant import Tenant

MAILBOX_HOST = "mailbox.harness.test"
OTP_LOOKBACK_STEPS = 10  # 30-second authenticator codes: the scenario's last five minutes
WORLD_HOST = "world.harness.test"  # the standalone world's inspection API (python -m mocks serve)
# The platform's own servers, as clients name them; the mailbox API is the harness's.
PLATFORM_HOSTS = ("micollab.*", LOGIN_HOST, API_HOST, AZURE_HOST, WEB_HOST)
CLOUDLINK_HOSTS = (LOGIN_HOST, API_HOST)
# The applications registered with CloudLink from the start: client ID -> redirect URIs.
CLOUDLINK_CLIENTS = {
    CLOUDLINK_CLIENT_ID: (CLOUDLINK_REDIRECT_URI,),
    "mitel-one-web": (f"https://{WEB_HOST}/sso/callback",),
    "mitel-one-mobile": (),  # the headless reference mobile client: the password grant only
}


class Platform:
    """`direct=True` leaves the proxy out (plain HTTP to the network front): only for measuring
    what the proxy costs. Clients in production use go through the proxy over HTTPS."""

    def __init__(
        self,
        direct: bool = False,
        web_app_dir: Path | None = None,
        micollab_web_client: Path | None = None,
        require_identity: bool = False,
    ) -> None:
        self.scheme = "http" if direct else "https"
        self.mail = MailStore()
        self.cloudlink_key = SigningKey("cloudlink-2017-09-01")
        self.cloudlink = CloudLinkDirectory()
        self.azure = AzureDirectory()
        login_page = f"{self.scheme}://{LOGIN_HOST}/authorize"
        self.micollab = MiCollabDirectory(verify_cloudlink=self.cloudlink_key.verify, cloudlink_login_page=login_page)
        self.network = Network()
        self._smtp = SmtpServer(self.mail)
        self._mailer = Mailer(self._smtp.host, self._smtp.port, self.scheme)
        self.federation = Federation(self.azure_metadata)
        self.cloudlink_clients = Clients(CLOUDLINK_CLIENTS)
        self.network.router.register("micollab.*", micollab_app(self.micollab, micollab_web_client))
        self.network.router.register(MAILBOX_HOST, mailbox_app(self.mail))
        keys = (self.cloudlink_key, self.federation, self.cloudlink_clients, self._mailer)
        cloudlink = cloudlink_app(self.cloudlink, *keys)
        for host in CLOUDLINK_HOSTS:
            self.network.router.register(host, cloudlink)
        self.network.router.register(AZURE_HOST, azure_app(self.azure))
        # The Mitel One platform's API, and beside it the web application under test, if any.
        self.mitel_one = MitelOne(self.cloudlink, self.cloudlink_key.verify)
        self.network.router.register(WEB_HOST, web_app(web_app_dir, MitelOneApi(self.mitel_one).routes()))
        hosts = [*PLATFORM_HOSTS, MAILBOX_HOST, WORLD_HOST]
        self.proxy = None if direct else Proxy(self.network.port, hosts, require_identity)
        self.tenants: dict[str, Tenant] = {}
        self._outdated_certificates: dict[str, SigningKeys] = {}

    @property
    def proxy_url(self) -> str:
        """What a device sets as its HTTP proxy to be on the simulated network."""
        return self.proxy.url if self.proxy else self.network.proxy_url

    @property
    def browser_proxy_url(self) -> str:
        """The browser's own way onto the simulated network (harness.traffic)."""
        return self.proxy.browser_url if self.proxy else self.network.proxy_url

    @property
    def ca_bundle(self) -> str | None:
        """The per-run CA a device must trust."""
        return str(self.proxy.ca_path) if self.proxy else None

    @property
    def smtp_address(self) -> tuple[str, int]:
        """Where the e-mail server takes SMTP (plain SMTP on loopback, not through the proxy)."""
        return self._smtp.host, self._smtp.port

    @property
    def mailbox_url(self) -> str:
        return f"{self.scheme}://{MAILBOX_HOST}"

    def start(self) -> Platform:
        if self.proxy:
            self.proxy.launch()
        self._smtp.start()
        self.network.start()
        if self.proxy:
            self.proxy.wait_until_ready()
        return self

    def azure_metadata(self, azure_tenant_id: str) -> str:
        """Azure AD's federation metadata, as CloudLink's administrator downloaded it: for a
        tenant whose administrator kept an outdated signing certificate, one Azure AD no longer
        signs with."""
        keys = self.azure.keys
        if azure_tenant_id in self._outdated_certificates:
            keys = self._outdated_certificates[azure_tenant_id]
        return federation_metadata(azure_tenant_id, keys).decode()

    def add_tenant(self, tenant: Tenant) -> None:
        self.tenants[tenant.id] = tenant
        self.azure.add_tenant(tenant)
        if tenant.settings.azure_ad_integrated:  # the "Mitel Connect" enterprise application
            entity = sp_entity_id(tenant.cloudlink_account_id)
            self.azure.register_saml_sp(tenant.azure_tenant_id, entity, entity)
        if tenant.settings.sso_certificate_outdated:
            self._outdated_certificates[tenant.azure_tenant_id] = SigningKeys()
        deployments = self.micollab.add_tenant(tenant)
        setup_links = self.cloudlink.add_tenant(tenant)
        self._mailer.send(*(welcome_email(link, self.scheme) for link in setup_links))
        self._mailer.send(*mitel_one_welcome_emails(tenant))
        self._mailer.send_user_created(tenant, deployments)

    def mails_of(self, tenants: list[Tenant]) -> list[tuple[str, bytes]]:
        """Every e-mail the tenants' users received, named for a report."""
        return [
            (f"e-mail {m.id} to {user.email}: {m.subject}", m.raw)
            for tenant in tenants
            for user in tenant.users
            for m in self.mail.messages_for(user.email)
        ]

    def secrets_of(self, tenants: list[Tenant]) -> list[str]:
        """Passwords, deployment tokens and codes: masked wherever evidence is written."""
        return [
            s for tenant in tenants for s in tenant.secrets() + self.micollab.secrets_of(tenant)
            + self.cloudlink.secrets_of(tenant)
        ]  # fmt: skip

    def credentials_of(self, tenants: list[Tenant]) -> list[tuple]:
        """(value, the only hosts that may receive it, what it is[, whole field only]) for the wire
        audit: the passwords, and the authenticator codes of the last few minutes."""
        found = []
        for tenant in tenants:
            for user in tenant.users:
                found.append((user.micollab_password, (tenant.server_host,), "the MiCollab password"))
                found.append((user.cloudlink_password, CLOUDLINK_HOSTS, "the CloudLink password"))
                found.append((user.new_password, CLOUDLINK_HOSTS, "the new CloudLink password"))
                found.append((user.enterprise_password, (AZURE_HOST,), "the enterprise (Azure AD) password"))
                totp, now = pyotp.TOTP(user.totp_secret), tenant.clock.now()
                codes = {totp.at(now - 30 * step) for step in range(OTP_LOOKBACK_STEPS)}
                found += [(code, (AZURE_HOST,), "the authenticator code", True) for code in sorted(codes)]
        return found

    def check(self) -> None:
        """Raises HarnessError if a mock server or the proxy has died."""
        self.network.check()
        if self.proxy:
            self.proxy.check()

    def stop(self) -> None:
        if self.proxy:
            self.proxy.stop()
        self.network.stop()
        self._smtp.stop()
