"""The fixtures that connect steps to the harness: the simulated platform (once per session),
the scenario's world with its traffic, and its devices."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clients.web import Browser
from harness import evidence, scenario_end, wire
from harness.devices import Devices, Network
from harness.errors import HarnessError
from harness.products import MICOLLAB_WEB_CLIENT, MITEL_ONE_WEB, OPTIONS, REFERENCE_FOLDERS
from harness.traffic import ScenarioTraffic
from mocks.fronts import Fronts
from mocks.platform import PLATFORM_HOSTS, Platform
from mocks.remote_world import RemoteWorld
from mocks.world import World


@pytest.fixture(scope="session")
def simulated(pytestconfig):
    """Every mock server and the proxy, started once per test session (per xdist worker); with
    `--world URL`, a world started elsewhere, driven over HTTP through the same fronts."""
    if pytestconfig.option.world:
        platform = RemoteWorld(pytestconfig.option.world)
    else:
        platform = Platform(
            direct=pytestconfig.option.network == "direct",
            web_app_dir=folder_of(pytestconfig, MITEL_ONE_WEB),
            micollab_web_client=folder_of(pytestconfig, MICOLLAB_WEB_CLIENT),
            require_identity=True,  # every flow belongs to the device that sent it
        )
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


def folder_of(config: pytest.Config, product: str) -> Path:
    """The pages that run as `product`: the user's folder, else the reference's."""
    chosen = getattr(config.option, OPTIONS[product])
    return Path(chosen) if chosen else REFERENCE_FOLDERS[product]


@pytest.fixture(scope="session")
def client_factory(pytestconfig):
    """The client under test (`--client`), loaded and checked when pytest starts."""
    return pytestconfig.harness_client_factory


@pytest.fixture
def traffic(request, simulated) -> Iterator[ScenarioTraffic | None]:
    """This scenario's flows through the proxy (None on the direct network, which has none)."""
    if simulated.proxy is None:
        yield None
        return
    scenario_traffic = ScenarioTraffic(simulated.proxy)
    evidence.of(request.node).har_sources.append(scenario_traffic.har)
    yield scenario_traffic
    scenario_traffic.forget()  # after the world's end (its audit) and the evidence, which read them


@pytest.fixture
def world(request, simulated, traffic, pytestconfig):
    """This scenario's world: fresh tenants, seeded from the run seed and the scenario's ID.

    Afterwards: no fault outlives the scenario, and its traffic passes the wire audit."""
    simulated.check()
    scenario_world = World(simulated, pytestconfig.harness_seed, request.node.nodeid)
    found = evidence.of(request.node)
    found.mail_sources.append(lambda: simulated.mails_of(scenario_world.tenants))
    found.secret_sources.append(lambda: simulated.secrets_of(scenario_world.tenants))

    def audit() -> None:
        flows = traffic.flows(*pytestconfig.harness_under_test)  # the products under test only
        violations = wire.audit(flows, audit_context(simulated, scenario_world))
        if violations:
            raise wire.WireViolation(violations)

    if traffic is not None:
        scenario_end.of(request.node).audits.append(audit)
    yield scenario_world
    try:
        simulated.check()  # a mock that died mid-scenario is a harness error, not the client's
        if traffic is not None:
            traffic.clear_faults()
        scenario_end.finish(request.node)  # unless the scenario's end has run it already
    finally:  # its evidence and audit have read the tenants: nothing else will
        simulated.forget_tenants(scenario_world.tenants)


@pytest.fixture
def wire_context(simulated, world) -> wire.AuditContext:
    return audit_context(simulated, world)


def audit_context(simulated: Fronts, scenario_world: World) -> wire.AuditContext:
    credentials = [wire.Credential(*c) for c in simulated.credentials_of(scenario_world.tenants)]
    return wire.AuditContext(PLATFORM_HOSTS, tuple(credentials))


@pytest.fixture(scope="session")
def chromium(simulated, pytestconfig):
    """Headless Chromium on the simulated network, started when a scenario first needs it (on the
    remote WebDriver end of `--remote-webdriver`, if given)."""
    if simulated.ca_bundle is None:
        pytest.skip("not-applicable: a browser needs the proxy's TLS (the direct network has none)")
    started = Browser(simulated.browser_proxy_url, simulated.ca_bundle, remote=pytestconfig.option.remote_webdriver)
    yield started
    started.close()


@pytest.fixture
def devices(request, client_factory, simulated, traffic, world):
    """The scenario's devices, closed before the world's wire audit reads what they sent."""
    network = Network(traffic, simulated.proxy_url, simulated.ca_bundle)
    installed = Devices(client_factory, request.config.harness_mobile_factory, network, evidence.of(request.node))
    installed.browser = lambda: request.getfixturevalue("chromium")
    scenario_end.of(request.node).closers.append(installed.close_all)
    yield installed
    scenario_end.close_devices(request.node)
