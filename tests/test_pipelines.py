"""The example CI pipelines: valid YAML, running only what a user runs (make targets that
exist), publishing only what `make test` writes, and keeping the Allure history."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WRITTEN_BY_MAKE_TEST = {
    "reports/allure-report/",
    "reports/junit.xml",
    "reports/conformance-summary.md",
    "reports/conformance-summary.json",
    "reports/kill-matrix.json",
    "reports/history",
    "reports/history/",
}


def make_targets() -> set[str]:
    return set(re.findall(r"^([a-z][\w-]*):", (ROOT / "Makefile").read_text(), re.MULTILINE))


def github() -> tuple[list[str], set[str]]:
    workflow = yaml.safe_load((ROOT / ".github/workflows/conformance.yml").read_text())
    steps = workflow["jobs"]["conformance"]["steps"]
    commands = [s["run"] for s in steps if "run" in s]
    paths = {p.strip() for s in steps for p in str(s.get("with", {}).get("path", "")).splitlines() if p.strip()}
    return commands, paths


def gitlab() -> tuple[list[str], set[str]]:
    job = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text())["conformance"]
    paths = set(job["artifacts"]["paths"]) | {job["artifacts"]["reports"]["junit"]} | set(job["cache"]["paths"])
    return job["script"], paths


@pytest.mark.parametrize("pipeline", [github, gitlab])
def test_a_pipeline_runs_make_test_and_the_quality_gate_and_installs_only_make_besides(pipeline):
    commands, _ = pipeline()
    makes = [target for c in commands for target in re.findall(r"^make ([\w-]+)", c, re.MULTILINE)]
    assert makes == ["test", "quality-gate"]
    assert set(makes) <= make_targets()
    others = [c for c in commands if not c.startswith("make ")]
    assert others == ["apt-get update -qq && apt-get install -y -qq --no-install-recommends make"], others


@pytest.mark.parametrize("pipeline", [github, gitlab])
def test_a_pipeline_publishes_what_make_test_writes_and_keeps_history(pipeline):
    _, paths = pipeline()
    assert paths <= WRITTEN_BY_MAKE_TEST
    assert {"reports/allure-report/", "reports/junit.xml"} <= paths
    assert paths & {"reports/history", "reports/history/"}


def test_ci_run_calls_the_readme_test_command():
    assert "make test" in (ROOT / ".ci/run").read_text()
    assert "make test" in (ROOT / "README.md").read_text()
