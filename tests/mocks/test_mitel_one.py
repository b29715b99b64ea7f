"""The Mitel One platform: its welcome e-mail carries the Account Number; the UPN is a user name
only for an Azure user with SSO, and a name no directory knows finds no account."""

from __future__ import annotations

from pathlib import Path

import pytest

from mocks.mail.reading import labelled_value
from mocks.mitel_one.mailer import WELCOME_SUBJECT
from mocks.platform import Platform
from mocks.tenant import TenantSettings
from mocks.world import World

WEB_APP = Path(__file__).resolve().parents[2] / "clients" / "mitel_one_web" / "static"
SSO = TenantSettings(mitel_one=True, mitel_one_sso=True, azure_ad_integrated=True)


@pytest.fixture(scope="module")
def platform():
    running = Platform(direct=True, web_app_dir=WEB_APP).start()
    yield running
    running.stop()


@pytest.fixture
def world(platform, request):
    return World(platform, 5, request.node.nodeid)


def test_the_welcome_email_from_no_reply_at_mitel_io_carries_the_account_number(platform, world):
    tenant = world.new_tenant(TenantSettings(mitel_one=True))
    welcome = platform.mail.wait_for(tenant.user.email, WELCOME_SUBJECT)
    assert "no-reply@mitel.io" in welcome.from_header
    assert labelled_value(welcome, "Account Number") == tenant.account_number
    assert labelled_value(welcome, "Company") == tenant.company


def test_a_user_without_a_mitel_one_license_gets_no_mitel_one_welcome_email(platform, world):
    tenant = world.new_tenant(TenantSettings(cloudlink_auth=True))
    platform.mail.wait_for(tenant.user.email, "Welcome to MiCollab")  # sent after the Mitel One one
    assert not [m for m in platform.mail.messages(tenant.user.email) if m.subject == WELCOME_SUBJECT]


def test_the_upn_of_an_azure_user_with_sso_finds_the_account_in_any_case(platform, world):
    tenant = world.new_tenant(SSO)
    answer = platform.mitel_one.service.identify(tenant.user.upn.upper())
    assert answer == {
        "methods": ["password", "sso"],
        "email": tenant.user.email,
        "account_id": tenant.cloudlink_account_id,
    }


def test_a_upn_no_directory_knows_finds_no_account(platform, world):
    tenant = world.new_tenant(SSO)
    answer = platform.mitel_one.service.identify(tenant.unknown_upn())
    assert (answer["methods"], answer["account_id"]) == (["password"], "")


def test_sso_removed_by_the_administrator_is_not_offered_until_a_reset(platform, world):
    tenant = world.new_tenant(SSO)
    assert platform.mitel_one.remove_sso(tenant.id) == {"methods": ["password"]}
    assert platform.mitel_one.service.identify(tenant.user.email)["methods"] == ["password"]
    platform.mitel_one.reset()
    assert platform.mitel_one.service.identify(tenant.user.email)["methods"] == ["password", "sso"]
