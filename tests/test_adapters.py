"""Client adapters: a vendor's client loaded by module:Factory, and the capabilities it
declares deciding what is not-applicable — never skipped silently, never counted as passed."""

from __future__ import annotations

import json
import sys

from tests.test_bad_input import CONFTEST, ROOT, TEST_MODULE
from tests.test_mutants import run_features

FEATURE = """Feature: Two needs
  @req:MC-LINK-1 @needs:deployment-link
  Scenario: Needs the deployment link hand-off
    Given a MiCollab user whose CloudLink-based Authentication is not enabled
    And the MiCollab Client application is installed on a PC
    When the user clicks the link provided in the deployment e-mail message
    Then the MiCollab Client application opens on the license agreement screen

  @req:MC-MAN-1
  Scenario: Needs iOS
    Given a MiCollab user whose CloudLink-based Authentication is not enabled
    And the MiCollab Client application is installed on a iOS
    When the user opens the MiCollab Client application
    And the user taps the Mitel logo 3 times
    Then the Manual Login screen is displayed

  @req:MC-CODE-1
  Scenario: Needs nothing special
    Given a MiCollab user whose CloudLink-based Authentication is not enabled
    And the MiCollab Client application is installed on a PC
    When the user opens the MiCollab Client application
    Then the authentication code screen is displayed
"""

VENDOR = """from clients.micollab import MiCollabClient

class DesktopOnly(MiCollabClient):
    '''A vendor's client outside the harness: no link hand-off, PC and MAC only.'''
    capabilities = frozenset({"manual-login"})
    platforms = frozenset({"PC", "MAC"})
"""


def test_a_vendor_adapter_gets_not_applicable_for_what_it_does_not_declare(pytester, tmp_path):
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_features=TEST_MODULE, vendor_adapter=VENDOR)
    pytester.makeini("[pytest]\nbdd_features_base_dir = .\n")
    pytester.makefile(".feature", needs=FEATURE)
    pytester._monkeypatch.setenv("PYTHONPATH", f"{ROOT}:{pytester.path}")
    result = pytester.runpytest_subprocess(
        "-p", "no:cacheprovider", "--client=vendor_adapter:DesktopOnly", f"--reports-dir={tmp_path}"
    )
    result.assert_outcomes(passed=1, skipped=2)
    summary = json.loads((tmp_path / "conformance-summary.json").read_text())
    statuses = {req: summary["requirements"][req]["status"] for req in ("MC-LINK-1", "MC-MAN-1", "MC-CODE-1")}
    assert statuses == {"MC-LINK-1": "not-applicable", "MC-MAN-1": "not-applicable", "MC-CODE-1": "passed"}
    assert summary["client"] == "vendor_adapter:DesktopOnly"


def test_the_reference_client_declares_everything():
    from clients.adapters import CAPABILITIES, PLATFORMS, declared_capabilities, declared_platforms, load_factory

    reference = load_factory("reference")
    assert declared_capabilities(reference) == CAPABILITIES
    assert declared_platforms(reference) == PLATFORMS


def summary_statuses(client: str, out) -> dict[str, str]:
    summary = run_features(f"--client={client}", [], out)
    return {req: entry["status"] for req, entry in summary["requirements"].items()}


def test_the_json_protocol_adapter_gives_the_reference_clients_verdicts(tmp_path):
    direct = summary_statuses("reference", tmp_path / "direct")
    served = summary_statuses(f"json:{sys.executable} -m clients.serve_driver reference", tmp_path / "json")
    differing = {req: (direct[req], served[req]) for req in direct if direct[req] != served.get(req)}
    outputs = "\n".join((tmp_path / run / "pytest-output.txt").read_text()[-3000:] for run in ("direct", "json"))
    assert served == direct, f"(direct, json) per requirement: {differing}\n{outputs}"
    assert "passed" in served.values()


def test_the_example_vendor_adapter_is_loaded_by_module_and_declares_its_limits(tmp_path):
    summary = run_features("--client=examples.desktop_vendor.adapter:make_driver", ["MC-LINK-1", "MC-CODE-1"], tmp_path)
    statuses = {req: summary["requirements"][req]["status"] for req in ("MC-LINK-1", "MC-CODE-1")}
    assert statuses == {"MC-LINK-1": "not-applicable", "MC-CODE-1": "passed"}


def test_an_installed_adapter_package_is_found_by_its_entry_point_name(monkeypatch):
    from importlib.metadata import EntryPoint

    from clients import adapters

    entry = EntryPoint("desktop-vendor", "examples.desktop_vendor.adapter:make_driver", adapters.ENTRY_POINT_GROUP)
    monkeypatch.setattr(adapters.importlib.metadata, "entry_points", lambda group: [entry])
    assert adapters.load_factory("desktop-vendor").platforms == frozenset({"PC", "MAC"})
