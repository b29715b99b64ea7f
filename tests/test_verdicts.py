"""A verdict is earned by the product under test: a client that does nothing earns no pass, the
reference stand-ins' passes are nobody's, and a browser's own requests are charged to nobody."""

from __future__ import annotations

import os

import pytest

from harness.products import MICOLLAB_WEB_CLIENT, MITEL_ONE_WEB
from tests.test_mutants import run_features

INERT = "tests.mutants.inert:InertClient"
INERT_PRODUCTS = (f"--client={INERT}", f"--mobile-client={INERT}")


def passed(summary: dict) -> dict[str, list[str]]:
    """Requirement -> its passed scenarios, for every requirement passed or with one passed."""
    found = {}
    for req_id, entry in summary["requirements"].items():
        scenarios = [s["id"] for s in entry["scenarios"] if s["status"] == "passed"]
        if entry["status"] == "passed" or (scenarios and entry["status"] != "not-applicable"):
            found[req_id] = scenarios
    return found


@pytest.mark.selftest_slow
def test_an_inert_client_earns_no_pass_and_the_reference_web_apps_stand_in_for_nobody(tmp_path):
    summary = run_features(INERT_PRODUCTS[0], [], tmp_path, INERT_PRODUCTS[1], "-n", "2")
    assert not passed(summary), (tmp_path / "pytest-output.txt").read_text()[-3000:]
    stand_ins = {
        r: e for r, e in summary["requirements"].items() if e["certifies"] in (MITEL_ONE_WEB, MICOLLAB_WEB_CLIENT)
    }
    assert {e["status"] for e in stand_ins.values()} == {"not-applicable"}
    assert all("exercised_with" in e for e in stand_ins.values())
    products = summary["products"]
    assert products["MiCollab Client"] == {"name": INERT, "under_test": True}
    assert products[MITEL_ONE_WEB]["name"] == "reference"
    assert not products[MITEL_ONE_WEB]["under_test"]
    assert len(products[MITEL_ONE_WEB]["sha256"]) == 64


@pytest.mark.selftest_slow
def test_with_an_inert_client_and_empty_web_apps_nothing_passes(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (tmp_path / "run").mkdir()
    apps = (f"--web-app={empty}", f"--micollab-web-client={empty}")
    summary = run_features(INERT_PRODUCTS[0], [], tmp_path / "run", INERT_PRODUCTS[1], *apps, "-n", "4")
    every_scenario = [s for e in summary["requirements"].values() for s in e["scenarios"]]
    assert every_scenario
    assert [s["id"] for s in every_scenario if s["status"] == "passed"] == []
    assert "passed" not in {e["status"] for e in summary["requirements"].values()}


@pytest.mark.selftest_slow
def test_a_browsers_own_requests_during_a_scenario_without_browser_are_charged_to_nobody(tmp_path, monkeypatch):
    count = tmp_path / "browser-own.txt"
    monkeypatch.setenv("HARNESS_BACKGROUND_COUNT", str(count))
    reqs = ["MC-LINK-1", "MC-LINK-3", "SEC-EGRESS-1", "SEC-TLS-1"]
    summary = run_features("", reqs, tmp_path, "-p", "tests.background_browser", "-n", "0")
    statuses = {r: summary["requirements"][r]["status"] for r in reqs}
    assert set(statuses.values()) == {"passed"}, (tmp_path / "pytest-output.txt").read_text()[-4000:]
    assert int(count.read_text()) > 0, "the browser made no request of its own: the test proved nothing"
    assert os.environ["HARNESS_BACKGROUND_COUNT"] == str(count)
