"""The Mitel One web application in the user's browser, and the Mitel One mobile client that
shares the user's EULA record with it."""

from __future__ import annotations

import pytest
from pytest_bdd import given, parsers, then, when

from clients.browser_brands import MICROSOFT_EDGE
from harness import checks, wire
from harness.products import MITEL_ONE_WEB
from mocks.cloudlink.mailer import RESET_SUBJECT
from mocks.mail.reading import labelled_value, links
from mocks.mitel_one import WEB_HOST
from mocks.tenant import TenantSettings
from steps.micollab_client import step

MITEL_ONE_URL = "https://one.mitel.io"
LOGOUT_PATH = "/api/v1/logout"
EULA_PATH = "/api/v1/eula"  # where a client records the acceptance with the platform
ACCEPT = "I accept the end user agreement"
EULA = "End User License Agreement"
NOTIFY_TIMEOUT = 10.0
# The permissions "some features" need (the document names none: an assumption): notifications for
# incoming calls and messages, the microphone for calls.
NEEDED_PERMISSIONS = ("notifications", "microphone")
# Where the document says each kind of thing is "there for you to access" at the next login.
LISTED_AS = {"call": "Missed calls", "message": "Unread messages", "invitation": "Meeting invitations"}
# What a notification of each kind says it is, in any words that contain this (an assumption).
NOTIFIED_AS = {"call": "call", "message": "message", "invitation": "invit"}
INSTALL_TIMEOUT = 10.0
MITEL_ONE = TenantSettings(mitel_one=True)
SSO = TenantSettings(mitel_one=True, mitel_one_sso=True, azure_ad_integrated=True, enable_mitel_credentials=True)


@pytest.fixture
def reset_email(simulated, tenant):
    """The e-mail "Reset your Password" sends; its absence is the web app's failure."""
    return checks.email_received(simulated.mail, tenant.user.email, RESET_SUBJECT)


@pytest.fixture
def sent() -> list[tuple[str, str, str]]:
    """What the platform sent the user in this scenario: (kind, from, text)."""
    return []


def press_offered(client, label: str) -> None:
    """The user clicks what the screen offers; a button the product does not offer fails it."""
    checks.button_offered(client, label)
    client.press(label)


def sign_in_with_password(client, tenant) -> None:
    """The documented way in, on either client type: SIGN IN, user name, Next, password, Next."""
    client.open_app()
    press_offered(client, "SIGN IN")
    checks.fill_offered(client, "User name", tenant.user.email)
    press_offered(client, "Next")
    checks.fill_offered(client, "Password", tenant.user.cloudlink_password)
    press_offered(client, "Next")


def accept_eula(client) -> None:
    checks.current_screen(client, EULA)
    checks.fill_offered(client, ACCEPT, "true")
    press_offered(client, "CONFIRM")


def log_out(client) -> None:
    client.tap("avatar")
    press_offered(client, "Logout")


# -- the browser, the user -------------------------------------------------------------------------


@given("the user's web browser is Google Chrome", target_fixture="client")
def chrome(devices):
    return devices.open_web_app(MITEL_ONE_URL)


@given("the user's web browser is Microsoft Edge", target_fixture="client")
def edge(devices):
    """Chromium presenting itself as Edge (clients.browser_brands): the harness runs no Edge build."""
    client = devices.open_web_app(MITEL_ONE_URL)
    client.present_as(MICROSOFT_EDGE)
    return client


@given(parsers.parse("the Mitel One platform answers Logout {seconds:d} seconds late"))
def logout_answered_late(traffic, seconds):
    traffic.set_fault(WEB_HOST, "latency", seconds=seconds, path=LOGOUT_PATH)


@given("a Mitel One user who has never logged in", target_fixture="tenant")
def first_time_user(world):
    return world.new_tenant(MITEL_ONE)


@given("a Mitel One user who has logged in before", target_fixture="tenant")
def returning_user(world, simulated):
    tenant = world.new_tenant(MITEL_ONE)
    simulated.mitel_one.accept_eula(tenant.id, tenant.user.email, "web")
    return tenant


