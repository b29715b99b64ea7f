"""pytest-bdd finds the definitions of a step by asking pytest, for every fixture name there is,
which of its definitions the scenario sees: about a hundred lookups for each step, twice a step,
some two milliseconds each time (a quarter of a MiCollab Client scenario's time). What it finds
depends only on the step (its kind and text) and on where the scenario is, whose definitions are
those of its module and the folders and plugins above it; so it is found once for each module and
step. A step definition made later (a module imported meanwhile) makes every step looked up again.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator

from pytest_bdd.steps import step_function_context_registry

bdd_scenario = importlib.import_module("pytest_bdd.scenario")  # the module: the package's `scenario` is a function

_find_uncached = bdd_scenario.find_fixturedefs_for_step
_found: dict[tuple, list] = {}


def find_fixturedefs_for_step(step, fixturemanager, node) -> Iterator:
    """`pytest_bdd.scenario.find_fixturedefs_for_step`, once for each module, step and set of
    step definitions. What a scenario registers for itself alone (its target fixtures) is no step
    definition, so scenarios of the same module see the same ones."""
    where = node.parent.nodeid if node.parent is not None else node.nodeid
    key = (where, step.type, step.name, len(step_function_context_registry))
    if key not in _found:
        _found[key] = list(_find_uncached(step=step, fixturemanager=fixturemanager, node=node))
    return iter(_found[key])


def install() -> None:
    bdd_scenario.find_fixturedefs_for_step = find_fixturedefs_for_step
