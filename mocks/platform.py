"""The running simulated platform in this process: one front per mock (the e-mail server, Azure
AD, CloudLink, the MiCollab server, the Mitel One platform) and the world's own, behind one
loopback network front and the proxy; started once per test session (per xdist worker)."""

from __future__ import annotations

from pathlib import Path

from mocks.azure_ad import AzureAdFront
from mocks.cloudlink import LOGIN_HOST, CloudLinkFront
from mocks.cloudlink.federation import sp_entity_id
from mocks.fronts import Fronts
from mocks.hosts import CLOUDLINK_HOSTS, PLATFORM_HOSTS, SIMULATED_HOSTS, WORLD_HOST
from mocks.mail import MAILBOX_HOST, MailFront
from mocks.micollab_server import MiCollabFront
from mocks.micollab_server.directory import CLOUDLINK_CLIENT_ID, CLOUDLINK_REDIRECT_URI
from mocks.micollab_server.mailer import Mailer
from mocks.mitel_one import WEB_HOST, MitelOneFront
from mocks.network import Network
from mocks.proxy import Proxy
from mocks.received import Received
from mocks.tenant import Tenant
from mocks.world_api import world_app
from mocks.world_front import WorldFront

__all__ = ["CLOUDLINK_HOSTS", "MAILBOX_HOST", "PLATFORM_HOSTS", "WORLD_HOST", "Platform"]

# The applications registered with CloudLink from the start: client ID -> redirect URIs.
CLOUDLINK_CLIENTS = {
    CLOUDLINK_CLIENT_ID: (CLOUDLINK_REDIRECT_URI,),
    "mitel-one-web": (f"https://{WEB_HOST}/sso/callback",),
    "mitel-one-mobile": (),  # the headless reference mobile client: the password grant only
}


class Platform(Fronts):
    """`direct=True` leaves the proxy out (plain HTTP to the network front): only for measuring
    what the proxy costs. Clients in production use go through the proxy over HTTPS. `seed`:
    the Faker seed of tenants made through the world's control API."""

    def __init__(
        self,
        direct: bool = False,
        web_app_dir: Path | None = None,
        micollab_web_client: Path | None = None,
        require_identity: bool = False,
        seed: int = 0,
    ) -> None:
        self.scheme = "http" if direct else "https"
        self.tenants: dict[str, Tenant] = {}
        self.network = Network()  # its socket listens from here on: the proxy's upstream
        self.proxy = None if direct else Proxy(self.network.port, list(SIMULATED_HOSTS), require_identity)
        if self.proxy:  # it boots (mitmproxy's imports: a third of a second) while the mocks are made
            self.proxy.launch()
        try:
            self._make_mocks(web_app_dir, micollab_web_client, seed)
        except BaseException:
            if self.proxy:
                self.proxy.stop()
            raise

    def _make_mocks(self, web_app_dir: Path | None, micollab_web_client: Path | None, seed: int) -> None:
        received = Received(self._flows)
        self.mail = MailFront()
        self.mailer = mailer = Mailer(self.mail.smtp.host, self.mail.smtp.port, self.scheme)
        self.world = WorldFront(self, seed)
        tenant_of = self.world.tenant_of
        self.azure_ad = AzureAdFront(tenant_of, received)
        self.cloudlink = CloudLinkFront(self.azure_ad.metadata, mailer, CLOUDLINK_CLIENTS, tenant_of, received)
        login_page = f"{self.scheme}://{LOGIN_HOST}/authorize"
        self.micollab = MiCollabFront(self.cloudlink.verify, login_page, micollab_web_client, mailer, received)
        self.mitel_one = MitelOneFront(self.cloudlink, web_app_dir, tenant_of, received)
        for front in (self.mail, self.azure_ad, self.cloudlink, self.micollab, self.mitel_one):
            for host, app in front.apps().items():
                self.network.router.register(host, app)
        self.network.router.register(WORLD_HOST, world_app(self))

    def _flows(self, since: int) -> list[dict]:
        """What the proxy recorded after `since`: every request the mocks received went through it."""
        return self.proxy.flows(since=since) if self.proxy else []

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
        """The CA a device must trust (the harness's own: mocks.proxy.process.CA_CACHE)."""
        return str(self.proxy.ca_path) if self.proxy else None

    @property
    def smtp_address(self) -> tuple[str, int]:
        """Where the e-mail server takes SMTP (plain SMTP on loopback, not through the proxy)."""
        return self.mail.smtp.host, self.mail.smtp.port

    @property
    def mailbox_url(self) -> str:
        return f"{self.scheme}://{MAILBOX_HOST}"

    def start(self) -> Platform:
        self.mail.smtp.start()
        self.network.start()
        if self.proxy:
            self.proxy.wait_until_ready()
        return self

    def add_tenant(self, tenant: Tenant) -> None:
        """Registers the tenant with every mock, which sends its users their e-mails."""
        self.tenants[tenant.id] = tenant
        mitel_connect = sp_entity_id(tenant.cloudlink_account_id) if tenant.settings.azure_ad_integrated else ""
        self.azure_ad.add_tenant(tenant, saml_application=mitel_connect)  # the "Mitel Connect" application
        self.cloudlink.add_tenant(tenant)
        self.mitel_one.add_tenant(tenant)
        self.micollab.add_tenant(tenant)
        self.mail.provisioned(tenant)  # its welcome e-mails came with it: a reset keeps them

    def forget_tenants(self, tenants: list[Tenant]) -> None:
        self.world.forget_tenants(tenants)

    def check(self) -> None:
        """Raises HarnessError if a mock server or the proxy has died."""
        self.network.check()
        if self.proxy:
            self.proxy.check()

    def stop(self) -> None:
        if self.proxy:
            self.proxy.stop()
        self.network.stop()
        self.mailer.close()
        self.mail.smtp.stop()
