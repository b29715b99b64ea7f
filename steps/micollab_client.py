"""The MiCollab Client, driven through the driver interface in the documentation's words."""

from __future__ import annotations

from parse import with_pattern
from pytest_bdd import given, parsers, then, when

from harness import checks
from harness.evidence import note_known_issue
from mocks.mail.reading import labelled_value
from mocks.micollab_server.mailer import WELCOME_SUBJECT

USERNAME_FIELD = "Email ID or Login ID"
SINGLE_SIGN_ON = "CloudLink Sign-in"  # the Single Sign-On page: CloudLink's Unified login page
# Where Next takes a mobile client upgraded from 9.2 to 9.3: Single Sign-On, or the known issue.
AFTER_UPGRADE = (SINGLE_SIGN_ON, "password")


@with_pattern(r"PC|MAC|iOS|Android")
def _device(text: str) -> str:
    return text


@with_pattern(r"[A-Z]\S*(?: (?!on )\S+)*")
def _button(text: str) -> str:
    """A label starting with a capital, ending before " on ", so "clicks Accept on the license
    agreement screen" names Accept and "clicks Sign in" names Sign in."""
    return text


@with_pattern(r"Email ID|Login ID")
def _identifier(text: str) -> str:
    """The names the MiCollab welcome e-mail gives the user's identities."""
    return text


@with_pattern(r"e-mail id|User Principal Name")
def _user_name(text: str) -> str:
    """What the Mitel One user name may be: the account's e-mail id, or an Azure user's UPN."""
    return text


EVENT_KINDS = {
    "calls the user": "call",
    "sends the user a message": "message",
    "invites the user to a meeting": "invitation",
}


@with_pattern("|".join(EVENT_KINDS))
def _event_kind(text: str) -> str:
    """What the Mitel One platform sends a user: a call, a message or a meeting invitation."""
    return EVENT_KINDS[text]


@with_pattern(r"enabled|disabled")
def _switch(text: str) -> bool:
    """A setting an administrator turns on or off."""
    return text == "enabled"


EXTRA_TYPES = {
    "Switch": _switch,
    "Device": _device,
    "Button": _button,
    "Identifier": _identifier,
    "UserName": _user_name,
    "EventKind": _event_kind,
}


def step(text: str):
    """Case-sensitive, so a Button is a label that starts with a capital, as on screen."""
    return parsers.parse(text, extra_types=EXTRA_TYPES, case_sensitive=True)


# -- the device ---------------------------------------------------------------------------------


@given(step("the MiCollab Client application is installed on a {device:Device}"), target_fixture="client")
def client_installed(devices, device):
    return devices.install(device)


@given(
    step("the MiCollab Client application on a {device:Device} was upgraded from 9.2 to 9.3 after the server"),
    target_fixture="client",
)
def client_upgraded_from_92(devices, device):
    return devices.install(device, version="9.3", upgraded_from="9.2")


@given(
    step(
        "the MiCollab Client application is installed on a {device:Device}"
        " with the MiCollab server from the welcome e-mail"
    ),
    target_fixture="client",
)
def client_installed_for_server(devices, device, tenant):
    return devices.install(device, server_host=tenant.server_host)


@given(
    step("the MiCollab Client application is installed on a {device:Device} with another company's MiCollab server"),
    target_fixture="client",
)
def client_installed_for_another_server(devices, world, device):
    """Set up for a MiCollab server that is not the user's (a device of an earlier employer)."""
    return devices.install(device, server_host=world.new_tenant().server_host)


@given("the link in the deployment e-mail has been used on another computer")
def link_used_elsewhere(devices, deployment_link):
    devices.install("PC").open_link(deployment_link)


@given("the user has clicked the link in the deployment e-mail and accepted the license agreement")
def on_password_page_by_link(client, deployment_link):
    client.open_link(deployment_link)
    checks.current_screen(client, "license agreement")
    client.press("Accept")


@given("the user has logged in to MiCollab Client with the link in the deployment e-mail")
def logged_in_by_link(client, deployment_link, welcome_password):
    on_password_page_by_link(client, deployment_link)
    client.fill("Password", welcome_password)
    client.press("Apply")
    checks.current_screen(client, "MiCollab Home")


