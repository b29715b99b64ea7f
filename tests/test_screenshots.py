"""Browser screenshots in the Allure results: the screen at every failed web step, inside that
step, and the last screen of the scenario."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_bad_input import CONFTEST, TEST_MODULE, run

PNG = b"\x89PNG\r\n\x1a\n"
# The welcome page opens, but the step expects the login page: the Then step fails.
FAILING = """Feature: A browser step that fails
  @req:MO-IN-1
  Scenario: The login page is expected too early
    Given the user's web browser is Google Chrome
    When the user clicks the URL https://one.mitel.io
    Then the Mitel user login page is displayed
"""


@pytest.fixture
def results(pytester, tmp_path) -> Path:
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_features=TEST_MODULE)
    pytester.makeini("[pytest]\nbdd_features_base_dir = .\n")
    pytester.makefile(".feature", qa=FAILING)
    run(pytester, f"--alluredir={tmp_path}").assert_outcomes(failed=1)
    return tmp_path


def only_result(results: Path) -> dict:
    [found] = [json.loads(p.read_text()) for p in results.glob("*-result.json")]
    return found


def pngs(results: Path, where: dict, title: str) -> list[bytes]:
    found = [a for a in where.get("attachments", []) if a["name"].startswith(title) and a["type"] == "image/png"]
    return [(results / a["source"]).read_bytes() for a in found]


def test_a_failed_web_step_carries_the_screen_the_user_saw(results):
    result = only_result(results)
    [failed] = [s for s in result["steps"] if s["status"] == "failed"]
    assert failed["name"] == "Then the Mitel user login page is displayed"
    [shot] = pngs(results, failed, "screen at the failed step")
    assert shot.startswith(PNG)
    assert not any(pngs(results, s, "screen at the failed step") for s in result["steps"] if s is not failed)
    [last] = pngs(results, result, "last screen")  # the scenario's last screen, as for every web scenario
    assert last.startswith(PNG)
