"""The Mitel One web application in the user's browser."""

from __future__ import annotations

from pytest_bdd import given, then, when

from harness import checks
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
