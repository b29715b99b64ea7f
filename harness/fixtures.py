"""The fixtures that connect steps to the harness: the simulated platform (once per session),
the scenario's world with its traffic, and its devices."""

from __future__ import annotations

import pytest

from harness import evidence, wire
from harness.devices import Devices
from harness.errors import HarnessError
from mocks.platform import PLATFORM_HOSTS, Platform
from mocks.world import World


@pytest.fixture(scope="session")
def simulated(pytestconfig):
    """Every mock server and the proxy, started once per test session (per xdist worker)."""
    platform = Platform(direct=pytestconfig.option.network == "direct")
    try:
        platform.start()
    except HarnessError:
        platform.stop()
        raise
    except Exception as exc:
        platform.stop()
        raise HarnessError(f"the simulated platform did not start: {exc!r}") from exc
    yield platform
    platform.stop()


@pytest.fixture(scope="session")
def client_factory(pytestconfig):
    """The client under test (`--client`), loaded and checked when pytest starts."""
    return pytestconfig.harness_client_factory


@pytest.fixture
def world(request, simulated, pytestconfig):
    """This scenario's world: fresh tenants, seeded from the run seed and the scenario's ID.

    Afterwards: no fault outlives the scenario, and its traffic passes the wire audit."""
    simulated.check()
    scenario_world = World(simulated, pytestconfig.harness_seed, request.node.nodeid)
    found = evidence.of(request.node)
    found.mail_sources.append(lambda: simulated.mails_of(scenario_world.tenants))
    found.secret_sources.append(lambda: simulated.secrets_of(scenario_world.tenants))
    proxy = simulated.proxy
    since = proxy.last_seq() if proxy else 0
    if proxy:
        found.har_sources.append(lambda: proxy.har(since))
    yield scenario_world
    simulated.check()  # a mock that died mid-scenario is a harness error, not the client's
    if proxy:
        proxy.clear_faults()
        audit_traffic(proxy.flows(since), simulated, scenario_world)


def audit_traffic(flows: list[dict], simulated: Platform, scenario_world: World) -> None:
    credentials = [wire.Credential(*c) for c in simulated.credentials_of(scenario_world.tenants)]
    violations = wire.audit(flows, wire.AuditContext(PLATFORM_HOSTS, tuple(credentials)))
    if violations:
        raise wire.WireViolation(violations)


@pytest.fixture
def devices(request, client_factory, simulated):
    installed = Devices(client_factory, simulated.proxy_url, simulated.ca_bundle, evidence.of(request.node))
    yield installed
    installed.close_all()
