"""The MiCollab server's rules: single-use expiring deployments, lockout, no user enumeration."""

from __future__ import annotations

import pytest

from mocks.micollab_server.directory import (
    WEB,
    AccountLocked,
    DeploymentRefused,
    LoginRefused,
    MiCollabDirectory,
    NotAuthorised,
    UnknownDeployment,
)
from mocks.micollab_server.web_client import qr_code
from mocks.tenant import Tenant, TenantSettings, User

# UPN, login ID and e-mail all differ, as in the generated worlds.
USER = User("Ann Lee", "Ann.Lee@acme.example.com", "alee", "AnnL@acme.onmicrosoft.com", "S3cret-pass!")


@pytest.fixture
def server():
    directory = MiCollabDirectory()
    tenant = Tenant("t1", "Acme", "acme.example.com", TenantSettings(lockout_threshold=3), [USER])
    [deployment] = directory.add_tenant(tenant)
    return directory, directory.tenant(tenant.server_host), deployment, tenant


def test_a_deployment_is_redeemed_once(server):
    directory, state, deployment, _ = server
    account, session = directory.redeem(state, deployment.link_token)
    assert account.user == USER
    assert session
    with pytest.raises(DeploymentRefused, match="already been used"):
        directory.redeem(state, deployment.code_secret)


def test_a_deployment_expires(server):
    directory, state, deployment, tenant = server
    tenant.clock.advance(tenant.settings.deployment_ttl + 1)
    with pytest.raises(DeploymentRefused, match="expired"):
        directory.redeem(state, deployment.code_secret)


def test_an_unknown_deployment_is_refused(server):
    directory, state, _, _ = server
    with pytest.raises(UnknownDeployment):
        directory.redeem(state, "not-a-deployment")


@pytest.mark.parametrize("username", ["alee", "ALee", "ann.lee@ACME.example.com", "annl@acme.onmicrosoft.com"])
def test_login_id_email_and_upn_all_log_in_whatever_their_case(server, username):
    directory, state, _, _ = server
    _, token = directory.login(state, username, USER.micollab_password)
    assert directory.home(state, token)["display_name"] == "Ann Lee"


@pytest.mark.parametrize("username", ["alee@acme.onmicrosoft.com", "AnnL", "AnnL@acme.example.com", ""])
def test_a_name_no_directory_knows_is_refused(server, username):
    directory, state, _, _ = server
    with pytest.raises(LoginRefused):
        directory.login(state, username, USER.micollab_password)


def test_a_user_outside_azure_ad_has_no_upn_to_match():
    directory = MiCollabDirectory()
    user = User("Bo Yu", "Bo.Yu@beta.example.com", "byu", "", "Pa55-word")
    directory.add_tenant(Tenant("t2", "Beta", "beta.example.com", TenantSettings(), [user]))
    with pytest.raises(LoginRefused):
        directory.login(directory.tenant("micollab.beta.example.com"), "", user.micollab_password)


def test_the_password_matches_exactly(server):
    directory, state, _, _ = server
    with pytest.raises(LoginRefused):
        directory.login(state, "alee", USER.micollab_password.lower())


def test_wrong_passwords_lock_the_account_until_the_lockout_time_passes(server):
    directory, state, _, tenant = server
    for _ in range(3):
        with pytest.raises(LoginRefused):
            directory.login(state, "alee", "wrong")
    with pytest.raises(AccountLocked):
        directory.login(state, "alee", USER.micollab_password)
    tenant.clock.advance(tenant.settings.lockout_duration + 1)
    assert directory.login(state, "alee", USER.micollab_password)


def test_the_username_page_answers_alike_for_unknown_users(server):
    directory, state, _, _ = server
    assert (
        directory.identify(state, "nobody")
        == directory.identify(state, "alee")
        == {"method": "password", "server_version": "9.8"}
    )


def test_cloudlink_auth_changed_by_the_administrator_applies_until_a_reset(server):
    directory, state, _, _ = server
    state.cloudlink_auth = True  # as MiCollabFront.set_cloudlink_auth sets it
    assert directory.identify(state, "alee")["method"] == "cloudlink"
    directory.restore()
    assert directory.identify(state, "alee")["method"] == "password"  # the tenant's own setting


def test_logout_ends_the_session(server):
    directory, state, _, _ = server
    _, token = directory.login(state, "alee", USER.micollab_password)
    directory.logout(state, token)
    with pytest.raises(NotAuthorised):
        directory.home(state, token)


def test_user_data_needs_the_deployment_session(server):
    directory, state, deployment, _ = server
    with pytest.raises(NotAuthorised):
        directory.export_user_data(state, "guess")
    _, session = directory.redeem(state, deployment.link_token)
    assert directory.export_user_data(state, session) == {"favorites": []}


def test_self_deployment_makes_a_fresh_single_use_deployment_for_the_web_client_user(server):
    directory, state, emailed, _ = server
    _, web_session = directory.login(state, "alee", USER.micollab_password, kind=WEB)
    fresh = directory.self_deployment(state, web_session)
    assert fresh.login_id == "alee"
    assert fresh.link_token != emailed.link_token
    account, _ = directory.redeem(state, fresh.link_token)
    assert account.user == USER
    with pytest.raises(DeploymentRefused, match="already been used"):
        directory.redeem(state, fresh.link_token)


def test_self_deployment_needs_a_web_client_session(server):
    directory, state, _, tenant = server
    _, client_session = directory.login(state, "alee", USER.micollab_password)
    with pytest.raises(NotAuthorised):
        directory.self_deployment(state, client_session)
    assert directory.open_sessions(tenant, "alee") == 1  # a Web Client session is not a client's
    _, web_session = directory.login(state, "alee", USER.micollab_password, kind=WEB)
    assert directory.open_sessions(tenant, "alee") == 1
    directory.logout(state, web_session, kind=WEB)
    with pytest.raises(NotAuthorised):
        directory.web_user(state, web_session)


def test_the_qr_code_is_an_svg_the_page_shows_as_an_image():
    assert qr_code("https://micollab.acme.example.com/micollab/deploy?token=t").startswith("data:image/svg+xml")
