"""The CloudLink welcome e-mail, from no-reply@mitel.io, with the password set-up link."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import formataddr, make_msgid

from mocks.cloudlink.directory import SetupLink

WELCOME_SUBJECT = "Welcome to Mitel CloudLink"
SENDER = formataddr(("Mitel", "no-reply@mitel.io"))


def setup_url(link: SetupLink, scheme: str) -> str:
    return f"{scheme}://auth.mitel.io/password/setup/{link.token}"


def welcome_email(link: SetupLink, scheme: str = "https") -> EmailMessage:
    user = link.user.user
    message = EmailMessage()
    message["From"], message["To"] = SENDER, formataddr((user.name, user.email))
    message["Subject"] = WELCOME_SUBJECT
    message["Message-ID"] = make_msgid(domain="mitel.io")
    message.set_content(
        f"Hello {user.name},\n\n"
        f"An account has been created for you on Mitel CloudLink (account {link.user.account_id}).\n\n"
        "Set up your password to sign in:\n\n"
        f"{setup_url(link, scheme)}\n\n"
        "This link can be used once and expires in 4 days.\n"
    )
    return message
