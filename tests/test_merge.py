"""Side-by-side conformance: several clients in one table; shards of one client folded."""

from __future__ import annotations

import base64
import json

from harness.merge import as_markdown, cell, main, merge_shards


def summary(client: str, **statuses: str) -> dict:
    requirements = {
        req.replace("_", "-"): {"status": status, "scenarios": [{"id": f"f::{req}", "status": status}]}
        for req, status in statuses.items()
    }
    return {"client": client, "seed": 1, "requirements": requirements}


def test_shards_of_one_client_fold_to_the_worst_status():
    merged = merge_shards([summary("vendor", MC_LINK_1="passed"), summary("vendor", MC_LINK_1="failed")])
    assert merged["vendor"]["MC-LINK-1"]["status"] == "failed"
    assert len(merged["vendor"]["MC-LINK-1"]["scenarios"]) == 2


def test_a_shard_that_did_not_run_a_requirement_does_not_hide_one_that_passed():
    merged = merge_shards([summary("vendor", MC_LINK_1="not-run"), summary("vendor", MC_LINK_1="passed")])
    assert merged["vendor"]["MC-LINK-1"]["status"] == "passed"


def test_clients_side_by_side_with_every_requirement():
    table = as_markdown(merge_shards([summary("reference", MC_LINK_1="passed"), summary("vendor", MC_LINK_1="failed")]))
    assert "| requirement | reference | vendor |" in table
    assert "| MC-LINK-1 | passed | failed |" in table
    assert "| RES-5XX-1 | not-run | not-run |" in table


def test_the_command_writes_the_matrix(tmp_path):
    paths = []
    for client, status in (("reference", "passed"), ("vendor", "not-applicable")):
        path = tmp_path / f"{client}.json"
        path.write_text(json.dumps(summary(client, MC_LINK_1=status)))
        paths.append(str(path))
    assert main([*paths, "--out", str(tmp_path / "out")]) == 0
    matrix = json.loads((tmp_path / "out" / "conformance-matrix.json").read_text())
    assert matrix["clients"]["vendor"]["MC-LINK-1"]["status"] == "not-applicable"
    assert main([str(tmp_path / "missing.json")]) == 2


def test_each_cell_links_its_scenarios_in_the_allure_report_beside_the_summary(tmp_path):
    """The report embeds each result as d("data/test-results/<id>.json","<base64>"): as Allure 3 writes it."""
    folder = tmp_path / "reference"
    (folder / "allure-report").mkdir(parents=True)
    (folder / "conformance-summary.json").write_text(json.dumps(summary("reference", MC_LINK_1="passed")))
    case = {"id": "0a1b2c", "labels": [{"name": "scenario", "value": "f::MC_LINK_1"}]}
    embedded = base64.b64encode(json.dumps(case).encode()).decode()
    (folder / "allure-report" / "index.html").write_text(
        f'<script>Promise.allSettled([d("data/test-results/0a1b2c.json","{embedded}")])</script>'
    )
    assert main([str(folder / "conformance-summary.json"), "--out", str(tmp_path / "out")]) == 0
    table = (tmp_path / "out" / "conformance-matrix.md").read_text()
    assert "| MC-LINK-1 | [passed](../reference/allure-report/index.html#0a1b2c) |" in table


def test_a_cell_of_several_scenarios_numbers_their_links():
    entry = {"status": "failed", "scenarios": [{"id": "a", "allure": "r#1"}, {"id": "b", "allure": "r#2"}, {"id": "c"}]}
    assert cell(entry) == "failed: [1](r#1) [2](r#2)"


def test_shards_folded_keep_each_scenarios_reason_and_wire_violations():
    from harness.merge import one_run
    from harness.products import implementations
    from harness.summary import ScenarioResult, Summary

    shard = Summary("reference", 3, products=implementations({"Mitel One web application": "vendor/app"}))
    shard.add(ScenarioResult("f::sso", "failed", ["MO-SSO-2"], reason="SEC-OAUTH-2: code redeemed again",
                             violations=["SEC-OAUTH-2=Mitel One web application"]))  # fmt: skip
    folded = one_run([shard.as_json()]).as_json()["requirements"]
    assert folded["MO-SSO-2"]["scenarios"][0]["reason"] == "SEC-OAUTH-2: code redeemed again"
    assert folded["SEC-OAUTH-2"]["violated_by"] == {"Mitel One web application": ["f::sso"]}
