"""CloudLink's rules: PKCE S256, single-use expiring codes and set-up links, account states."""

from __future__ import annotations

import pytest

from mocks.cloudlink.directory import CODE_TTL, LOCKOUT_THRESHOLD, CloudLinkDirectory, CloudLinkError, s256
from mocks.tenant import Tenant, TenantSettings, User

USER = User(
    "Ann Lee", "Ann.Lee@acme.example.com", "alee07", "AnnL@acme.onmicrosoft.com", "MiCollab-pw1",
    cloudlink_password="CloudLink-pw1",
)  # fmt: skip
VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"  # RFC 7636 appendix B


def directory_with(**settings) -> tuple[CloudLinkDirectory, Tenant]:
    directory = CloudLinkDirectory()
    tenant = Tenant("t1", "Acme", "acme.example.com", TenantSettings(**settings), [USER], cloudlink_account_id="42")
    directory.add_tenant(tenant)
    return directory, tenant


def test_the_rfc_7636_sample_challenge():
    assert s256(VERIFIER) == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"


def signed_in_code(directory: CloudLinkDirectory) -> str:
    entry = directory.find(USER.email)
    directory.check_password(entry, USER.cloudlink_password)
    return directory.issue_code(entry, "app", "app://cb", s256(VERIFIER), "n1")


def test_a_code_is_redeemed_once_with_its_verifier():
    directory, _ = directory_with()
    code = signed_in_code(directory)
    assert directory.redeem_code(code, "app", VERIFIER, "app://cb").nonce == "n1"
    with pytest.raises(CloudLinkError, match="already used"):
        directory.redeem_code(code, "app", VERIFIER, "app://cb")


@pytest.mark.parametrize(
    ("client_id", "verifier", "redirect", "message"),
    [
        ("app", "wrong-verifier", "app://cb", "code_verifier does not match"),
        ("app", "", "app://cb", "code_verifier does not match"),
        ("other", VERIFIER, "app://cb", "another client"),
        ("app", VERIFIER, "app://elsewhere", "not the one the code was issued for"),
        ("app", VERIFIER, "", "redirect_uri is required"),
    ],
)
def test_a_code_is_refused_to_anyone_else_and_stays_usable(client_id, verifier, redirect, message):
    """RFC 6749 §4.1.3: the same redirect_uri as the authorization request's, which had one. A
    refused redemption does not burn the code (the policy CloudLink shares with Entra)."""
    directory, _ = directory_with()
    code = signed_in_code(directory)
    with pytest.raises(CloudLinkError, match=message):
        directory.redeem_code(code, client_id, verifier, redirect)
    assert directory.redeem_code(code, "app", VERIFIER, "app://cb").nonce == "n1"


def test_a_code_expires():
    directory, tenant = directory_with()
    code = signed_in_code(directory)
    tenant.clock.advance(CODE_TTL + 1)
    with pytest.raises(CloudLinkError, match="expired"):
        directory.redeem_code(code, "app", VERIFIER, "app://cb")


def test_a_user_without_a_password_is_told_to_set_it_up_then_can_sign_in():
    directory, _ = directory_with(cloudlink_password_set=False)
    [link] = directory.setup_links.values()
    entry = directory.find(USER.email)
    with pytest.raises(CloudLinkError, match=r"no-reply@mitel\.io") as refused:
        directory.check_password(entry, USER.cloudlink_password)
    assert refused.value.status == 422
    directory.set_password(link.token, USER.cloudlink_password)
    directory.check_password(entry, USER.cloudlink_password)
    with pytest.raises(CloudLinkError, match="already been used"):
        directory.setup_link(link.token)


def test_a_set_up_link_expires_after_four_days():
    directory, tenant = directory_with(cloudlink_password_set=False)
    [link] = directory.setup_links.values()
    tenant.clock.advance(4 * 24 * 3600 + 1)
    with pytest.raises(CloudLinkError, match="expired"):
        directory.setup_link(link.token)


def test_wrong_passwords_lock_the_account():
    directory, _ = directory_with()
    entry = directory.find(USER.email)
    for _ in range(LOCKOUT_THRESHOLD):
        with pytest.raises(CloudLinkError, match="incorrect"):
            directory.check_password(entry, "wrong")
    with pytest.raises(CloudLinkError, match="locked") as locked:
        directory.check_password(entry, USER.cloudlink_password)
    assert (locked.value.status, locked.value.code) == (422, "account_locked")


@pytest.mark.parametrize(("enable_mitel_credentials", "accepted"), [(False, False), (True, True)])
def test_an_integrated_account_takes_cloudlink_passwords_only_with_mitel_credentials(
    enable_mitel_credentials, accepted
):
    directory, _ = directory_with(azure_ad_integrated=True, enable_mitel_credentials=enable_mitel_credentials)
    entry = directory.find(USER.email)
    if accepted:
        directory.check_password(entry, USER.cloudlink_password)
    else:
        with pytest.raises(CloudLinkError, match="enterprise credentials"):
            directory.check_password(entry, USER.cloudlink_password)


def test_an_email_in_several_accounts_needs_the_account_id():
    directory, _ = directory_with()
    second = Tenant("t2", "Beta", "beta.example.com", TenantSettings(), [USER], cloudlink_account_id="77")
    directory.add_tenant(second)
    with pytest.raises(CloudLinkError) as several:
        directory.find(USER.email)
    assert (several.value.status, several.value.extra["accounts"]) == (409, ["42", "77"])
    assert directory.find(USER.email, "77").tenant is second


@pytest.mark.parametrize("name", ["Ann.Lee@acme.example.com", "ANN.LEE@acme.example.com", "annl@ACME.onmicrosoft.com"])
def test_the_e_mail_or_the_upn_stands_for_the_e_mail_whatever_its_case(name):
    directory, _ = directory_with(azure_ad_integrated=True)
    assert directory.email_for(name) == USER.email
    assert directory.find(directory.email_for(name)).user is USER


@pytest.mark.parametrize("name", ["alee07@acme.onmicrosoft.com", "alee07", ""])
def test_a_name_no_directory_knows_is_refused(name):
    directory, _ = directory_with(azure_ad_integrated=True)
    with pytest.raises(CloudLinkError, match="incorrect"):
        directory.find(directory.email_for(name))


def test_a_user_outside_azure_ad_has_no_upn_to_match():
    directory = CloudLinkDirectory()
    user = User("Bo Yu", "Bo.Yu@beta.example.com", "byu", "", "MiCollab-pw1", cloudlink_password="CloudLink-pw1")
    directory.add_tenant(Tenant("t2", "Beta", "beta.example.com", TenantSettings(), [user], cloudlink_account_id="7"))
    assert directory.email_for("") == ""
