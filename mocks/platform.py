"""The running simulated platform: every mock server, started once per test session (per worker)."""

from __future__ import annotations

from mocks.mail import MailStore, SmtpServer, mailbox_app
from mocks.micollab_server import MiCollabDirectory, micollab_app
from mocks.micollab_server.mailer import Mailer
from mocks.network import Network
from mocks.tenant import Tenant

MAILBOX_HOST = "mailbox.harness.test"
# Plain HTTP until the TLS-terminating proxy stands in front of the mocks.
PLATFORM_SCHEME = "http"


class Platform:
    def __init__(self) -> None:
        self.mail = MailStore()
        self.micollab = MiCollabDirectory()
        self.network = Network()
        self._smtp = SmtpServer(self.mail)
        self._mailer = Mailer(self._smtp.host, self._smtp.port, PLATFORM_SCHEME)
        self.network.router.register("micollab.*", micollab_app(self.micollab))
        self.network.router.register(MAILBOX_HOST, mailbox_app(self.mail))
        self.tenants: dict[str, Tenant] = {}

    @property
    def proxy_url(self) -> str:
        return self.network.proxy_url

    @property
    def mailbox_url(self) -> str:
        return f"{PLATFORM_SCHEME}://{MAILBOX_HOST}"

    def start(self) -> Platform:
        self._smtp.start()
        self.network.start()
        return self

    def add_tenant(self, tenant: Tenant) -> None:
        self.tenants[tenant.id] = tenant
        deployments = self.micollab.add_tenant(tenant)
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
        return [s for tenant in tenants for s in tenant.secrets() + self.micollab.secrets_of(tenant)]

    def check(self) -> None:
        """Raises HarnessError if a mock server has died."""
        self.network.check()

    def stop(self) -> None:
        self.network.stop()
        self._smtp.stop()
