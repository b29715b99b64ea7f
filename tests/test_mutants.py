"""Conformance power: every mutant of the reference client must fail the scenarios tagged with
the requirements it breaks, while the reference client passes them. Writes the kill matrix."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.mutants import MUTANTS
from tests.mutants.web import WEB_MUTANTS, WebMutant
from tests.mutants.web_client import WEB_CLIENT_MUTANTS, WebClientMutant

ROOT = Path(__file__).resolve().parents[1]
KILL_MATRIX = ROOT / "reports" / "kill-matrix.json"


def run_features(product: str, reqs: list[str], out: Path, *options: str) -> dict:
    """Runs the scenarios tagged with `reqs` in a fresh pytest, with `product` (an option such as
    `--client=...`, or "" for the reference run) under test; its summary."""
    command = [
        sys.executable,
        "-m",
        "pytest",
        "features",
        "-q",
        "-p",
        "no:cacheprovider",
        *filter(None, [product]),
        *options,
    ]
    command += [f"--reports-dir={out}", f"--basetemp={out / 'tmp'}"]
    command += [f"--req={r}" for r in reqs]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    summary = out / "conformance-summary.json"
    if not summary.exists():
        pytest.fail(f"{product}: no summary written\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    (out / "pytest-output.txt").write_text(done.stdout + done.stderr)  # for a failure's message
    return json.loads(summary.read_text())


def verdict(mutant, summary: dict) -> dict:
    scenarios = [s for req in mutant.breaks for s in summary["requirements"][req]["scenarios"]]
    killed_by = sorted({s["id"] for s in scenarios if s["status"] == "failed"})
    errors = sorted({s["id"] for s in scenarios if s["status"] == "error"})
    return {"breaks": list(mutant.breaks), "killed": bool(killed_by), "killed_by": killed_by, "errors": errors}


@pytest.fixture(scope="module")
def kill_matrix(tmp_path_factory) -> dict:
    def judge(mutant) -> tuple[str, dict]:
        out = tmp_path_factory.mktemp(mutant.__name__)
        summary = run_features(f"--client=tests.mutants:{mutant.__name__}", list(mutant.breaks), out)
        return mutant.__name__, verdict(mutant, summary)

    def judge_web(mutant: WebMutant) -> tuple[str, dict]:
        out = tmp_path_factory.mktemp(mutant.name)
        app = mutant.build(tmp_path_factory.mktemp("apps"))
        return mutant.name, verdict(mutant, run_features(f"--web-app={app}", list(mutant.breaks), out))

    def judge_web_client(mutant: WebClientMutant) -> tuple[str, dict]:
        out = tmp_path_factory.mktemp(mutant.name)
        pages = mutant.build(tmp_path_factory.mktemp("web-clients"))
        option = f"--micollab-web-client={pages}"
        return mutant.name, verdict(mutant, run_features(option, list(mutant.breaks), out))

    with ThreadPoolExecutor(max_workers=2) as pool:
        judged = [*pool.map(judge, MUTANTS), *pool.map(judge_web, WEB_MUTANTS)]
        judged += pool.map(judge_web_client, WEB_CLIENT_MUTANTS)
    matrix = {"mutants": dict(judged)}
    KILL_MATRIX.parent.mkdir(exist_ok=True)
    KILL_MATRIX.write_text(json.dumps(matrix, indent=2) + "\n")
    return matrix


@pytest.mark.selftest_slow
def test_every_mutant_is_killed_by_a_conformance_failure(kill_matrix):
    survivors = {name: v for name, v in kill_matrix["mutants"].items() if not v["killed"] or v["errors"]}
    assert not survivors, f"mutants not killed cleanly (see {KILL_MATRIX}): {json.dumps(survivors, indent=2)}"


@pytest.mark.selftest_slow
def test_reference_client_passes_every_scenario_the_mutants_fail(tmp_path):
    reqs = sorted({req for mutant in [*MUTANTS, *WEB_MUTANTS, *WEB_CLIENT_MUTANTS] for req in mutant.breaks})
    summary = run_features("", reqs, tmp_path)
    not_passed = [s for req in reqs for s in summary["requirements"][req]["scenarios"] if s["status"] != "passed"]
    assert not not_passed, f"{not_passed}\n{(tmp_path / 'pytest-output.txt').read_text()[-4000:]}"


@pytest.mark.selftest_slow
def test_every_requirement_with_a_scenario_has_a_mutant(tmp_path):
    summary = run_features("", [], tmp_path)
    run = {req for req, entry in summary["requirements"].items() if entry["status"] != "not-run"}
    covered = {req for mutant in [*MUTANTS, *WEB_MUTANTS, *WEB_CLIENT_MUTANTS] for req in mutant.breaks}
    assert run <= covered, f"requirements with scenarios but no mutant: {sorted(run - covered)}"
