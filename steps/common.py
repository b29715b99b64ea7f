"""The world a scenario starts from: tenants, users and their settings, and time."""

from __future__ import annotations

from pytest_bdd import given, parsers, when

from mocks.tenant import TenantSettings


@given("a MiCollab user whose CloudLink-based Authentication is not enabled", target_fixture="tenant")
def micollab_user_without_cloudlink(world):
    return world.new_tenant(TenantSettings(cloudlink_auth=False))


@given(
    "a MiCollab user and a colleague on the same MiCollab server, whose CloudLink-based Authentication is not enabled",
    target_fixture="tenant",
)
def micollab_user_and_colleague(world):
    return world.new_tenant(TenantSettings(cloudlink_auth=False), colleagues=1)


@given("a MiCollab user who has logged in to MiCollab Client before", target_fixture="tenant")
def returning_micollab_user(world):
    return world.new_tenant(TenantSettings(cloudlink_auth=False), logged_in_before=True)


@given(parsers.parse("a MiCollab user whose account locks after {count:d} wrong passwords"), target_fixture="tenant")
def micollab_user_with_lockout(world, count):
    return world.new_tenant(TenantSettings(cloudlink_auth=False, lockout_threshold=count))


@given("the deployment e-mail has expired")
def deployment_email_expired(tenant):
    tenant.clock.advance(tenant.settings.deployment_ttl + 1)


@when("the lockout time has passed")
def lockout_time_passed(tenant):
    tenant.clock.advance(tenant.settings.lockout_duration + 1)
