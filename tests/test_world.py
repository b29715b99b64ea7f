"""Seeded worlds: a scenario replays exactly from its seed; scenarios never share a tenant."""

from __future__ import annotations

from mocks.tenant import TenantSettings
from mocks.world import World


class RecordingPlatform:
    def __init__(self) -> None:
        self.tenants = []

    def add_tenant(self, tenant) -> None:
        self.tenants.append(tenant)


def tenant_of(seed: int, scenario: str, settings: TenantSettings | None = None):
    return World(RecordingPlatform(), seed, scenario).new_tenant(settings)


def test_the_same_seed_and_scenario_build_the_same_tenant():
    first, again = tenant_of(7, "features/a.feature::A"), tenant_of(7, "features/a.feature::A")
    assert (first.domain, first.users) == (again.domain, again.users)


def test_other_scenarios_and_seeds_build_other_tenants():
    domains = {tenant_of(seed, f"s{n}").domain for seed in range(3) for n in range(50)}
    assert len(domains) == 150


def test_a_tenant_has_a_usable_user():
    tenant = tenant_of(1, "x")
    user = tenant.user
    assert tenant.server_host == f"micollab.{tenant.domain}"
    assert user.email.endswith("@" + tenant.domain)
    assert user.login_id.isalnum()
    assert len(user.micollab_password) >= 12
    assert user.micollab_password in tenant.secrets()


def local(name: str) -> str:
    return name.split("@", maxsplit=1)[0]


def test_upn_login_id_and_email_all_differ_even_ignoring_case():
    for n in range(50):
        tenant = tenant_of(n, "s", TenantSettings(azure_ad_integrated=True))
        user = tenant.user
        names = {local(user.upn).lower(), user.login_id.lower(), local(user.email).lower()}
        assert len(names) == 3, user
        assert user.upn.endswith("@" + tenant.azure_domain)
        assert tenant.azure_domain.endswith(".onmicrosoft.com")
        assert tenant.unknown_upn() not in {user.upn, user.email, user.login_id}


def test_names_come_in_mixed_case_and_passwords_with_upper_case_letters():
    user = tenant_of(3, "s", TenantSettings(mitel_one=True, mitel_one_sso=True)).user
    assert local(user.email) != local(user.email).lower()
    assert local(user.upn) != local(user.upn).lower()
    for password in (user.micollab_password, user.cloudlink_password, user.enterprise_password, user.new_password):
        assert password != password.lower()


def test_only_an_azure_ad_user_has_a_upn():
    assert tenant_of(1, "x").user.upn == ""
    assert tenant_of(1, "x", TenantSettings(cloudlink_auth=True)).user.upn == ""
    assert tenant_of(1, "x", TenantSettings(azure_ad_integrated=True)).user.upn
    assert tenant_of(1, "x", TenantSettings(mitel_one_sso=True)).user.upn
