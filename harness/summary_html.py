"""`reports/conformance-summary.html`: the summary as a page, each scenario linked to its result in
the Allure report, with the Allure report and the step catalogue one click away."""

from __future__ import annotations

import lxml.html
from lxml.html import builder as E

from harness.catalogue import load


def scenario_item(scenario: dict, links: dict[str, str]):
    name = E.A(scenario["id"], href=links[scenario["id"]]) if scenario["id"] in links else scenario["id"]
    return E.LI(f"{scenario['status']}: ", name)


def as_html(summary: dict, links: dict[str, str], report: str, steps: str) -> str:
    """`links`: scenario ID -> its Allure result; `report`, `steps`: the Allure report and the
    step catalogue, relative to the page."""
    catalogue = load()
    rows = [E.TR(E.TH("requirement"), E.TH("status"), E.TH("scenarios"), E.TH("behaviour"))]
    for req_id, entry in summary["requirements"].items():
        scenarios = E.UL(*[scenario_item(s, links) for s in entry["scenarios"]]) if entry["scenarios"] else "—"
        text = catalogue[req_id].text if req_id in catalogue else ""
        rows.append(E.TR(E.TD(req_id), E.TD(E.STRONG(entry["status"])), E.TD(scenarios), E.TD(text)))
    title = f"Conformance summary: client {summary['client']}, seed {summary['seed']}"
    body = E.BODY(
        E.H1(title),
        E.P(E.A("Allure report", href=report), " · ", E.A("step catalogue (for writing scenarios)", href=steps)),
        E.TABLE(*rows, border="1", cellpadding="4"),
    )
    page = E.HTML(E.HEAD(E.META(charset="utf-8"), E.TITLE(title)), body)
    return "<!DOCTYPE html>\n" + lxml.html.tostring(page, encoding="unicode", pretty_print=True)
