"""The fronts' twins over HTTP (mocks/remote_world.py) answer as the fronts do in-process: the
same tenants, e-mails, clocks, sessions and errors, given only the world's proxy URL."""

from __future__ import annotations

import pytest

from failures import HarnessError
from mocks.control import controls
from mocks.mail import MailTimeout
from mocks.micollab_server.mailer import DEPLOYMENT_SUBJECT
from mocks.platform import Platform
from mocks.remote import RemoteClock
from mocks.remote_world import RemoteWorld
from mocks.tenant import TenantSettings
from mocks.world import World
from mocks.world_api import FRONTS


@pytest.fixture(scope="module")
def worlds():
    """A world in this process, and its twin reached over HTTP through the world's proxy."""
    platform = Platform().start()
    remote = RemoteWorld(platform.proxy_url).start()
    yield platform, remote
    remote.stop()
    platform.stop()


@pytest.fixture
def tenant(worlds, request):
    """A tenant the harness makes from its seed and registers over HTTP."""
    _, remote = worlds
    return World(remote, 5, request.node.nodeid).new_tenant(TenantSettings(mitel_one=True))


def test_a_tenant_registered_over_http_is_the_worlds_and_keeps_its_clock_there(worlds, tenant):
    platform, _ = worlds
    assert platform.tenants[tenant.id].users == tenant.users
    assert isinstance(tenant.clock, RemoteClock)
    before = platform.tenants[tenant.id].clock.now()
    tenant.clock.advance(3600)
    assert platform.tenants[tenant.id].clock.now() - before >= 3600
    assert abs(tenant.clock.now() - platform.tenants[tenant.id].clock.now()) < 5


def test_the_remote_fronts_answer_as_the_fronts_in_process(worlds, tenant):
    platform, remote = worlds
    mail = remote.mail.wait_for(tenant.user.email, DEPLOYMENT_SUBJECT)
    assert mail.raw == platform.mail.wait_for(tenant.user.email, DEPLOYMENT_SUBJECT).raw
    assert remote.mails_of([tenant]) == platform.mails_of([platform.tenants[tenant.id]])
    assert remote.secrets_of([tenant]) == platform.secrets_of([platform.tenants[tenant.id]])
    assert remote.credentials_of([tenant])[:4] == platform.credentials_of([platform.tenants[tenant.id]])[:4]
    assert remote.micollab.open_sessions(tenant.server_host, tenant.user.login_id) == 0
    assert remote.micollab.imports(tenant.server_host, tenant.user.login_id) == 0
    assert remote.mitel_one.send(tenant.id, "call", "Reception", "hello") == {"notified_sessions": 0}
    assert remote.mitel_one.notifications(tenant.id)["delivered"] == 0


def test_an_administrators_change_made_over_http_is_the_worlds(worlds, tenant):
    platform, remote = worlds
    assert remote.micollab.set_cloudlink_auth(tenant.server_host, True) is True
    assert platform.micollab.directory.tenant(tenant.server_host).cloudlink_auth is True
    assert remote.mitel_one.remove_sso(tenant.id) == {"methods": ["password"]}
    assert tenant.cloudlink_account_id in platform.mitel_one.service.sso_removed


def test_a_forgery_asked_for_over_http_is_read_back_by_its_id(worlds, tenant):
    _, remote = worlds
    forgery = remote.cloudlink.forge_next_answer(tenant.user.email, "state")
    assert remote.cloudlink.forgery(forgery["id"]) == forgery | {"sent": {}, "presented": 0}
    assert remote.cloudlink.forget_forgeries() >= 1


def test_errors_come_back_as_the_fronts_raise_them(worlds, tenant):
    _, remote = worlds
    with pytest.raises(MailTimeout):
        remote.mail.wait_for(tenant.user.email, "no such subject", timeout=0.1)
    with pytest.raises(LookupError, match="no MiCollab server"):
        remote.micollab.open_sessions("micollab.nowhere.example.com", "nobody")
    with pytest.raises(ValueError, match="kind is one of"):
        remote.mitel_one.send(tenant.id, "telegram")
    with pytest.raises(ValueError, match="not negative"):
        tenant.clock.advance(-1)


def test_a_seeds_tenant_is_registered_once(worlds, tenant):
    _, remote = worlds
    with pytest.raises(HarnessError, match="start the world again to replay this --seed"):
        remote.add_tenant(tenant)


def test_devices_of_a_harness_session_are_named_apart_from_any_other(worlds):
    _, remote = worlds
    url = remote.proxy.device_url("s1.micollab-client.1")
    assert url.startswith(f"http://{remote.session}s1.micollab-client.1:@127.0.0.1:")


def test_every_front_is_ready_and_resets_and_its_twin_has_every_method(worlds):
    platform, remote = worlds
    for name, front in FRONTS.items():
        assert {"ready", "reset"} <= set(controls(front)), name
        assert all(callable(getattr(getattr(remote, name), method)) for method in controls(front)), name
        assert getattr(remote, name).ready() == getattr(platform, name).ready(), name


def test_a_reset_over_http_removes_the_tenants_made_since_the_world_started(worlds, tenant):
    platform, remote = worlds
    remote.mitel_one.accept_eula(tenant.id)
    assert remote.micollab.codes(tenant.server_host)[0]["login_id"] == tenant.user.login_id
    assert remote.world.reset()["tenants"] == []  # this world started with none
    assert tenant.id not in platform.tenants
    with pytest.raises(LookupError):
        remote.micollab.codes(tenant.server_host)
    assert remote.mail.messages(tenant.user.email) == []
