"""The MiCollab Web Client in the user's browser, and the self-deployment of the MiCollab Client
(PC or MAC) running in the background: the QR code, Open MiCollab, the hand-off to the client."""

from __future__ import annotations

import pytest
from pytest_bdd import given, parsers, then, when

from harness import checks
from mocks.mail.reading import labelled_value
from steps.micollab_client import step

QR_CODE = "QR code"
OPEN_MICOLLAB = "Open MiCollab"
WEB_CLIENT = "MiCollab Web Client"
SELF_DEPLOYMENT = "User Profile > Settings > General > Self Deployment"


@pytest.fixture
def web_client(devices, welcome_email):
    """The MiCollab Web Client at the address the welcome e-mail gives, in the user's browser."""
    return devices.open_micollab_web_client(labelled_value(welcome_email, WEB_CLIENT))


@given(
    step("the MiCollab Client application is running in the background on a {device:Device}"),
    target_fixture="client",
)
def client_running(devices, device):
    running = devices.install(device)
    running.open_app()
    return running


def _log_on(web_client, login_id: str, password: str) -> None:
    web_client.open_app()
    for label, value in [("Login ID", login_id), ("Password", password)]:
        checks.field_offered(web_client, label)
        web_client.fill(label, value)
    web_client.press("Log on")


@when("the user logs on to MiCollab Web Client with the Login ID and password from the MiCollab welcome e-mail")
def log_on(web_client, welcome_email, welcome_password):
    _log_on(web_client, labelled_value(welcome_email, "Login ID"), welcome_password)


@when("the user logs on to MiCollab Web Client with a wrong password")
def log_on_with_wrong_password(web_client, welcome_email, welcome_password):
    _log_on(web_client, labelled_value(welcome_email, "Login ID"), welcome_password[::-1] + "!")


@given("the user has logged on to MiCollab Web Client")
def logged_on(web_client, welcome_email, welcome_password):
    log_on(web_client, welcome_email, welcome_password)
    checks.current_screen(web_client, WEB_CLIENT)


@when(parsers.parse("the user clicks the QR code ({path})"))
def click_qr_code(web_client, path):
    for label in path.split(" > "):
        checks.button_offered(web_client, label)
        web_client.press(label)
    checks.elements_shown(web_client, [QR_CODE])
    web_client.tap(QR_CODE)


@when("the user clicks the Open MiCollab link")
def click_open_micollab(web_client, client):
    checks.elements_shown(web_client, [OPEN_MICOLLAB])
    opened = checks.link_opened(OPEN_MICOLLAB, web_client.click_link(OPEN_MICOLLAB))
    client.open_link(opened)  # the operating system hands the link to the running client


@given("the user has clicked the Open MiCollab link in MiCollab Web Client")
def opened_from_web_client(web_client, client, welcome_email, welcome_password):
    logged_on(web_client, welcome_email, welcome_password)
    click_qr_code(web_client, SELF_DEPLOYMENT)
    click_open_micollab(web_client, client)


@given("the user has clicked the Open MiCollab link in MiCollab Web Client and accepted the license agreement")
def on_password_page_from_web_client(web_client, client, welcome_email, welcome_password):
    opened_from_web_client(web_client, client, welcome_email, welcome_password)
    checks.current_screen(client, "license agreement")
    client.press("Accept")


@then("the user is logged on to MiCollab Web Client")
def is_logged_on(web_client):
    checks.button_offered(web_client, "User Profile")  # where the documented path starts


@then("the user is not logged on to MiCollab Web Client")
def is_not_logged_on(web_client):
    checks.button_not_offered(web_client, "User Profile")
    checks.never_shown(web_client, WEB_CLIENT)


@then("MiCollab Web Client shows an error")
def web_client_shows_error(web_client):
    checks.error_shown(web_client)


@then("MiCollab Web Client offers Open MiCollab")
def open_micollab_offered(web_client):
    checks.elements_shown(web_client, [OPEN_MICOLLAB])


@then("the QR code carries the same deployment as the Open MiCollab link")
def qr_code_same_deployment(web_client):
    checks.elements_shown(web_client, [OPEN_MICOLLAB])
    checks.same_deployment(web_client.qr_codes(), web_client.link_target(OPEN_MICOLLAB))


@then("the QR code and the Open MiCollab link carry a deployment that can still be used")
def deployment_still_usable(web_client, simulated, tenant):
    qr_code_same_deployment(web_client)
    usable = [d["link"] for d in simulated.micollab.codes(tenant.server_host)]
    checks.deployment_usable(web_client.link_target(OPEN_MICOLLAB), usable)
