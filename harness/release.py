"""What pytest and pytest-bdd keep of a finished scenario for the rest of the run, let go.

A run holds every test item (and every report) until it ends; what hangs off them must not hold
a scenario's world, devices and clients, or a worker's memory grows with every scenario it runs
(`make bench`: worker memory at 10x). Each function here drops a reference that nothing reads
once the item is torn down and reported.
"""

from __future__ import annotations

import functools

import pytest
from _pytest.fixtures import FixtureDef
from pytest_bdd.reporting import scenario_reports_registry, test_report_context_registry


def torn_down(item: pytest.Item) -> None:
    """After the item's teardown: its fixtures have finished."""
    _spent_finalizers(item)
    _fixture_table(item)
    _target_fixtures(item)


def _spent_finalizers(item: pytest.Item) -> None:
    """A function-scoped fixture that uses a session-scoped one (`world` uses `simulated`) leaves
    its `finish` on the session fixture's finalizers, to be torn down first should the session
    fixture go early (pytest's FixtureDef.execute). Once it has finished, that finalizer does
    nothing (`finish` returns at once), but it holds the scenario's fixture request until the run
    ends, and the request every fixture value the scenario had (pytest issue #2981)."""
    request = getattr(item, "_request", None)
    if not request:
        return
    for fixturedef in list(request._fixture_defs.values()):
        if fixturedef.scope != "function":
            fixturedef._finalizers[:] = [f for f in fixturedef._finalizers if not _spent(f)]


def _fixture_table(item: pytest.Item) -> None:
    """The item's request keeps a table of every fixture it used, which the requests of the
    session fixtures it started share: the first scenario to use each session fixture would be
    held, whole, until the run ends. Once the item is torn down its request is done with."""
    request = getattr(item, "_request", None)
    if request:
        request._fixture_defs.clear()


def _spent(finalizer) -> bool:
    if not isinstance(finalizer, functools.partial):
        return False
    owner = getattr(finalizer.func, "__self__", None)
    return isinstance(owner, FixtureDef) and owner.scope == "function" and owner.cached_result is None


def _target_fixtures(item: pytest.Item) -> None:
    """pytest-bdd makes what a step returns for a `target_fixture` a fixture of the item (on
    pytest >= 9.1 registered with the fixture manager under the item) and never takes it out:
    the tenant, the devices and their clients, with their connection pools and TLS contexts.
    Only pytest-bdd registers fixtures on a test item; the steps' and the harness's own fixtures
    belong to modules and plugins."""
    registry = getattr(item.session._fixturemanager, "_arg2node2fixturedefs", {})
    for by_node in registry.values():
        by_node.pop(item, None)


def reported(item: pytest.Item) -> None:
    """After the item's last report: pytest-bdd's record of the scenario's steps (for its own
    reports) is turned into each report's context when the report is made; the record itself,
    kept per item, is read no more."""
    scenario_reports_registry.pop(item, None)


def logged(report: pytest.TestReport) -> None:
    """pytest-bdd's context of one report (the scenario and its steps, serialized), which its
    cucumber JSON and Gherkin terminal reporters read when the report is logged; pytest keeps
    the report itself until the run ends (the terminal's summary counts it)."""
    test_report_context_registry.pop(report, None)
