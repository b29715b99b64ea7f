"""CloudLink's e-mails, from no-reply@mitel.io: the welcome e-mail with the password set-up link,
and the password reset with its link and six-digit verification code."""

from __future__ import annotations

from email.message import Message
from email.utils import formataddr

from mocks.cloudlink.directory import PasswordReset, SetupLink
from mocks.mail.compose import plain_text

WELCOME_SUBJECT = "Welcome to Mitel CloudLink"
RESET_SUBJECT = "Reset your Mitel password"
SENDER = formataddr(("Mitel", "no-reply@mitel.io"))


def setup_url(link: SetupLink, scheme: str) -> str:
    return f"{scheme}://auth.mitel.io/password/setup/{link.token}"


def _email(user, subject: str, body: str) -> Message:
    """An e-mail from no-reply@mitel.io to `user`, greeting them by name."""
    return plain_text(SENDER, (user.name, user.email), subject, f"Hello {user.name},\n\n{body}", "mitel.io")


def welcome_email(link: SetupLink, scheme: str = "https") -> Message:
    return _email(
        link.user.user,
        WELCOME_SUBJECT,
        f"An account has been created for you on Mitel CloudLink (account {link.user.account_id}).\n\n"
        "Set up your password to sign in:\n\n"
        f"{setup_url(link, scheme)}\n\n"
        "This link can be used once and expires in 4 days.\n",
    )


def reset_url(reset: PasswordReset, scheme: str) -> str:
    return f"{scheme}://auth.mitel.io/password/reset/{reset.token}"


def reset_email(reset: PasswordReset, scheme: str = "https") -> Message:
    return _email(
        reset.user.user,
        RESET_SUBJECT,
        "We received a request to reset the password of your Mitel account.\n\n"
        f"Open this link and enter the verification code with your new password:\n\n"
        f"{reset_url(reset, scheme)}\n\n"
        f"Verification code: {reset.code}\n\n"
        "The link and the code can be used once and expire in 1 hour. If you did not ask for this, "
        "ignore this e-mail.\n",
    )
