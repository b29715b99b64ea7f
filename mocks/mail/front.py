"""The e-mail server's front: each user's mailbox, as its owner reads it. A reset empties every
mailbox but of the e-mails sent when the user's tenant was made (its welcome e-mails)."""

from __future__ import annotations

from mocks.control import control
from mocks.mail.api import MAX_WAIT_SECONDS, mailbox_app
from mocks.mail.smtp import SmtpServer
from mocks.mail.store import MailStore, Message
from mocks.tenant import Tenant

MAILBOX_HOST = "mailbox.harness.test"  # the mail mock's own inspection API, as a mail catcher has one


class MailFront:
    def __init__(self) -> None:
        self.store = MailStore()
        self.smtp = SmtpServer(self.store)
        self._provisioned: set[int] = set()  # the IDs of the e-mails sent when tenants were made

    def apps(self) -> dict:
        return {MAILBOX_HOST: mailbox_app(self.store)}

    def provisioned(self, tenant: Tenant) -> None:
        """The e-mails the tenant's users have now came with the tenant: a reset keeps them."""
        for user in tenant.users:
            self._provisioned |= {m.id for m in self.store.messages_for(user.email)}

    def forget_tenant(self, tenant: Tenant) -> None:
        dropped = self.store.forget({user.email.lower() for user in tenant.users})
        self._provisioned -= {m.id for m in dropped}

    @control("GET", "/mail")
    def ready(self) -> dict:
        """Where the e-mail server takes SMTP (plain SMTP on loopback, not through the proxy)."""
        return {"smtp": {"host": self.smtp.host, "port": self.smtp.port}}

    @control("GET", "/mail/{address}/messages")
    def messages(self, address: str) -> list[Message]:
        """Every e-mail `address` received, oldest first."""
        return self.store.messages_for(address)

    @control("GET", "/mail/{address}/wait")
    def wait_for(self, address: str, subject: str = "", timeout: float = 5.0, line: str = "") -> Message:
        """The newest e-mail to `address` whose subject contains `subject` and, if given, whose text
        has the line `line`, waiting up to `timeout` seconds for it (MailTimeout: none came)."""
        return self.store.wait_for(address, subject, min(timeout, MAX_WAIT_SECONDS), line)

    @control("POST", "/mail/reset")
    def reset(self) -> dict:
        """Every mailbox back to the e-mails sent when its user's tenant was made."""
        self.store.keep(lambda m: m.id in self._provisioned)
        return self.ready()
