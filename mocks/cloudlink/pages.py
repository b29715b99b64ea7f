"""The CloudLink Unified login page (auth.mitel.io) and the password set-up page, in HTML."""

from __future__ import annotations

from mocks.html import alert, button, field, form, hidden, page, text

SIGN_IN = "CloudLink Sign-in"
AUTHORIZATION = "CloudLink Authorization"
SETUP = "Set up your CloudLink password"
RESET = "Reset your Password"
ENTERPRISE_BUTTON = "Sign in with your enterprise account"


def sign_in(transaction_id: str, email: str, error: str = "") -> str:
    action = f"/authorize/{transaction_id}/email"
    body = form(action, field("email", "Email", email, "email", "username"), button("Next"))
    return page(SIGN_IN, SIGN_IN, alert(error), text("Sign in to continue to your Mitel application."), body)


def authorization(transaction_id: str, email: str, offer_enterprise: bool, error: str = "") -> str:
    fields = [hidden("email", email), field("password", "Password", kind="password", autocomplete="current-password")]
    parts = [form(f"/authorize/{transaction_id}/password", *fields, button("Sign in"))]
    if offer_enterprise:
        parts.append(form(f"/authorize/{transaction_id}/enterprise", button(ENTERPRISE_BUTTON)))
    return page(AUTHORIZATION, AUTHORIZATION, alert(error), text(email), *parts)


def redirect_with_post(action: str, values: dict[str, str]) -> str:
    """Hands a result to another site by POST, the way identity providers do."""
    inputs = [hidden(name, value) for name, value in values.items()]
    return page("Working…", "Working…", form(action, *inputs, button("Continue"), auto_submit=True))


def setup(token: str, error: str = "") -> str:
    fields = [
        field("password", "Password", kind="password", autocomplete="new-password"),
        field("confirm", "Confirm Password", kind="password", autocomplete="new-password"),
    ]
    return page(SETUP, SETUP, alert(error), form(f"/password/setup/{token}", *fields, button("Set Password")))


def setup_done() -> str:
    done = "Your password is set up"
    return page(done, done, text("You can now sign in to your Mitel applications with your CloudLink password."))


def reset(token: str, error: str = "") -> str:
    fields = [
        field("code", "Verification code", kind="text", autocomplete="one-time-code"),
        field("password", "New password", kind="password", autocomplete="new-password"),
        field("confirm", "Confirm password", kind="password", autocomplete="new-password"),
    ]
    return page(RESET, RESET, alert(error), form(f"/password/reset/{token}", *fields, button("Reset Password")))


def reset_done() -> str:
    done = "Your password has been reset"
    return page(done, done, text("Sign in to your Mitel application with your new password."))


def failure(message: str, code: str = "") -> str:
    return page("CloudLink", "Something went wrong", alert(message, code))