@given(
    "a Mitel One user who has logged in before, whose password begins and ends with a space", target_fixture="tenant"
)
def returning_user_with_spaced_password(world, simulated):
    """A password the user chose at registration: spaces are as much a part of it as any other
    character (NIST SP 800-63B 5.1.1.2)."""
    spaced = f" {world.faker.password(length=12, special_chars=True)} "
    tenant = world.new_tenant(MITEL_ONE, cloudlink_password=spaced)
    simulated.mitel_one.accept_eula(tenant.id, tenant.user.email, "web")
    return tenant


@given("a Mitel One user whose IT administrator configured Single Sign-On", target_fixture="tenant")
def user_with_sso(world, simulated):
    tenant = world.new_tenant(SSO)
    simulated.mitel_one.accept_eula(tenant.id, tenant.user.email, "web")
    return tenant


@given(
    "a Mitel One user who has never logged in, whose IT administrator configured Single Sign-On",
    target_fixture="tenant",
)
def first_time_user_with_sso(world):
    return world.new_tenant(SSO)


@given("the user has logged in to the Mitel One web application with the password and logged out")
def logged_in_then_out(client, tenant):
    sign_in_with_password(client, tenant)
    logged_in_to_mitel_one(client)
    log_out(client)


@given("the IT administrator has since removed the Single Sign-On configuration")
def sso_removed(simulated, tenant):
    """While the user is logged out: the next sign-in must ask the platform again."""
    simulated.mitel_one.remove_sso(tenant.id)


@given("a Mitel One user whose Single Sign-On configuration has an outdated certificate", target_fixture="tenant")
def user_with_broken_sso(world, simulated):
    tenant = world.new_tenant(TenantSettings(**{**SSO.__dict__, "sso_certificate_outdated": True}))
    simulated.mitel_one.accept_eula(tenant.id, tenant.user.email, "web")
    return tenant


@given("a Mitel One user whose e-mail id is in two Mitel accounts", target_fixture="tenant")
def user_in_two_accounts(world, simulated):
    tenant = world.new_tenant(MITEL_ONE)
    world.new_tenant(MITEL_ONE, email=tenant.user.email, cloudlink_password=tenant.user.cloudlink_password)
    simulated.mitel_one.accept_eula(tenant.id, tenant.user.email, "web")
    return tenant


# -- logging in --------------------------------------------------------------------------------------


@when("the user clicks the URL https://one.mitel.io")
def open_mitel_one(client):
    client.open_app()


@when(step("the user enters the {name:UserName} as the user name"))
def enter_user_name(client, tenant, name):
    checks.fill_offered(client, "User name", tenant.user.email if name == "e-mail id" else tenant.user.upn)


@when("the user enters the Account Number received in the welcome email")
def enter_account_number(client, account_number):
    checks.fill_offered(client, "Account Number", account_number)


@when("the user enters a wrong Account Number")
def enter_wrong_account_number(client, account_number):
    checks.fill_offered(client, "Account Number", account_number[::-1] + "0")


@when("the user enters the password specified while registering in the Password field")
def enter_registration_password(client, tenant):
    checks.fill_offered(client, "Password", tenant.user.cloudlink_password)


@when("the user enters a wrong password in the Password field")
def enter_wrong_mitel_one_password(client, tenant):
    checks.fill_offered(client, "Password", tenant.user.cloudlink_password + "-wrong")


@when("the user enters the new password in the Password field")
def enter_new_password(client, tenant):
    checks.fill_offered(client, "Password", tenant.user.new_password)


@when("the user logs in to the Mitel One web application with the password")
def log_in_with_password(client, tenant):
    sign_in_with_password(client, tenant)


@when("the user selects the check box to accept the end user agreement")
def select_eula_check_box(client):
    checks.fill_offered(client, ACCEPT, "true")


@when("the user clears the check box again")
def clear_eula_check_box(client):
    checks.fill_offered(client, ACCEPT, "false")


@then("the check box is cleared")
def eula_check_box_cleared(client):
    checks.check_box_cleared(client, ACCEPT)


@when("the user accepts the end user agreement")
def accepts_eula(client):
    accept_eula(client)


@when("the user clicks the avatar")
def click_avatar(client):
    client.tap("avatar")


