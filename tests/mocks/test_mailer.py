"""The mocks' mailer keeps its SMTP connection from one send to the next, and a connection the
server has closed costs no e-mail and sends none twice."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mocks.mail.smtp import SmtpServer
from mocks.mail.store import MailStore
from mocks.micollab_server.mailer import Mailer


@pytest.fixture
def mail():
    store = MailStore()
    server = SmtpServer(store).start()
    mailer = Mailer(server.host, server.port, "https")
    yield store, mailer
    mailer.close()
    server.stop()


def message(subject: str) -> EmailMessage:
    sent = EmailMessage()
    sent["From"], sent["To"], sent["Subject"] = "no-reply@example.com", "user@example.com", subject
    sent.set_content("hello")
    return sent


def test_every_message_arrives_once_over_a_connection_the_server_closed_meanwhile(mail):
    store, mailer = mail
    mailer.send(message("first"))
    mailer._smtp.sock.close()  # as a server that timed the idle connection out
    mailer.send(message("second"), message("third"))
    assert [m.subject for m in store.messages_for("user@example.com")] == ["first", "second", "third"]
