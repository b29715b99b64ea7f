"""A plain-text e-mail as the mocks' servers send theirs (MiCollab, CloudLink, Mitel One)."""

from __future__ import annotations

from email.message import Message
from email.mime.text import MIMEText
from email.utils import formataddr, make_msgid


def plain_text(sender: str, to: tuple[str, str], subject: str, body: str, domain: str) -> Message:
    """From `sender` to (name, address): made with the email package's MIMEText, which takes a
    fifth of the time EmailMessage's header objects do (every scenario's tenant is sent three).
    On the wire: text/plain, 7bit when the text is ASCII (UTF-8, base64, when it is not)."""
    message = MIMEText(body, "plain", "us-ascii" if body.isascii() else "utf-8")
    message["From"], message["To"] = sender, formataddr(to)
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain=domain)
    return message
