"""The conformance summary's statuses and format (DESIGN.md: keep it stable)."""

from __future__ import annotations

import json

from harness.catalogue import load
from harness.summary import ScenarioResult, Summary


def summary_of(*results: ScenarioResult) -> dict:
    summary = Summary("reference", 42)
    for result in results:
        summary.add(result)
    return summary.as_json()


def test_every_catalogued_requirement_is_listed_not_run_when_untested():
    data = summary_of()
    assert set(data["requirements"]) == set(load())
    assert {e["status"] for e in data["requirements"].values()} == {"not-run"}
    assert (data["client"], data["seed"]) == ("reference", 42)


def test_a_failed_scenario_fails_its_requirement_over_passes_and_errors():
    data = summary_of(
        ScenarioResult("f::a", "passed", ["MC-LINK-1"]),
        ScenarioResult("f::b", "error", ["MC-LINK-1"]),
        ScenarioResult("f::c", "failed", ["MC-LINK-1"]),
        ScenarioResult("f::d", "error", ["MC-LINK-2"]),
        ScenarioResult("f::e", "passed", ["MC-LINK-2", "MC-LINK-3"]),
        ScenarioResult("f::f", "not-applicable", ["MC-WEB-1"]),
    )["requirements"]
    assert [data[r]["status"] for r in ("MC-LINK-1", "MC-LINK-2", "MC-LINK-3", "MC-WEB-1")] == [
        "failed",
        "error",
        "passed",
        "not-applicable",
    ]
    assert data["MC-LINK-3"]["scenarios"] == [{"id": "f::e", "status": "passed"}]


def test_summary_files_are_written(tmp_path):
    summary = Summary("reference", 1)
    summary.add(ScenarioResult("f::a", "passed", ["MC-LINK-1"]))
    json_path, md_path = summary.write(tmp_path)
    assert json.loads(json_path.read_text())["requirements"]["MC-LINK-1"]["status"] == "passed"
    assert "| MC-LINK-1 | **passed** |" in md_path.read_text()


def test_a_stand_in_products_requirements_are_not_applicable_never_passed():
    from harness.products import implementations

    summary = Summary("vendor:Client", 7, products=implementations({"MiCollab Client": "vendor:Client"}))
    summary.add(ScenarioResult("f::web", "passed", ["MO-IN-1"]))
    summary.add(ScenarioResult("f::client", "passed", ["MC-LINK-1"]))
    data = summary.as_json()
    assert data["requirements"]["MC-LINK-1"]["status"] == "passed"
    web = data["requirements"]["MO-IN-1"]
    assert web["status"] == "not-applicable"
    assert web["exercised_with"].startswith("reference Mitel One web application")
    assert data["products"]["MiCollab Client"] == {"name": "vendor:Client", "under_test": True}
    assert not data["products"]["Mitel One web application"]["under_test"]


def test_a_known_issue_is_reported_apart_from_the_verdict():
    summary = Summary("reference", 1)
    summary.add(ScenarioResult("f::upg", "passed", ["MC-UPG-1"], ["MC-UPG-1=present"]))
    entry = summary.as_json()["requirements"]["MC-UPG-1"]
    assert (entry["status"], entry["known_issue"]) == ("passed", "present")
    assert "Known issues" in summary.as_markdown()


def test_the_summary_page_names_the_products_and_keeps_assumed_requirements_apart():
    from harness.summary_html import as_html

    summary = Summary("reference", 1)
    summary.add(ScenarioResult("f::a", "passed", ["MC-LINK-1"]))
    page = as_html(summary.as_json(), {"f::a": "allure-report/index.html#x"}, "allure-report/index.html", "s.html")
    assert "What ran as each product" in page
    assert "Documented requirements" in page
    assert 'href="allure-report/index.html#x"' in page


def test_a_wire_violation_is_listed_under_the_requirement_for_the_product_that_sent_the_request():
    from harness.products import implementations

    summary = Summary("reference", 7, products=implementations({"Mitel One web application": "vendor/app"}))
    web = ScenarioResult("f::sso", "failed", ["MO-SSO-2"], violations=["SEC-OAUTH-2=Mitel One web application"])
    client = ScenarioResult("f::mfa", "failed", ["MC-CL-8"], violations=["SEC-OAUTH-2=MiCollab Client"])
    summary.add(web)
    summary.add(client)
    data = summary.as_json()["requirements"]
    assert data["MO-SSO-2"]["status"] == "failed"  # the web application's own scenario
    oauth = data["SEC-OAUTH-2"]  # certifies the MiCollab Client, a stand-in here
    assert [s["id"] for s in oauth["scenarios"]] == ["f::mfa"]
    assert oauth["violated_by"] == {"Mitel One web application": ["f::sso"]}
    assert oauth["status"] == "not-applicable"
    assert "violated by Mitel One web application on the wire: f::sso" in summary.as_markdown()
