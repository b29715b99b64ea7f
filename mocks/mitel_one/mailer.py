"""The Mitel One welcome e-mail, from no-reply@mitel.io, with the Account Number.

The log-in document says only "the Account Number received in the welcome email". Mitel's page
"Register and Access the Mitel One Web Application" names that e-mail: 'Welcome to Mitel One',
from no-reply@mitel.io, sent when a Mitel One license is assigned to the user. So the Mitel One
platform sends it (not CloudLink's own welcome e-mail, which sets up the CloudLink password of
the MiCollab document). The Account Number line, the company line and the rest of the wording
are the harness's assumption. Registration (its "Set up Mitel One" link) is not simulated: the
harness's Mitel One users have registered, so the e-mail carries no link.
"""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import formataddr, make_msgid

from mocks.cloudlink.mailer import SENDER
from mocks.tenant import Tenant, User

WELCOME_SUBJECT = "Welcome to Mitel One"
WEB_APP_URL = "https://one.mitel.io"


def welcome_email(tenant: Tenant, user: User) -> EmailMessage:
    """Names the company, so a user with accounts in two companies knows which number is whose."""
    message = EmailMessage()
    message["From"], message["To"] = SENDER, formataddr((user.name, user.email))
    message["Subject"] = WELCOME_SUBJECT
    message["Message-ID"] = make_msgid(domain="mitel.io")
    message.set_content(
        f"Hello {user.name},\n\n"
        f"{tenant.company} has given you a Mitel One license.\n\n"
        f"Company: {tenant.company}\n"
        f"Account Number: {tenant.account_number}\n\n"
        f"Sign in at {WEB_APP_URL} with your e-mail address. If you are asked for an Account Number, "
        "enter the one above.\n"
    )
    return message


def welcome_emails(tenant: Tenant) -> list[EmailMessage]:
    """One for each user of a tenant whose users have a Mitel One license, none otherwise."""
    return [welcome_email(tenant, user) for user in tenant.users] if tenant.settings.mitel_one else []
