"""smtplib, unmodified, delivers to the standalone world's e-mail server at the address its JSON
prints, and the mailbox API shows the message to its recipient, raw and waited for."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from email.utils import make_msgid


def test_smtplib_delivers_into_the_mailbox_api(standalone):
    recipient = standalone["tenants"][0]["users"][0]["email"]
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "probe@example.org", recipient, "Probe delivery"
    message["Message-ID"] = make_msgid(domain="example.org")
    message.set_content("Sent with smtplib.\n")
    with smtplib.SMTP(standalone["smtp"]["host"], standalone["smtp"]["port"], timeout=10) as smtp:
        smtp.send_message(message)
    mailbox = standalone["mailbox_api"].format(address=recipient)
    found = standalone.http.get(mailbox.removesuffix("/messages") + "/wait", params={"subject": "Probe delivery"})
    assert found.status_code == 200
    assert found.json()["from"] == "probe@example.org"
    raw = standalone.http.get(f"{mailbox}/{found.json()['id']}.eml")
    assert raw.headers["content-type"].startswith("message/rfc822")
    assert message["Message-ID"].encode() in raw.content
    elsewhere = standalone["mailbox_api"].format(address=standalone["tenants"][1]["users"][0]["email"])
    assert "Probe delivery" not in {m["subject"] for m in standalone.http.get(elsewhere).json()}
