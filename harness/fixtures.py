"""The fixtures that connect steps to the harness: the simulated platform (once per session),
the scenario's world and its devices."""

from __future__ import annotations

import pytest

from harness import evidence
from harness.devices import Devices
from harness.errors import HarnessError
from mocks.platform import Platform
from mocks.world import World


@pytest.fixture(scope="session")
def simulated():
    """Every mock server, started once per test session (per xdist worker)."""
    try:
        platform = Platform().start()
    except Exception as exc:
        raise HarnessError(f"the simulated platform did not start: {exc}") from exc
    yield platform
    platform.stop()


@pytest.fixture(scope="session")
def client_factory(pytestconfig):
    """The client under test (`--client`), loaded and checked when pytest starts."""
    return pytestconfig.harness_client_factory


@pytest.fixture
def world(request, simulated, pytestconfig):
    """This scenario's world: fresh tenants, seeded from the run seed and the scenario's ID."""
    simulated.check()
    scenario_world = World(simulated, pytestconfig.harness_seed, request.node.nodeid)
    found = evidence.of(request.node)
    found.mail_sources.append(lambda: simulated.mails_of(scenario_world.tenants))
    found.secret_sources.append(lambda: simulated.secrets_of(scenario_world.tenants))
    yield scenario_world
    simulated.check()  # a mock that died mid-scenario is a harness error, not the client's


@pytest.fixture
def devices(request, client_factory, simulated):
    installed = Devices(client_factory, simulated.proxy_url, evidence.of(request.node))
    yield installed
    installed.close_all()
