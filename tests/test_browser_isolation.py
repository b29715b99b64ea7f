"""The warm browser: one Chromium per worker, and yet every scenario starts from nothing. A scenario
leaves every kind of state behind and the next must see none of it (and the reset as it was
before is caught leaving some); a browser killed mid-scenario is a harness error for that
scenario, and the next scenario gets a new browser."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from clients import web

ROOT = Path(__file__).resolve().parents[1]
LEAVES = "test_a_scenario_leaves_every_kind_of_state_behind"
FINDS_NONE = "test_the_next_scenario_finds_none_of_it"
STOPS = "test_the_browser_stops_in_the_middle_of_this_scenario"
AGAIN = "test_the_next_scenario_has_a_browser_again"

pytestmark = pytest.mark.selftest_slow


def run(tmp_path: Path, chosen: str, *plugins: str) -> tuple[dict[str, str], str]:
    """The self-test scenarios named in `chosen` (-k), in one browser, in order: each one's
    harness status (the plugin's), and pytest's output."""
    if not web.CHROMEDRIVER.exists():
        pytest.skip("chromedriver is not installed: run make setup")
    junit = tmp_path / "junit.xml"
    command = [sys.executable, "-m", "pytest", "tests/isolation/scenarios.py", "-n", "0", "-q", "-k", chosen]
    command += ["-p", "no:cacheprovider", "-p", "tests.isolation.steps", f"--junitxml={junit}"]
    command += [f"--basetemp={tmp_path / 'tmp'}"] + [arg for plugin in plugins for arg in ("-p", plugin)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    cases = ET.parse(junit).getroot().iter("testcase")
    return {case.get("name"): status(case) for case in cases}, done.stdout + done.stderr


def status(case: ET.Element) -> str:
    """As the harness counts it: a failed check is `failed`, any other exception an `error`."""
    problem = case.find("failure") if case.find("failure") is not None else case.find("error")
    if problem is None:
        return "passed"
    return "failed" if problem.get("message", "").startswith(("AssertionError", "ConformanceFailure")) else "error"


def test_the_next_scenario_sees_nothing_an_earlier_one_left(tmp_path):
    statuses, output = run(tmp_path, "state or none")
    assert statuses == {LEAVES: "passed", FINDS_NONE: "passed"}, output[-4000:]


def test_the_reset_as_it_was_is_caught_leaving_state_behind(tmp_path):
    """One origin's storage cleared in the same tab: its history and HTTP cache stayed."""
    statuses, output = run(tmp_path, "state or none", "tests.isolation.old_reset")
    assert statuses == {LEAVES: "passed", FINDS_NONE: "failed"}, output[-4000:]
    assert "left behind by an earlier scenario" in output
    assert "'history': 'https://one.mitel.io/#left'" in output


def test_a_browser_that_stops_mid_scenario_is_a_harness_error_and_is_replaced(tmp_path):
    statuses, output = run(tmp_path, "browser", "tests.isolation.stop_browser")
    assert statuses == {STOPS: "error", AGAIN: "passed"}, output[-4000:]
    assert "BrowserGone: the browser stopped during the scenario" in output
