"""Sharded CI, proven: the features in two shards (`make shard`, pytest-split), merged (`make
merge`), give the same verdicts, the same scenarios and the same Allure results as one run
(`make conformance`): the commands the CI examples run."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = "2468"

pytestmark = pytest.mark.selftest_slow


def make(*arguments: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}  # not the outer make's
    command = ["make", "--no-print-directory", *arguments, f"SEED={SEED}"]
    return subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=900, check=False)


def statuses(summary: dict) -> dict[str, str]:
    return {req_id: entry["status"] for req_id, entry in summary["requirements"].items()}


def scenarios(summary: dict) -> dict[str, str]:
    return {s["id"]: s["status"] for entry in summary["requirements"].values() for s in entry["scenarios"]}


def allure_results(reports: Path) -> dict[str, str]:
    found = (json.loads(p.read_text()) for p in (reports / "allure-results").glob("*-result.json"))
    return {result["fullName"]: result["status"] for result in found}


def test_two_shards_merged_are_one_run(tmp_path):
    whole, sharded = tmp_path / "whole", tmp_path / "sharded"
    one = make("conformance", f"REPORTS={whole}")
    assert (whole / "conformance-summary.json").exists(), one.stdout[-3000:] + one.stderr[-3000:]
    for shard in ("1", "2"):
        done = make("shard", f"REPORTS={sharded}", f"SHARD={shard}", "SHARDS=2")
        assert (sharded / f"shard-{shard}" / "conformance-summary.json").exists(), done.stdout[-3000:]
    merged = make("merge", f"REPORTS={sharded}", "SHARDS=2")
    assert merged.returncode == one.returncode, merged.stdout[-3000:] + merged.stderr[-3000:]
    run, parts = (json.loads((d / "conformance-summary.json").read_text()) for d in (whole, sharded))
    assert statuses(parts) == statuses(run)
    assert scenarios(parts) == scenarios(run)
    assert len(scenarios(parts)) == len(allure_results(sharded)) > 0
    assert allure_results(sharded) == allure_results(whole)
    assert (sharded / "allure-report" / "index.html").exists()
