"""The example CI pipelines: valid YAML, running only what a user runs (make targets that exist):
the self-tests on one runner, the features in shards on others (every shard, once), then one merge
job; publishing only what those targets write, and keeping the Allure history."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WRITTEN = {  # by make selftest, make shard and make merge
    "reports/allure-report/",
    "reports/conformance-summary.md",
    "reports/conformance-summary.json",
    "reports/kill-matrix.json",
    "reports/history",
    "reports/history/",
}
SHARD_REPORTS = re.compile(r"^reports/shard-(\$\{\{ matrix\.shard \}\}|\$CI_NODE_INDEX|\*)/(junit\.xml)?$")


def make_targets() -> set[str]:
    return set(re.findall(r"^([a-z][\w-]*):", (ROOT / "Makefile").read_text(), re.MULTILINE))


def github() -> dict[str, tuple[list[str], set[str]]]:
    """job -> (its commands, the paths it caches or publishes)."""
    jobs = yaml.safe_load((ROOT / ".github/workflows/conformance.yml").read_text())["jobs"]
    found = {}
    for name, job in jobs.items():
        steps = job["steps"]
        commands = [s["run"] for s in steps if "run" in s]
        uploads = [s for s in steps if "download-artifact" not in s.get("uses", "")]
        paths = {p.strip() for s in uploads for p in str(s.get("with", {}).get("path", "")).splitlines() if p.strip()}
        found[name] = (commands, paths)
    return found


def gitlab() -> dict[str, tuple[list[str], set[str]]]:
    jobs = {k: v for k, v in yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text()).items() if "script" in v}
    found = {}
    for name, job in jobs.items():
        artifacts = job.get("artifacts", {})
        paths = set(artifacts.get("paths", [])) | set(job.get("cache", {}).get("paths", []))
        paths |= {artifacts["reports"]["junit"]} if "reports" in artifacts else set()
        found[name] = (job["script"], paths)
    return found


def makes(commands: list[str]) -> list[str]:
    """The make command lines (a comment left out), a CI expression (`${{ matrix.shard }}`) as one word."""
    lines = [line.partition(" #")[0] for c in commands for line in re.findall(r"^make .*$", c, re.MULTILINE)]
    return [re.sub(r"\$\{\{.*?\}\}", "$EXPRESSION", line) for line in lines]


@pytest.mark.parametrize("pipeline", [github, gitlab])
def test_the_jobs_run_make_targets_and_only_install_tools_besides(pipeline):
    for name, (commands, _) in pipeline().items():
        targets = {t for line in makes(commands) for t in line.split()[1:] if "=" not in t}
        assert targets <= make_targets(), name
        others = [c for c in commands if not makes([c])]
        assert others == ["apt-get update -qq && apt-get install -y -qq --no-install-recommends make"], (name, others)


@pytest.mark.parametrize("pipeline", [github, gitlab])
def test_self_tests_shards_and_a_merge_cover_what_make_test_does(pipeline):
    lines = [line for commands, _ in pipeline().values() for line in makes(commands)]
    assert "make lint selftest" in lines
    shards = [line for line in lines if line.startswith("make shard ")]
    assert len(shards) == 1
    assert {"SHARD", "SHARDS"} <= {word.partition("=")[0] for word in shards[0].split()}
    assert "make merge SHARDS=2" in lines
    assert "make quality-gate" in lines  # Allure's, on the merged results


def test_the_github_matrix_runs_every_shard_once():
    jobs = yaml.safe_load((ROOT / ".github/workflows/conformance.yml").read_text())["jobs"]
    assert jobs["shard"]["strategy"]["matrix"]["shard"] == [1, 2]
    assert jobs["merge"]["needs"] == "shard"
    assert jobs["merge"]["if"] == "always()"  # a failed shard is still reported


def test_gitlab_runs_every_shard_once():
    pipeline = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text())
    assert pipeline["shard"]["parallel"] == 2
    assert pipeline["merge"]["needs"] == ["shard"]


@pytest.mark.parametrize("pipeline", [github, gitlab])
def test_a_pipeline_publishes_what_its_targets_write_and_keeps_history(pipeline):
    paths = {p for _, found in pipeline().values() for p in found}
    assert {p for p in paths if not SHARD_REPORTS.match(p)} <= WRITTEN
    assert "reports/allure-report/" in paths
    assert paths & {"reports/history", "reports/history/"}


def test_ci_run_calls_the_readme_test_command():
    assert "make test" in (ROOT / ".ci/run").read_text()
    assert "make test" in (ROOT / "README.md").read_text()
