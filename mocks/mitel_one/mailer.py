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

from email.message import Message

from mocks.cloudlink.mailer import SENDER
from mocks.mail.compose import plain_text
from mocks.tenant import Tenant, User

WELCOME_SUBJECT = "Welcome to Mitel One"
WEB_APP_URL = "https://one.mitel.io"


def welcome_email(tenant: Tenant, user: User) -> Message:
    """Names the company, so a user with accounts in two companies knows which number is whose."""
    body = (
        f"Hello {user.name},\n\n"
        f"{tenant.company} has given you a Mitel One license.\n\n"
        f"Company: {tenant.company}\n"
        f"Account Number: {tenant.account_number}\n\n"
        f"Sign in at {WEB_APP_URL} with your e-mail address. If you are asked for an Account Number, "
        "enter the one above.\n"
    )
    return plain_text(SENDER, (user.name, user.email), WELCOME_SUBJECT, body, "mitel.io")


def welcome_emails(tenant: Tenant) -> list[Message]:
    """One for each user of a tenant whose users have a Mitel One license, none otherwise."""
    return [welcome_email(tenant, user) for user in tenant.users] if tenant.settings.mitel_one else []
