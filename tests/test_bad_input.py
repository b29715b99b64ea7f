"""Bad input gets a message a user can act on: undefined steps, unknown clients and
requirements, busy ports, mocks that die. Each runs a small project of its own in pytester."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest

from harness.errors import HarnessError
from mocks.netutil import LOOPBACK, listening_socket

ROOT = Path(__file__).resolve().parents[1]

CONFTEST = "from harness import PYTEST_PLUGINS\npytest_plugins = PYTEST_PLUGINS\n"
TEST_MODULE = "from pytest_bdd import scenarios\nscenarios('.')\n"
GOOD_FEATURE = """Feature: A QA engineer's feature
  @req:{req}
  Scenario: Opening the client
    Given a MiCollab user whose CloudLink-based Authentication is not enabled
    And the MiCollab Client application is installed on a PC
    When the user opens the MiCollab Client application
    Then the authentication code screen is displayed
"""
# The same feature with a typing error in its When step, on line 6.
FEATURE = GOOD_FEATURE.replace("user opens the MiCollab Client application", "user open the MiCollab Client aplication")


@pytest.fixture
def project(pytester):
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_features=TEST_MODULE)
    pytester.makeini("[pytest]\nbdd_features_base_dir = .\n")
    return pytester


def run(project, *args):
    project._monkeypatch.setenv("PYTHONPATH", str(ROOT))
    return project.runpytest_subprocess("-p", "no:cacheprovider", *args)


def test_an_undefined_step_names_the_file_and_line_and_the_nearest_steps(project):
    project.makefile(".feature", qa=FEATURE.format(req="MC-CODE-1"))
    result = run(project)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*qa.feature:6: no step definition matches: When the user open the MiCollab Client aplication*",
            "*Nearest known steps:*",
            "*When the user opens the MiCollab Client application*",
        ]
    )


def test_a_scenario_written_from_known_steps_runs_with_no_python(project):
    project.makefile(".feature", qa=GOOD_FEATURE.format(req="MC-CODE-1"))
    run(project).assert_outcomes(passed=1)


# xdist's controller loads no steps: each way of (not) distributing must still find them.
@pytest.mark.parametrize("xdist", [("-n", "2"), ("-n", "0"), ("--dist", "load"), ("-p", "no:xdist")], ids=" ".join)
def test_the_steps_are_found_however_xdist_is_asked(project, xdist):
    project.makefile(".feature", qa=GOOD_FEATURE.format(req="MC-CODE-1"))
    run(project, *xdist).assert_outcomes(passed=1)


def test_an_unknown_requirement_tag_stops_the_run_with_its_scenario(project):
    project.makefile(".feature", qa=FEATURE.format(req="MC-NOPE-9"))
    result = run(project)
    assert result.ret != 0
    expected = "qa.feature:3: scenario 'Opening the client' names unknown requirement IDs ['MC-NOPE-9']"
    assert expected in result.stderr.str()


def test_an_unknown_client_lists_the_known_ones(project):
    project.makefile(".feature", qa=FEATURE.format(req="MC-CODE-1"))
    result = run(project, "--client", "nonesuch")
    assert result.ret != 0
    result.stderr.fnmatch_lines(
        ["*unknown client 'nonesuch': use one of [[]reference[]], an importable 'module:Factory' or 'json:<command>'*"]
    )


def test_a_client_module_that_does_not_import_is_named(project):
    project.makefile(".feature", qa=FEATURE.format(req="MC-CODE-1"))
    result = run(project, "--client", "no_such_vendor.adapter:Client")
    assert result.ret != 0
    result.stderr.fnmatch_lines(["*cannot load client adapter 'no_such_vendor.adapter:Client'*"])


KILLERS = {
    "the MiCollab server dies": ("simulated.network.stop()", "*HarnessError: the network mock server stopped*"),
    "the proxy dies": (
        "simulated.proxy._process.kill()\n    simulated.proxy._process.wait()",
        "*HarnessError: the proxy (mitmproxy) is not running*",
    ),
}


@pytest.mark.parametrize("death", sorted(KILLERS))
def test_a_part_dying_mid_run_is_a_harness_error_naming_it(project, tmp_path, death):
    kill, message = KILLERS[death]
    dies = GOOD_FEATURE.format(req="MC-CODE-1").replace("    When", f"    And {death}\n    When")
    project.makefile(".feature", qa=dies)
    project.makeconftest(
        f"{CONFTEST}from pytest_bdd import given\n@given({death!r})\ndef kill(simulated):\n    {kill}\n"
    )
    result = run(project, f"--reports-dir={tmp_path}")
    result.stdout.fnmatch_lines([message])
    summary = (tmp_path / "conformance-summary.json").read_text()
    assert '"status": "error"' in summary
    assert '"status": "failed"' not in summary


def test_a_busy_port_says_so():
    with listening_socket() as taken:
        port = taken.getsockname()[1]
        with pytest.raises(HarnessError, match=f"port {port} on {LOOPBACK} is busy"):
            listening_socket(port)


def test_mock_servers_bind_only_the_loopback_address():
    with listening_socket() as sock:
        assert sock.getsockname()[0] == LOOPBACK
        assert sock.family == socket.AF_INET


TWO_SCENARIOS = """Feature: Faults stay in their scenario
  @req:RES-DOWN-1
  Scenario: A scenario that leaves the server down
    Given a MiCollab user whose CloudLink-based Authentication is not enabled
    And the MiCollab Client application is installed on a PC
    And the MiCollab server is down
    When the user clicks the link provided in the deployment e-mail message
    Then the client shows an error

  @req:MC-LINK-1
  Scenario: The next scenario finds the network well
    Given a MiCollab user whose CloudLink-based Authentication is not enabled
    And the MiCollab Client application is installed on a PC
    When the user clicks the link provided in the deployment e-mail message
    Then the MiCollab Client application opens on the license agreement screen
"""


def test_a_fault_does_not_outlive_its_scenario(project):
    project.makefile(".feature", qa=TWO_SCENARIOS)
    run(project).assert_outcomes(passed=2)


def test_a_missing_mitmproxy_says_how_to_install_it(project):
    project.makefile(".feature", qa=GOOD_FEATURE.format(req="MC-CODE-1"))
    project._monkeypatch.setenv("HARNESS_PROXY_PYTHON", "/nonexistent/python")
    result = run(project)
    result.stdout.fnmatch_lines(["*HARNESS_PROXY_PYTHON names /nonexistent/python, which does not exist*"])


def test_a_python_without_mitmproxy_is_named(project):
    project.makefile(".feature", qa=GOOD_FEATURE.format(req="MC-CODE-1"))
    project._monkeypatch.setenv("HARNESS_PROXY_PYTHON", sys.executable)  # the harness's own has none
    result = run(project)
    result.stdout.fnmatch_lines([f"*mitmproxy is not installed for {sys.executable}*"])


def test_malformed_gherkin_names_the_file_and_line(project):
    broken = GOOD_FEATURE.format(req="MC-CODE-1").replace("    When the user", "    Whenn the user")
    project.makefile(".feature", qa=broken)
    result = run(project)
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*FeatureError*", "*Line number: 6*", "*Whenn the user opens*", "*File: *qa.feature*"])