def log_in_with_password_then_out(client, welcome_email) -> None:
    """The license, the Email ID and the password of `welcome_email`, MiCollab Home, Logout."""
    client.open_app()
    click_on_screen(client, "Accept", "license agreement")
    enter_username(client, welcome_email, "Email ID")
    click(client, "Next")
    enter_welcome_password(client, labelled_value(welcome_email, "Password"))
    click(client, "Apply")
    checks.current_screen(client, "MiCollab Home")
    click(client, "Logout")


@given("the user has logged in to MiCollab Client with the MiCollab password and clicked Logout")
def logged_in_with_password_then_out(client, welcome_email):
    log_in_with_password_then_out(client, welcome_email)


@given("the colleague has logged in to MiCollab Client on this device and clicked Logout")
def colleague_logged_in_then_out(client, simulated, tenant):
    """A device shared by two users of one MiCollab server: the colleague's own welcome e-mail."""
    log_in_with_password_then_out(client, simulated.mail.wait_for(tenant.users[1].email, WELCOME_SUBJECT))


@given(step("the administrator has since {change:Switch} CloudLink-based Authentication for the user"))
def cloudlink_auth_changed(simulated, tenant, change):
    """On the MiCollab server, while the user is logged out: the next login must ask it again."""
    simulated.micollab.set_cloudlink_auth(tenant.server_host, change)


# -- what the user does -------------------------------------------------------------------------


@when("the user clicks the link provided in the deployment e-mail message")
def click_deployment_link(client, deployment_link):
    client.open_link(deployment_link)


@when("the user opens the MiCollab Client application")
def open_application(client):
    client.open_app()


@when("the user pastes the authentication code provided in the deployment e-mail")
def paste_authentication_code(client, authentication_code):
    checks.fill_offered(client, "Authentication Code", authentication_code)


@when("the user pastes the authentication code provided in the deployment e-mail, copied with its line break")
def paste_code_with_line_break(client, authentication_code):
    checks.fill_offered(client, "Authentication Code", authentication_code + "\r\n")  # e-mail lines end in CRLF


@when(step("the user clicks {button:Button} on the {screen} screen"))
@when(step("the user clicks {button:Button} on the {screen} page"))
def click_on_screen(client, button, screen):
    checks.current_screen(client, screen)
    checks.documented_content(client, screen)
    checks.button_offered(client, button)
    client.press(button)


@when(step("the user clicks {button:Button}"))
def click(client, button):
    checks.button_offered(client, button)
    client.press(button)


@when("the user enters the password provided in the welcome e-mail message")
def enter_welcome_password(client, welcome_password):
    checks.fill_offered(client, "Password", welcome_password)


@when("the user enters a wrong password")
def enter_wrong_password(client, welcome_password):
    checks.fill_offered(client, "Password", welcome_password[::-1] + "!")


@when(step("the user enters a wrong password {count:d} times"))
def enter_wrong_password_repeatedly(client, welcome_password, count):
    for _ in range(count):
        enter_wrong_password(client, welcome_password)
        client.press("Apply")


@when(step("the user enters the {identifier:Identifier} from the MiCollab welcome e-mail"))
def enter_username(client, welcome_email, identifier):
    checks.fill_offered(client, USERNAME_FIELD, labelled_value(welcome_email, identifier))


@when("the user enters the User Principal Name from Azure AD")
def enter_upn(client, tenant):
    checks.fill_offered(client, USERNAME_FIELD, tenant.user.upn)


@when("the user enters a User Principal Name that no directory knows")
def enter_unknown_upn(client, tenant):
    checks.fill_offered(client, USERNAME_FIELD, tenant.unknown_upn())


@when(step("the user taps the Mitel logo {times:d} times"))
def tap_logo(client, times):
    checks.element_offered(client, "Mitel logo")
    client.tap("Mitel logo", times)


@when("the user taps the Mitel logo once")
def tap_logo_once(client):
    tap_logo(client, 1)


@then("the Mitel logo is still displayed")
def logo_still_displayed(client):
    checks.element_offered(client, "Mitel logo")


