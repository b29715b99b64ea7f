"""The e-mail server: real SMTP in, mailbox API out, one mailbox never showing another's mail."""

from __future__ import annotations

import smtplib
import threading
from email.message import EmailMessage

import httpx
import pytest

from mocks.mail import MailStore, MailTimeout, SmtpServer, mailbox_app
from mocks.mail.reading import labelled_value, links
from mocks.netutil import HttpServerThread


def message(to: str, subject: str, body: str = "Hello") -> EmailMessage:
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = "no-reply@mitel.io", to, subject
    mail.set_content(body)
    return mail


@pytest.fixture(scope="module")
def smtp_store():
    store = MailStore()
    server = SmtpServer(store).start()
    yield store, server
    server.stop()


def test_a_message_sent_over_smtp_is_stored_and_parsed(smtp_store):
    store, server = smtp_store
    with smtplib.SMTP(server.host, server.port) as smtp:
        smtp.send_message(message("ann@a.example.com", "Welcome", "Login ID: ann\nhttps://x.example.com/p?q=1"))
    received = store.wait_for("ann@a.example.com", "welcome", timeout=5)
    assert received.from_header == "no-reply@mitel.io"
    assert labelled_value(received, "Login ID") == "ann"
    assert links(received) == ["https://x.example.com/p?q=1"]


def test_a_mailbox_shows_only_its_own_messages():
    store = MailStore()
    store.add("s@x", ["ann@a.example.com"], bytes(message("ann@a.example.com", "For Ann")))
    store.add("s@x", ["bob@b.example.com"], bytes(message("bob@b.example.com", "For Bob")))
    assert [m.subject for m in store.messages_for("ANN@a.example.com")] == ["For Ann"]
    bob_id = store.messages_for("bob@b.example.com")[0].id
    assert store.get("ann@a.example.com", bob_id) is None


def test_waiting_returns_as_soon_as_the_message_arrives():
    store = MailStore()
    timer = threading.Timer(0.05, store.add, ("s@x", ["c@c.example.com"], bytes(message("c@c.example.com", "Late"))))
    timer.start()
    assert store.wait_for("c@c.example.com", "Late", timeout=5).subject == "Late"


def test_waiting_for_a_message_that_never_comes_times_out_clearly():
    with pytest.raises(MailTimeout, match=r"no e-mail to d@d\.example\.com"):
        MailStore().wait_for("d@d.example.com", "Never", timeout=0.01)


def test_mailbox_api_lists_serves_raw_and_waits():
    store = MailStore()
    sent = store.add("s@x", ["e@e.example.com"], bytes(message("e@e.example.com", "Deployment")))
    server = HttpServerThread(mailbox_app(store), "mailbox").start()
    api = httpx.Client(base_url=server.url)
    assert api.get("/api/v1/mailboxes/e@e.example.com/messages").json()[0]["subject"] == "Deployment"
    raw = api.get(f"/api/v1/mailboxes/e@e.example.com/messages/{sent.id}.eml")
    assert raw.headers["content-type"] == "message/rfc822"
    assert raw.content == sent.raw
    assert api.get(f"/api/v1/mailboxes/x@x.example.com/messages/{sent.id}.eml").status_code == httpx.codes.NOT_FOUND
    assert api.get("/api/v1/mailboxes/e@e.example.com/wait", params={"subject": "Deploy"}).status_code == 200
    waited = api.get("/api/v1/mailboxes/e@e.example.com/wait", params={"subject": "Other", "timeout": "0.01"})
    assert waited.status_code == httpx.codes.REQUEST_TIMEOUT
    server.stop()


def test_a_message_is_picked_by_a_line_of_its_body(smtp_store):
    store, server = smtp_store
    with smtplib.SMTP(server.host, server.port) as smtp:
        for company in ("Acme", "Acme-Beta"):
            smtp.send_message(message("bo@b.example.com", "Welcome to Mitel One", f"Company: {company}\nAccount: 1"))
    assert "Company: Acme\r\n" in store.wait_for("bo@b.example.com", "Welcome", line="Company: Acme").text()
    with pytest.raises(MailTimeout, match="the line 'Company: Beta'"):
        store.wait_for("bo@b.example.com", "Welcome", timeout=0.1, line="Company: Beta")


def test_a_waiting_api_request_is_answered_when_the_message_arrives():
    """The server-side wait is woken by the arrival itself (no thread, no polling)."""
    store = MailStore()
    server = HttpServerThread(mailbox_app(store), "mailbox").start()
    late = bytes(message("f@f.example.com", "Late one"))
    timer = threading.Timer(0.05, store.add, ("s@x", ["f@f.example.com"], late))
    timer.start()
    with httpx.Client(base_url=server.url) as api:
        waited = api.get("/api/v1/mailboxes/f@f.example.com/wait", params={"subject": "late", "timeout": "5"})
    assert waited.json()["subject"] == "Late one"
    server.stop()
