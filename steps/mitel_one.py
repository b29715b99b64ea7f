"""The Mitel One web application in the user's browser."""

from __future__ import annotations

from pytest_bdd import given, then, when

from harness import checks
from mocks.tenant import TenantSettings
from steps.micollab_client import step

MITEL_ONE_URL = "https://one.mitel.io"


@given("the user's web browser is Google Chrome", target_fixture="client")
def chrome(devices):
    return devices.open_web_app(MITEL_ONE_URL)


@when("the user clicks the URL https://one.mitel.io")
def open_mitel_one(client):
    client.open_app()


@then(step("the page offers {button:Button}"))
def page_offers(client, button):
    checks.button_offered(client, button)


@given("a Mitel One user", target_fixture="tenant")
def mitel_one_user(world):
    return world.new_tenant()


@given("a Mitel One user whose IT administrator configured Single Sign-On", target_fixture="tenant")
def mitel_one_user_with_sso(world):
    return world.new_tenant(TenantSettings(mitel_one_sso=True))


@when(step("the user enters the {name:UserName} as the user name"))
def enter_user_name(client, tenant, name):
    checks.field_offered(client, "User name")
    client.fill("User name", tenant.user.email if name == "e-mail id" else tenant.user.upn)


@when("the user enters the password specified while registering in the Password field")
def enter_registration_password(client, tenant):
    checks.field_offered(client, "Password")
    client.fill("Password", tenant.user.cloudlink_password)


@when("the user enters a wrong password in the Password field")
def enter_wrong_mitel_one_password(client, tenant):
    checks.field_offered(client, "Password")
    client.fill("Password", tenant.user.cloudlink_password + "-wrong")


@when("the user clicks the avatar")
def click_avatar(client):
    client.tap("avatar")


@then(step("the {label} field is shown"))
def field_shown(client, label):
    checks.field_offered(client, label)


@then(step("{button:Button} is not offered"))
def not_offered(client, button):
    checks.button_not_offered(client, button)


@then("the user is logged in to the Mitel One web application")
def logged_in_to_mitel_one(client):
    checks.current_screen(client, "Mitel One")


@then("the user is logged out of the Mitel One web application")
def logged_out_of_mitel_one(client, simulated, tenant):
    checks.current_screen(client, "Welcome to Mitel One")
    checks.all_equal("Mitel One sessions still open", 0, [simulated.mitel_one.open_sessions(tenant.user.email)])
