"""CloudLink: users whose MiCollab login continues on the CloudLink Unified login page, the
CloudLink password, and its set-up through the CloudLink welcome e-mail."""

from __future__ import annotations

import pytest
from parse import with_pattern
from pytest_bdd import given, parsers, then, when

from harness import checks
from mocks.cloudlink.mailer import WELCOME_SUBJECT
from mocks.mail.reading import links
from mocks.tenant import TenantSettings
from steps.micollab_client import click, click_on_screen, enter_username

# What someone between CloudLink and the application forges (mocks/cloudlink/forgery.py).
FORGERIES = {"a state that does not match": "state", "another sign-in's code": "code", "no state": "no_state"}


@with_pattern("|".join(FORGERIES))
def _forgery(text: str) -> str:
    return FORGERIES[text]


@given("a MiCollab user whose CloudLink-based Authentication is enabled", target_fixture="tenant")
def cloudlink_user(world):
    return world.new_tenant(TenantSettings(cloudlink_auth=True))


@given(
    "a MiCollab user whose CloudLink-based Authentication is enabled, on a MiCollab server upgraded to 9.3",
    target_fixture="tenant",
)
def cloudlink_user_on_server_9_3(world):
    return world.new_tenant(TenantSettings(cloudlink_auth=True, server_version="9.3"))


@given(
    "a MiCollab user whose CloudLink-based Authentication is enabled and who has not set up the CloudLink password",
    target_fixture="tenant",
)
def cloudlink_user_without_password(world):
    return world.new_tenant(TenantSettings(cloudlink_auth=True, cloudlink_password_set=False))


@pytest.fixture
def cloudlink_setup_link(simulated, tenant):
    return links(simulated.mail.wait_for(tenant.user.email, WELCOME_SUBJECT))[0]


@pytest.fixture
def browser(devices):
    """A web browser beside the client, for the links the user opens from an e-mail."""
    return devices.users_browser()


@given("the user has set up the CloudLink password with the link in the CloudLink welcome e-mail")
def set_up_cloudlink_password(browser, cloudlink_setup_link, tenant):
    browser.open(cloudlink_setup_link)
    browser.fill("Password", tenant.user.cloudlink_password)
    browser.fill("Confirm Password", tenant.user.cloudlink_password)
    browser.press("Set Password")


@then("the e-mail is auto-populated on the CloudLink Sign-in page")
def email_auto_populated(client, tenant):
    checks.current_screen(client, "CloudLink Sign-in")
    checks.value_shown(client, tenant.user.email)


@when("the user enters the CloudLink password on the CloudLink Authorization page")
def enter_cloudlink_password(client, tenant):
    checks.current_screen(client, "CloudLink Authorization")
    checks.fill_offered(client, "Password", tenant.user.cloudlink_password)


def sign_in_with_cloudlink(client, welcome_email, tenant) -> None:
    """From the username-only login page: the Email ID, then CloudLink's Sign-in and
    Authorization pages with the CloudLink password."""
    enter_username(client, welcome_email, "Email ID")
    click(client, "Next")
    click_on_screen(client, "Next", "CloudLink Sign-in")
    enter_cloudlink_password(client, tenant)
    click(client, "Sign in")


@given("the user has logged in to MiCollab Client with the CloudLink password and clicked Logout")
def logged_in_with_cloudlink_then_out(client, welcome_email, tenant):
    client.open_app()
    click_on_screen(client, "Accept", "license agreement")
    sign_in_with_cloudlink(client, welcome_email, tenant)
    checks.current_screen(client, "MiCollab Home")
    click(client, "Logout")


@given(
    parsers.parse(
        "CloudLink's answer to the user's next sign-in is forged with {kind:Forgery}", extra_types={"Forgery": _forgery}
    ),
    target_fixture="forgery",
)
def forged_answer(simulated, tenant, kind):
    return simulated.cloudlink.forge_next_answer(tenant.user.email, kind)["id"]


@then("the forged answer's code was not redeemed at CloudLink's token endpoint")
def forged_code_not_redeemed(client, simulated, forgery):
    checks.error_shown(client)  # the client has dealt with the answer: what it redeems, it has
    found = simulated.cloudlink.forgery(forgery)
    checks.server_recorded("CloudLink sent the forged answer", len(found["sent"]))
    checks.all_equal("redemptions of the forged answer's code at CloudLink's token endpoint", 0, [found["presented"]])
