"""The dependency direction: features -> steps -> clients' driver interface / mocks' public API.
Clients never import mocks (they talk over the network), neither imports the harness, and the
failure classes both raise import nothing of the project."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PACKAGES = {"harness", "steps", "clients", "mocks", "tests", "bench", "examples", "failures", "features"}


def imported(path: Path) -> set[str]:
    """The top-level project packages `path` imports."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names & PROJECT_PACKAGES


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [("clients", {"harness", "steps", "mocks", "tests"}), ("mocks", {"harness", "steps", "clients", "tests"})],
)
def test_a_package_imports_nothing_it_must_not(package, forbidden):
    found = {str(p.relative_to(ROOT)): imported(p) & forbidden for p in (ROOT / package).rglob("*.py")}
    assert {path: sorted(names) for path, names in found.items() if names} == {}


def test_the_failure_classes_import_nothing_of_the_project():
    assert imported(ROOT / "failures.py") == set()
