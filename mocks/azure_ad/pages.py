"""Azure AD's sign-in pages in HTML, in Entra's words: "Sign in", "Enter password", "Enter code",
"Stay signed in?", the error page, and the self-submitting form that hands a result to an app.

Each page has one POST form carrying the sign-in's `ctx` and the `step` it answers; each field
has a <label for> and an aria-label; an error is in #error (role="alert") with its AADSTS code."""

from __future__ import annotations

from html import escape

from mocks.azure_ad.errors import AzureError
from mocks.html import button, field, form, hidden, page

TITLE = "Sign in to your account"  # the <title> of every Entra sign-in page
SIGN_IN = "Sign in"
ENTER_PASSWORD = "Enter password"
ENTER_CODE = "Enter code"
STAY_SIGNED_IN = "Stay signed in?"
TROUBLE = "Sorry, but we're having trouble signing you in."
WORKING = "Working..."
USERNAME_LABEL = "Email, phone, or Skype"
PASSWORD_LABEL = "Password"
CODE_LABEL = "Code"
CODE_TEXT = "Enter the code displayed in the authenticator app on your mobile device"
STAY_TEXT = "Do this to reduce the number of times you are asked to sign in."
# Entra's own field names, which browser automation written against the real pages looks for.
USERNAME, PASSWORD, CODE = "loginfmt", "passwd", "otc"


def _error(error: AzureError | None) -> str:
    if error is None:
        return ""
    code = escape(error.aadsts)
    return (
        f'<div id="error" role="alert" data-aadsts="{code}" data-error-code="{code}">{escape(error.message)}</div>'
        f'<p class="error-code">Error code: {code}</p>'
    )


def _paragraph(message: str, element_id: str = "") -> str:
    ident = f' id="{escape(element_id)}"' if element_id else ""
    return f"<p{ident}>{escape(message)}</p>"


def _step(action: str, sign_in_id: str, step: str, *parts: str) -> str:
    return form(action, hidden("ctx", sign_in_id), hidden("step", step), *parts)


def sign_in(action: str, sign_in_id: str, username: str = "", error: AzureError | None = None) -> str:
    username_field = field(USERNAME, USERNAME_LABEL, username, "email", "username")
    return page(TITLE, SIGN_IN, _error(error), _step(action, sign_in_id, "username", username_field, button("Next")))


def enter_password(action: str, sign_in_id: str, username: str, error: AzureError | None = None) -> str:
    password_field = field(PASSWORD, PASSWORD_LABEL, kind="password", autocomplete="current-password")
    body = _step(action, sign_in_id, "password", password_field, button("Sign in"))
    return page(TITLE, ENTER_PASSWORD, _paragraph(username, "displayName"), _error(error), body)


def enter_code(action: str, sign_in_id: str, error: AzureError | None = None) -> str:
    code_field = field(CODE, CODE_LABEL, kind="tel", autocomplete="one-time-code")
    body = _step(action, sign_in_id, "code", code_field, button("Verify"))
    return page(TITLE, ENTER_CODE, _paragraph(CODE_TEXT), _error(error), body)


def stay_signed_in(action: str, sign_in_id: str) -> str:
    body = _step(action, sign_in_id, "kmsi", button("Yes"), button("No"))
    return page(TITLE, STAY_SIGNED_IN, _paragraph(STAY_TEXT), body)


def failure(error: AzureError) -> str:
    """A request Entra cannot go on with: its page shows the AADSTS code and message."""
    alert = f'<div id="error" role="alert" data-aadsts="{escape(error.aadsts)}">{escape(str(error))}</div>'
    return page(TITLE, TROUBLE, alert)


def page_signed_out() -> str:
    heading = "You signed out of your account"
    return page(TITLE, heading, _paragraph("It's a good idea to close all browser windows."))


def post_to(action: str, values: dict[str, str]) -> str:
    """Hands a result to an application by POST (form_post, SAML HTTP-POST binding): it submits
    itself; without JavaScript the user presses Continue."""
    inputs = "".join(hidden(name, value) for name, value in values.items())
    manual = "<noscript><p>Script is disabled. Click Continue to continue.</p>" + (
        '<button type="submit">Continue</button></noscript>'
    )
    return page(WORKING, WORKING, form(action, inputs, manual, auto_submit=True))
