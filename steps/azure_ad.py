"""Azure AD (Entra ID) behind CloudLink: enterprise credentials, the second factor, and the
CloudLink Portal's "Enable Mitel Credentials"."""

from __future__ import annotations

import pyotp
from pytest_bdd import given, parsers, then, when

from harness import checks
from mocks.tenant import TenantSettings

USERNAME_FIELD = "Email, phone, or Skype"


def integrated(world, **settings):
    return world.new_tenant(TenantSettings(cloudlink_auth=True, azure_ad_integrated=True, **settings))


@given("a MiCollab user whose CloudLink account is integrated with Azure AD", target_fixture="tenant")
def azure_user(world):
    return integrated(world)


@given(
    "a MiCollab user whose CloudLink account is integrated with Azure AD, which asks for a second factor",
    target_fixture="tenant",
)
def azure_user_with_mfa(world):
    return integrated(world, mfa_required=True)


@given(
    'a MiCollab user whose CloudLink account is integrated with Azure AD, with "Enable Mitel Credentials"',
    target_fixture="tenant",
)
def azure_user_with_mitel_credentials(world):
    return integrated(world, enable_mitel_credentials=True)


@when("the user uses the enterprise credentials to log in")
def enterprise_credentials(client, tenant):
    checks.current_screen(client, "Sign in")
    if not client.screen().fields.get(USERNAME_FIELD):
        client.fill(USERNAME_FIELD, tenant.user.upn)
    client.press("Next")
    checks.current_screen(client, "Enter password")
    client.fill("Password", tenant.user.enterprise_password)
    client.press("Sign in")


@when("the user enters the second-factor authentication code")
def second_factor(client, tenant):
    checks.current_screen(client, "Enter code")
    client.fill("Code", pyotp.TOTP(tenant.user.totp_secret).at(tenant.clock.now()))
    client.press("Verify")


@when("the user answers No to Stay signed in?")
def not_staying_signed_in(client):
    checks.current_screen(client, "Stay signed in?")
    client.press("No")


@then("the user is asked for a second-factor authentication code")
def asked_for_second_factor(client):
    checks.current_screen(client, "Enter code")
    checks.field_offered(client, "Code")


@then("no second-factor authentication code is asked for")
def no_second_factor(client):
    checks.never_shown(client, "Enter code")


@given(
    parsers.parse(
        "a MiCollab user whose CloudLink account is integrated with Azure AD,"
        " which locks the account after {count:d} wrong passwords"
    ),
    target_fixture="tenant",
)
def azure_user_with_lockout(world, count):
    return integrated(world, azure_lockout_threshold=count)


@when(parsers.parse("the user enters {count:d} different wrong enterprise passwords"))
def wrong_enterprise_passwords(client, tenant, count):
    checks.current_screen(client, "Sign in")
    client.fill(USERNAME_FIELD, tenant.user.upn)
    client.press("Next")
    for attempt in range(count):  # Entra's smart lockout counts only different wrong passwords
        client.fill("Password", f"{tenant.user.enterprise_password}-{attempt}")
        client.press("Sign in")


@when("the user enters the enterprise password")
def right_enterprise_password(client, tenant):
    checks.current_screen(client, "Enter password")
    client.fill("Password", tenant.user.enterprise_password)
    client.press("Sign in")