@when("the user logs out of the Mitel One web application")
def logs_out(client):
    log_out(client)


@when("the user enters the e-mail id in the Email field")
def enter_email_to_reset(client, tenant):
    checks.fill_offered(client, "Email", tenant.user.email)


@when("the user opens the link in the e-mail sent to reset the password")
def open_reset_link(client, reset_email):
    client.open_link(links(reset_email)[0])


@when("the user enters the verification code from the e-mail and a new password")
def enter_code_and_new_password(client, reset_email, tenant):
    client.fill("Verification code", labelled_value(reset_email, "Verification code"))
    client.fill("New password", tenant.user.new_password)
    client.fill("Confirm password", tenant.user.new_password)


# -- the other client type ---------------------------------------------------------------------------


@given("the user accepted the end user agreement in the Mitel One mobile application")
def accepted_on_mobile(devices, tenant):
    mobile = devices.mitel_one_mobile()
    sign_in_with_password(mobile, tenant)
    accept_eula(mobile)


@given("the user accepted the end user agreement in the Mitel One web application")
def accepted_on_web(client, tenant):
    sign_in_with_password(client, tenant)
    accept_eula(client)
    log_out(client)


@given(
    "the user selected the check box of the end user agreement in the Mitel One mobile application, "
    "but did not click CONFIRM"
)
def selected_on_mobile_not_confirmed(devices, tenant):
    mobile = devices.mitel_one_mobile()
    sign_in_with_password(mobile, tenant)
    checks.current_screen(mobile, EULA)
    checks.fill_offered(mobile, ACCEPT, "true")


@when("the user logs in to the Mitel One mobile application", target_fixture="mobile")
def log_in_on_mobile(devices, tenant):
    mobile = devices.mitel_one_mobile()
    sign_in_with_password(mobile, tenant)
    return mobile


@given("the Mitel One platform fails to record the end user agreement")
def eula_not_recorded(traffic):
    traffic.set_fault(WEB_HOST, "5xx", status=503, path=EULA_PATH)


@when("the user selects the check box and clicks CONFIRM in the Mitel One mobile application")
def accept_on_mobile(mobile):
    accept_eula(mobile)


@then("the Mitel One mobile application still displays the End User License Agreement, with an error")
def eula_still_on_mobile(mobile):
    checks.current_screen(mobile, EULA)
    checks.error_shown(mobile)


@then("the Mitel One mobile application refuses to connect and tells the user")
def mobile_refuses(mobile):
    checks.error_shown(mobile)


# -- what the platform sends -------------------------------------------------------------------------


@when(step("a colleague {kind:EventKind}"))
@when(step("another colleague {kind:EventKind}"))
def colleague_sends(simulated, world, tenant, sent, kind):
    send_from(world.faker.name(), simulated, world, tenant, sent, kind)


def send_from(sender: str, simulated, world, tenant, sent, kind) -> None:
    """A call, message or invitation from `sender`, with words of its own, kept in `sent`."""
    text = world.faker.sentence(nb_words=5)
    simulated.mitel_one.send(tenant.id, kind, sender, text)
    sent.append((kind, sender, text))


@when(step("the same colleague {kind:EventKind}"))
@when(step("the same colleague {kind:EventKind} again"))
def same_colleague_again(simulated, world, tenant, sent, kind):
    """From the colleague of the last call, message or invitation."""
    send_from(sent[-1][1], simulated, world, tenant, sent, kind)


# -- outcomes ----------------------------------------------------------------------------------------


@then(step("the page offers {button:Button}"))
def page_offers(client, button):
    checks.button_offered(client, button)


@then(step("the {label} field is shown"))
def field_shown(client, label):
    checks.field_offered(client, label)


@then(step("the {label} field is not shown"))
def field_not_shown(client, label):
    checks.field_not_offered(client, label)


@then(step("{button:Button} is not offered"))
def not_offered(client, button):
    checks.button_not_offered(client, button)


@then("the user is logged in to the Mitel One web application")
def logged_in_to_mitel_one(client):
    checks.current_screen(client, "Mitel One")


@then("the End User License Agreement page is displayed only once")
def eula_once(client):
    checks.shown_times(client, EULA, 1)


