"""Seeded worlds: a scenario replays exactly from its seed; scenarios never share a tenant."""

from __future__ import annotations

from mocks.world import World


class RecordingPlatform:
    def __init__(self) -> None:
        self.tenants = []

    def add_tenant(self, tenant) -> None:
        self.tenants.append(tenant)


def tenant_of(seed: int, scenario: str):
    return World(RecordingPlatform(), seed, scenario).new_tenant()


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
