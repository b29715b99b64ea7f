"""The Allure 3 report: categories, environment, an offline single file, history kept, the
quality gate, and the summary page's links into it."""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import tempfile
import time

import lxml.html
import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from clients.web import CHROMEDRIVER, CHROMIUM
from harness.allure_links import SCENARIO_LABEL, result_ids
from harness.allure_report import check_offline, generate, quality_gate, write_environment
from harness.report import write_pages

SCENARIO = "features/x.feature::The pasted authentication code deploys the client"


def result(n: int, status: str, message: str = "", scenario: str = "") -> dict:
    labels = [{"name": "epic", "value": "MiCollab Client"}, {"name": "feature", "value": "Authentication code"}]
    if scenario:
        labels.append({"name": SCENARIO_LABEL, "value": scenario})
    # the trace quotes source lines, which may name any exception: only the message's type counts
    trace = f"    except HarnessError:\nharness/checks.py:32: {message.split(':', maxsplit=1)[0]}"
    details = {"message": message, "trace": trace} if message else {}
    return {
        "uuid": f"0b6f1f3e-1111-4a4a-9c9c-{n:012d}",
        "historyId": f"h{n}",
        "name": f"Scenario {n}",
        "fullName": f"features/x.feature:Scenario {n}",
        "status": status,
        "statusDetails": details,
        "stage": "finished",
        "start": 1,
        "stop": 2,
        "labels": labels,
    }


FAILED = result(1, "failed", "ConformanceFailure: the license agreement screen is displayed", SCENARIO)
HARNESS_ERROR = result(2, "broken", "HarnessError: the CloudLink mock did not start")
ADAPTER_ERROR = result(3, "broken", "AdapterError: the adapter could not drive its client")
PASSED = result(4, "passed")


def results_dir(tmp_path, *results: dict):
    folder = tmp_path / "allure-results"
    folder.mkdir(parents=True, exist_ok=True)
    for each in results:
        (folder / f"{each['uuid']}-result.json").write_text(json.dumps(each))
    return folder


def embedded(index_html, name: str):
    """One of the JSON files the single-file report embeds as d("name","<base64>")."""
    match = re.search(rf'd\("{re.escape(name)}","([A-Za-z0-9+/=]+)"\)', index_html.read_text())
    return json.loads(base64.b64decode(match[1]))


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """A reports folder with one report of a run that had one of each outcome."""
    folder = tmp_path_factory.mktemp("reports")
    generate(results_dir(folder, FAILED, HARNESS_ERROR, ADAPTER_ERROR, PASSED), folder / "allure-report")
    return folder


def test_categories_separate_conformance_failures_from_harness_and_adapter_errors(reports):
    nodes = embedded(reports / "allure-report" / "index.html", "widgets/categories.json")["nodes"].values()
    counts = {node["name"]: node["statistic"]["total"] for node in nodes if node["type"] == "category"}
    assert counts == {"Conformance failures": 1, "Harness errors": 1, "Adapter errors": 1}


def test_environment_properties_are_escaped(tmp_path):
    write_environment(tmp_path, {"client": "vendor.adapter:make", "seed": "7", "path": "a=b\\c", "step list": "x y"})
    assert (tmp_path / "environment.properties").read_text().splitlines() == [
        "client=vendor.adapter\\:make",
        "seed=7",
        "path=a\\=b\\\\c",
        "step\\ list=x y",
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


def test_a_real_report_is_one_offline_file_without_analytics_and_keeps_history(tmp_path):
    results, report, history = results_dir(tmp_path, FAILED, PASSED), tmp_path / "report", tmp_path / "history"
    generate(results, report, history)
    index = generate(results, report, history)
    assert index.stat().st_size > 100_000  # the whole app and the data, inlined
    assert not [p.name for p in report.iterdir() if p.suffix not in {".html", ".json"}]
    assert check_offline(report) == []
    assert "googletagmanager" not in index.read_text()
    assert "gtag(" not in index.read_text()
    assert len((history / "history.jsonl").read_text().splitlines()) == 2
    [failed_id] = result_ids(index).values()
    assert len(embedded(index, f"data/test-results/{failed_id}.json")["history"]) == 1  # the first run


def test_the_quality_gate_fails_on_a_failed_scenario_a_harness_error_or_no_scenario(tmp_path, capfd):
    assert quality_gate(results_dir(tmp_path / "passed", PASSED)) == 0
    assert quality_gate(results_dir(tmp_path / "failed", PASSED, FAILED)) != 0
    assert "no-failed-scenario" in capfd.readouterr().err
    assert quality_gate(results_dir(tmp_path / "error", PASSED, HARNESS_ERROR)) != 0
    said = capfd.readouterr().err
    assert "no-harness-error" in said
    assert "no-failed-scenario" not in said
    assert quality_gate(results_dir(tmp_path / "none")) != 0


def test_the_summary_page_links_each_scenario_to_its_allure_result_and_the_step_catalogue(reports):
    [result_id] = result_ids(reports / "allure-report" / "index.html").values()
    summary = {"client": "reference", "seed": 7, "requirements": {"MC-CODE-1": {"status": "failed", "scenarios": []}}}
    summary["requirements"]["MC-CODE-1"]["scenarios"].append({"id": SCENARIO, "status": "failed"})
    page = lxml.html.parse(str(write_pages(reports, summary))).getroot()
    links = {a.text_content(): a.get("href") for a in page.iter("a")}
    assert links[SCENARIO] == f"allure-report/index.html#{result_id}"
    assert links["step catalogue (for writing scenarios)"] == "allure-report/steps.html"
    steps = (reports / "allure-report" / "steps.html").read_text()
    assert "When the user opens the MiCollab Client application" in steps


@pytest.fixture
def offline_browser(tmp_path):
    """Headless Chromium whose every network request goes to a closed port, its requests logged."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("Chromium is not installed: run make setup")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--proxy-server=127.0.0.1:9"):
        options.add_argument(argument)
    options.add_argument("--disable-background-networking")
    # A short profile path: Chromium's singleton socket lives there, and a Unix socket's path must
    # stay under 108 bytes (an xdist worker's tmp_path is longer).
    profile = tempfile.mkdtemp(prefix="offline-")
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    options.add_argument("--disable-dev-shm-usage")  # a small /dev/shm must not end the browser at start
    service = Service(str(CHROMEDRIVER), env={**os.environ, "TMPDIR": profile})
    browser = webdriver.Chrome(options=options, service=service)
    yield browser
    browser.quit()
    shutil.rmtree(profile, ignore_errors=True)


def requested(browser) -> set[str]:
    messages = (json.loads(entry["message"])["message"] for entry in browser.get_log("performance"))
    return {m["params"]["request"]["url"] for m in messages if m["method"] == "Network.requestWillBeSent"}


def test_the_summary_link_opens_the_scenario_in_the_report_offline(reports, offline_browser):
    index = reports / "allure-report" / "index.html"
    [result_id] = result_ids(index).values()
    offline_browser.get(f"{index.as_uri()}#{result_id}")
    deadline = time.monotonic() + 20
    while "the license agreement screen is displayed" not in offline_browser.find_element(By.TAG_NAME, "body").text:
        assert time.monotonic() < deadline, "the report did not show the linked result"
        time.sleep(0.1)
    assert "Conformance failures" in offline_browser.find_element(By.TAG_NAME, "body").text
    assert not {url for url in requested(offline_browser) if url.startswith(("http:", "https:"))}
