"""Conformance power: every mutant of a reference product must fail the scenarios tagged with the
requirements it breaks, while the reference passes them; and every scenario must be failed by at
least one mutant of the product it certifies (a scenario no faulty product fails checks nothing).
Writes the kill matrix, per mutant and per scenario."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from harness.products import MICOLLAB_CLIENT, MICOLLAB_WEB_CLIENT, MITEL_ONE_MOBILE, MITEL_ONE_WEB
from tests.mutants import MUTANTS
from tests.mutants.fixed import FIXED
from tests.mutants.mobile import MOBILE_MUTANTS
from tests.mutants.web import WEB_MUTANTS, WebMutant
from tests.mutants.web_client import WEB_CLIENT_MUTANTS, WebClientMutant

ROOT = Path(__file__).resolve().parents[1]
KILL_MATRIX = ROOT / "reports" / "kill-matrix.json"
ALL_MUTANTS = [*MUTANTS, *WEB_MUTANTS, *WEB_CLIENT_MUTANTS, *MOBILE_MUTANTS]


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


def verdict(mutant, summary: dict, product: str) -> dict:
    scenarios = [s for req in mutant.breaks for s in summary["requirements"][req]["scenarios"]]
    killed_by = sorted({s["id"] for s in scenarios if s["status"] == "failed"})
    errors = sorted({s["id"] for s in scenarios if s["status"] == "error"})
    return {
        "product": product,
        "breaks": list(mutant.breaks),
        "killed": bool(killed_by),
        "killed_by": killed_by,
        "errors": errors,
    }


def by_scenario(mutants: dict[str, dict]) -> dict[str, list[str]]:
    """Scenario -> the mutants that failed it."""
    found: dict[str, list[str]] = {}
    for name, entry in mutants.items():
        for scenario in entry["killed_by"]:
            found.setdefault(scenario, []).append(name)
    return {scenario: sorted(names) for scenario, names in sorted(found.items())}


@pytest.fixture(scope="module")
def kill_matrix(tmp_path_factory) -> dict:
    def judge(mutant) -> tuple[str, dict]:
        out = tmp_path_factory.mktemp(mutant.__name__)
        summary = run_features(f"--client={mutant.__module__}:{mutant.__name__}", list(mutant.breaks), out)
        return mutant.__name__, verdict(mutant, summary, MICOLLAB_CLIENT)

    def judge_web(mutant: WebMutant) -> tuple[str, dict]:
        out = tmp_path_factory.mktemp(mutant.name)
        app = mutant.build(tmp_path_factory.mktemp("apps"))
        return mutant.name, verdict(mutant, run_features(f"--web-app={app}", list(mutant.breaks), out), MITEL_ONE_WEB)

    def judge_web_client(mutant: WebClientMutant) -> tuple[str, dict]:
        out = tmp_path_factory.mktemp(mutant.name)
        pages = mutant.build(tmp_path_factory.mktemp("web-clients"))
        option = f"--micollab-web-client={pages}"
        return mutant.name, verdict(mutant, run_features(option, list(mutant.breaks), out), MICOLLAB_WEB_CLIENT)

    def judge_mobile(mutant) -> tuple[str, dict]:
        out = tmp_path_factory.mktemp(mutant.__name__)
        option = f"--mobile-client=tests.mutants.mobile:{mutant.__name__}"
        return mutant.__name__, verdict(mutant, run_features(option, list(mutant.breaks), out), MITEL_ONE_MOBILE)

    with ThreadPoolExecutor(max_workers=2) as pool:
        judged = [*pool.map(judge, MUTANTS), *pool.map(judge_web, WEB_MUTANTS)]
        judged += [*pool.map(judge_web_client, WEB_CLIENT_MUTANTS), *pool.map(judge_mobile, MOBILE_MUTANTS)]
    mutants = dict(judged)
    matrix = {"mutants": mutants, "scenarios": by_scenario(mutants)}
    KILL_MATRIX.parent.mkdir(exist_ok=True)
    KILL_MATRIX.write_text(json.dumps(matrix, indent=2) + "\n")
    return matrix


@pytest.mark.selftest_slow
def test_every_mutant_is_killed_by_a_conformance_failure(kill_matrix):
    survivors = {name: v for name, v in kill_matrix["mutants"].items() if not v["killed"] or v["errors"]}
    assert not survivors, f"mutants not killed cleanly (see {KILL_MATRIX}): {json.dumps(survivors, indent=2)}"


@pytest.mark.selftest_slow
def test_reference_client_passes_every_scenario_the_mutants_fail(tmp_path):
    reqs = sorted({req for mutant in ALL_MUTANTS for req in mutant.breaks})
    summary = run_features("", reqs, tmp_path)
    not_passed = [s for req in reqs for s in summary["requirements"][req]["scenarios"] if s["status"] != "passed"]
    assert not not_passed, f"{not_passed}\n{(tmp_path / 'pytest-output.txt').read_text()[-4000:]}"


@pytest.fixture(scope="module")
def reference_run(tmp_path_factory) -> dict:
    """Every feature against the reference implementations."""
    return run_features("", [], tmp_path_factory.mktemp("reference"))


@pytest.mark.selftest_slow
def test_every_mutant_has_a_name_of_its_own():
    """The kill matrix is keyed by name: two mutants of one name would hide one of them."""
    names = [getattr(mutant, "name", None) or mutant.__name__ for mutant in ALL_MUTANTS]
    assert len(names) == len(set(names)), sorted({name for name in names if names.count(name) > 1})


def test_every_requirement_with_a_scenario_has_a_mutant(reference_run):
    run = {req for req, entry in reference_run["requirements"].items() if entry["status"] != "not-run"}
    covered = {req for mutant in ALL_MUTANTS for req in mutant.breaks}
    assert run <= covered, f"requirements with scenarios but no mutant: {sorted(run - covered)}"


@pytest.mark.selftest_slow
def test_every_scenario_is_failed_by_a_mutant_of_the_product_it_certifies(kill_matrix, reference_run):
    certifies: dict[str, set[str]] = {}
    for entry in reference_run["requirements"].values():
        for scenario in entry["scenarios"]:
            certifies.setdefault(scenario["id"], set()).add(entry["certifies"])
    mutants = kill_matrix["mutants"]
    unkilled = {
        scenario: sorted(products)
        for scenario, products in certifies.items()
        if not any(mutants[m]["product"] in products for m in kill_matrix["scenarios"].get(scenario, []))
    }
    assert not unkilled, (
        f"scenarios no mutant of their product fails (see {KILL_MATRIX}): {json.dumps(unkilled, indent=2)}"
    )


@pytest.mark.selftest_slow
@pytest.mark.parametrize(
    ("client", "known_issue"),
    [("", "present"), *((f"--client=tests.mutants.fixed:{variant.__name__}", "absent") for variant in FIXED)],
)
def test_a_known_issue_fails_no_client_and_is_recorded(tmp_path, client, known_issue):
    """The reference client has the 9.2 -> 9.3 known issue, a fixed variant has not: both pass
    the scenarios, and the summary says which has it."""
    reqs = sorted({req for variant in FIXED for req in variant.lacks})
    summary = run_features(client, reqs, tmp_path)
    not_passed = [s for req in reqs for s in summary["requirements"][req]["scenarios"] if s["status"] != "passed"]
    assert not not_passed, f"{not_passed}\n{(tmp_path / 'pytest-output.txt').read_text()[-4000:]}"
    assert summary["requirements"]["MC-UPG-1"]["known_issue"] == known_issue