@when(step("the user enters the Server Hostname and the {identifier:Identifier} from the MiCollab welcome e-mail"))
def enter_manual_login_with(client, welcome_email, identifier):
    checks.current_screen(client, "Manual Login")
    checks.fill_offered(client, "Server Hostname", labelled_value(welcome_email, "MiCollab Server"))
    checks.fill_offered(client, "Login ID/Email ID", labelled_value(welcome_email, identifier))


@when("the user enters the Server Hostname and the Login ID/Email ID from the MiCollab welcome e-mail")
def enter_manual_login(client, welcome_email):
    enter_manual_login_with(client, welcome_email, "Login ID")


@when("if the Password page is displayed, the user clicks on the Back button, enters the username and clicks Next")
def upgrade_workaround(client, welcome_email):
    """The documented workaround, for a client with the known issue; one without it has already
    directed the user to the Single Sign-On page."""
    if checks.one_of_screens(client, AFTER_UPGRADE) == "password":
        click(client, "Back")
        enter_username(client, welcome_email, "Login ID")
        click(client, "Next")


# -- what the user sees -------------------------------------------------------------------------


@then("the client directs to the Single Sign-On page or, as the known issue says, to the password page")
def single_sign_on_or_known_issue(client, request):
    shown = checks.one_of_screens(client, AFTER_UPGRADE)
    note_known_issue(request.node, "MC-UPG-1", present=shown == "password")


@then("the client directs to the Single Sign-On page")
def directs_to_single_sign_on(client):
    checks.current_screen(client, SINGLE_SIGN_ON)


@then(step("the MiCollab Client application opens on the {screen} screen"))
def application_opens_on(client, screen):
    checks.current_screen(client, screen)
    checks.documented_content(client, screen)


@then(step("the {screen} screen is displayed, with no error"))
def screen_displayed_without_error(client, screen):
    checks.no_error_on(client, screen)


@then(step("the {screen} screen is displayed"))
@then(step("the {screen} page is displayed"))
def screen_displayed(client, screen):
    checks.current_screen(client, screen)
    checks.documented_content(client, screen)


@then(step("the {screen} screen is not displayed"))
@then(step("the {screen} page is not displayed"))
def screen_not_displayed(client, screen):
    checks.never_shown(client, screen)


@then("the login page displays only the username field")
def login_page_only_username(client):
    checks.current_screen(client, "login")
    checks.only_fields(client, [USERNAME_FIELD])


@then("the progressing screen is shown, followed by the MiCollab Home screen")
def progressing_then_home(client):
    checks.current_screen(client, "MiCollab Home")
    checks.screens_in_order(client, ["progressing", "MiCollab Home"])


@then("the client offers Import")
def import_offered(client):
    checks.button_offered(client, "Import")


@then("the client does not offer Import")
def import_not_offered(client):
    checks.current_screen(client, "license agreement")  # what follows Apply at a first login
    checks.never_offered(client, "Import")
    checks.never_shown(client, "import")


@then("the user data is imported")
def user_data_imported(client, simulated, tenant):
    checks.elements_shown(client, list(tenant.user.favorites))
    checks.server_recorded(
        "the MiCollab server handed the user data to the client",
        simulated.micollab.imports(tenant.server_host, tenant.user.login_id),
    )


@then(parsers.parse('the client says "{words}"'))
def client_says(client, words):
    """Only for words the documents print; elsewhere "shows an error"."""
    checks.message_contains(client, words)


@then("the client refuses to connect and tells the user")
def refuses_and_tells(client):
    checks.error_shown(client)


@then("the client shows an error")
def client_shows_error(client):
    checks.error_shown(client)


@then(step("the {screen} screen shows an error"))
@then(step("the {screen} page shows an error"))
def screen_shows_error(client, screen):
    checks.error_shown(client, screen)


@then("the user is not logged in")
def not_logged_in(client, simulated, tenant):
    checks.never_shown(client, "MiCollab Home")
    open_sessions = simulated.micollab.open_sessions(tenant.server_host, tenant.user.login_id)
    checks.all_equal("open sessions on the MiCollab server", 0, [open_sessions])


@then("the user is logged in to MiCollab Client")
def logged_in(client):
    checks.current_screen(client, "MiCollab Home")
