"""The Allure report: categories, environment, an offline single file, history kept."""

from __future__ import annotations

import json

import lxml.html

from harness.allure_links import SCENARIO_LABEL, result_uids
from harness.allure_report import check_offline, generate, write_categories, write_environment
from harness.report import write_pages

RESULT = {
    "uuid": "0b6f1f3e-1111-4a4a-9c9c-000000000001",
    "historyId": "h1",
    "name": "The pasted authentication code deploys the client",
    "fullName": "features/x.feature:The pasted authentication code deploys the client",
    "status": "failed",
    "statusDetails": {"message": "ConformanceFailure: the license agreement screen is displayed"},
    "stage": "finished",
    "start": 1,
    "stop": 2,
    "labels": [{"name": "epic", "value": "MiCollab Client"}],
}


def test_categories_separate_conformance_failures_from_harness_and_adapter_errors(tmp_path):
    write_categories(tmp_path)
    names = [c["name"] for c in json.loads((tmp_path / "categories.json").read_text())]
    assert names[:3] == ["Conformance failures", "Harness errors", "Adapter errors"]


def test_environment_properties_are_escaped(tmp_path):
    write_environment(tmp_path, {"client": "vendor.adapter:make", "seed": "7", "path": "a=b\\c"})
    assert (tmp_path / "environment.properties").read_text().splitlines() == [
        "client=vendor.adapter\\:make",
        "seed=7",
        "path=a\\=b\\\\c",
    ]


def page(tmp_path, html: str):
    (tmp_path / "index.html").write_text(html)
    return check_offline(tmp_path)


def test_check_offline_accepts_inline_and_data_urls(tmp_path):
    html = '<html><head><script src="data:text/javascript;base64,AA=="></script><style>a{}</style></head></html>'
    assert page(tmp_path, html) == []


def test_check_offline_names_every_network_reference(tmp_path):
    html = (
        '<html><head><script src="https://www.googletagmanager.com/gtag/js"></script>'
        '<link rel="stylesheet" href="//fonts.googleapis.com/css"><style>@import url(x.css);</style></head>'
        '<body><img src="http://example.com/a.png"><iframe src="https://example.com"></iframe></body></html>'
    )
    found = page(tmp_path, html)
    assert len(found) == 5
    assert any("googletagmanager" in f for f in found)


def test_a_real_report_is_one_offline_file_and_keeps_history(tmp_path):
    results, report, history = tmp_path / "results", tmp_path / "report", tmp_path / "history"
    results.mkdir()
    (results / f"{RESULT['uuid']}-result.json").write_text(json.dumps(RESULT))
    write_categories(results)
    index = generate(results, report, history)
    assert [p.name for p in report.iterdir()] == ["index.html"]
    assert index.stat().st_size > 100_000  # the whole app and the data, inlined
    assert check_offline(report) == []
    assert "ConformanceFailure" in (history / "history.json").read_text()


def test_the_summary_page_links_each_scenario_to_its_allure_result_and_the_step_catalogue(tmp_path):
    scenario = "features/x.feature::The pasted authentication code deploys the client"
    labelled = RESULT | {"labels": [*RESULT["labels"], {"name": SCENARIO_LABEL, "value": scenario}]}
    results = tmp_path / "allure-results"
    results.mkdir()
    (results / f"{RESULT['uuid']}-result.json").write_text(json.dumps(labelled))
    index = generate(results, tmp_path / "allure-report")
    [uid] = result_uids(index).values()
    summary = {"client": "reference", "seed": 7, "requirements": {"MC-CODE-1": {"status": "failed", "scenarios": []}}}
    summary["requirements"]["MC-CODE-1"]["scenarios"].append({"id": scenario, "status": "failed"})
    page = lxml.html.parse(str(write_pages(tmp_path, summary))).getroot()
    links = {a.text_content(): a.get("href") for a in page.iter("a")}
    assert links[scenario] == f"allure-report/index.html#testresult/{uid}"
    assert links["step catalogue (for writing scenarios)"] == "allure-report/steps.html"
    steps = (tmp_path / "allure-report" / "steps.html").read_text()
    assert "When the user opens the MiCollab Client application" in steps