@then("the End User License Agreement is not displayed")
def eula_not_displayed(client):
    checks.never_shown(client, EULA)


@then("the End User License Agreement is displayed in the Mitel One mobile application")
def eula_on_mobile(mobile):
    checks.current_screen(mobile, EULA)


@then("CONFIRM is not offered in the Mitel One mobile application")
def confirm_not_offered_on_mobile(mobile):
    checks.button_not_offered(mobile, "CONFIRM")


@then("the End User License Agreement is not displayed in the Mitel One mobile application")
def eula_not_on_mobile(mobile):
    checks.never_shown(mobile, EULA)
    checks.current_screen(mobile, "Mitel One")


@then("the user is logged out of the Mitel One web application")
def logged_out_of_mitel_one(client, simulated, tenant):
    checks.screen_left(client, "Mitel One")  # where Logout leads, the document does not say
    open_sessions = simulated.mitel_one.notifications(tenant.id, tenant.user.email)["open_sessions"]
    checks.all_equal("Mitel One sessions still open", 0, [open_sessions])


@then(parsers.parse('the page still says "{words}" a moment later'))
def still_says(client, words):
    checks.still_says(client, words)


@then("the user is not logged in to the Mitel One web application")
def not_logged_in_to_mitel_one(client, simulated, tenant):
    checks.never_shown(client, "Mitel One")
    open_sessions = simulated.mitel_one.notifications(tenant.id, tenant.user.email)["open_sessions"]
    checks.all_equal("Mitel One sessions open", 0, [open_sessions])


@when("the app asks, on screen, for the permissions some features need")
@then("the app asks, on screen, for the permissions some features need")
def asks_for_permissions(client):
    checks.button_offered(client, "Allow")


@then("the app does not ask for the permissions again")
def does_not_ask_again(client):
    checks.current_screen(client, "Mitel One")
    checks.button_not_offered(client, "Allow")
    checks.no_permission_asked(client.permission_prompts())


@when("the user allows them", target_fixture="permissions_asked")
def allows_permissions(client):
    """Allow on the app's message, then Allow on each prompt of the browser's as the app raises it."""
    press_offered(client, "Allow")
    return client.answer_permission_prompts(allow=True)


@then("the browser asked for permission to show notifications and to use the microphone")
def browser_asked_for_permissions(permissions_asked):
    checks.permissions_asked(permissions_asked, NEEDED_PERMISSIONS)


@then("the browser can install the Mitel One Progressive Web Application")
def installable(client):
    checks.installable(client.installability_errors(INSTALL_TIMEOUT))


@then("the user is notified of it")
def notified(client, sent):
    for kind, sender, _ in sent:
        checks.notified_of(client, sender, NOTIFY_TIMEOUT, NOTIFIED_AS[kind])


@then("the user receives no notification of it")
def not_notified(client, simulated, tenant):
    delivered = simulated.mitel_one.notifications(tenant.id, tenant.user.email)["delivered"]
    checks.not_notified(delivered, client.notifications(), client.screen().elements)


@then("all of them are there for the user to access")
def all_there(client, sent):
    for kind, sender, text in sent:
        checks.listed_under(client, LISTED_AS[kind], sender, text)


@then("the browser keeps no password or code of the user where a page's script can read it")
def nothing_secret_in_storage(client, simulated, world):
    checks.nothing_secret_stored(client.stored(), simulated.secrets_of(world.tenants), "of one.mitel.io")


@then("the browser keeps none of the calls and messages the user received where a page's script can read it")
def nothing_received_in_storage(client, sent):
    texts = [text for _, _, text in sent]
    checks.nothing_secret_stored(client.stored(), texts, "of one.mitel.io: nothing the user received")


@then("the browser keeps no password, code or token of the ended session where a page's script can read it")
def nothing_of_the_session_in_storage(client, simulated, world, traffic):
    secrets = simulated.secrets_of(world.tenants) + wire.tokens_of(traffic.flows(MITEL_ONE_WEB))
    checks.nothing_secret_stored(client.stored(), secrets, "of one.mitel.io, nor any token of the ended session")
