"""The e-mails the MiCollab server sends when a user is created, over real SMTP."""

from __future__ import annotations

import contextlib
import smtplib
import threading
from email.message import Message
from email.utils import formataddr

from mocks.mail.compose import plain_text
from mocks.micollab_server.directory import Deployment, authentication_code
from mocks.tenant import Tenant, User

WELCOME_SUBJECT = "Welcome to MiCollab"
DEPLOYMENT_SUBJECT = "MiCollab Client Deployment"


def _message(tenant: Tenant, user: User, subject: str, body: str) -> Message:
    sender = formataddr(("MiCollab", f"no-reply@{tenant.server_host}"))
    return plain_text(sender, (user.name, user.email), subject, body, tenant.server_host)


def welcome_email(tenant: Tenant, user: User, scheme: str) -> Message:
    body = (
        f"Hello {user.name},\n\n"
        "Your MiCollab account is ready.\n\n"
        f"MiCollab Server: {tenant.server_host}\n"
        f"Login ID: {user.login_id}\n"
        f"Email ID: {user.email}\n"
        f"Password: {user.micollab_password}\n\n"
        f"MiCollab Web Client: {scheme}://{tenant.server_host}/ucs/micollab/\n"
    )
    return _message(tenant, user, WELCOME_SUBJECT, body)


def deployment_link(tenant: Tenant, deployment: Deployment, scheme: str) -> str:
    return f"{scheme}://{tenant.server_host}/micollab/deploy?token={deployment.link_token}"


def deployment_email(tenant: Tenant, user: User, deployment: Deployment, scheme: str) -> Message:
    code = authentication_code(tenant.server_host, deployment.code_secret)
    body = (
        f"Hello {user.name},\n\n"
        "To set up MiCollab Client on your computer, click the link below:\n\n"
        f"{deployment_link(tenant, deployment, scheme)}\n\n"
        "Or open MiCollab Client and paste this authentication code:\n\n"
        f"Authentication Code: {code}\n\n"
        "The link and the code can be used once.\n"
    )
    return _message(tenant, user, DEPLOYMENT_SUBJECT, body)


class Mailer:
    """Sends over one SMTP connection, kept open from one send to the next as a mail queue keeps
    its relay's (a new connection costs each send about a millisecond: connect, greeting, EHLO,
    QUIT); one the server has closed is opened again."""

    def __init__(self, smtp_host: str, smtp_port: int, scheme: str) -> None:
        self._address = (smtp_host, smtp_port)
        self.scheme = scheme
        self._smtp: smtplib.SMTP | None = None
        self._lock = threading.Lock()  # the mocks send from their server thread and the harness's

    def send_user_created(self, tenant: Tenant, deployments: list[Deployment]) -> None:
        by_login = {d.login_id: d for d in deployments}
        messages = []
        for user in tenant.users:
            messages += [welcome_email(tenant, user, self.scheme)]
            messages += [deployment_email(tenant, user, by_login[user.login_id], self.scheme)]
        self.send(*messages)

    def send(self, *messages: Message) -> None:
        """Any sender's messages (MiCollab, CloudLink, Mitel One), each delivered once: after a
        closed connection, what was not yet delivered goes over a new one."""
        with self._lock:
            pending = list(messages)
            for attempt in (1, 2):
                try:
                    while pending:
                        self._connection().send_message(pending[0])
                        pending.pop(0)
                    return
                except smtplib.SMTPServerDisconnected:
                    self._smtp = None
                    if attempt == 2:
                        raise

    def _connection(self) -> smtplib.SMTP:
        if self._smtp is None:
            self._smtp = smtplib.SMTP(*self._address, timeout=10)
        return self._smtp

    def close(self) -> None:
        with self._lock, contextlib.suppress(smtplib.SMTPException, OSError):
            if self._smtp is not None:
                self._smtp.quit()
        self._smtp = None
