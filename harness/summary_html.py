"""`reports/conformance-summary.html`: the summary as a page, each scenario linked to its result in
the Allure report, with the Allure report and the step catalogue one click away. Like the
Markdown summary: which implementation ran as each product, documented and assumed requirements
apart, known issues apart from verdicts."""

from __future__ import annotations

import lxml.html
from lxml.html import builder as E

from harness.catalogue import load
from harness.summary import BASES


def scenario_item(scenario: dict, links: dict[str, str], kills: dict[str, list[str]]):
    name = E.A(scenario["id"], href=links[scenario["id"]]) if scenario["id"] in links else scenario["id"]
    caught = kills.get(scenario["id"])
    mutants = [E.SMALL(f" (fails for the mutants {', '.join(caught)})")] if caught else []
    reason = [E.BR(), E.SMALL(scenario["reason"])] if scenario.get("reason") else []
    return E.LI(f"{scenario['status']}: ", name, *mutants, *reason)


def products_table(products: dict[str, dict]):
    rows = [E.TR(*(E.TH(h) for h in ("product", "implementation", "under test", "folder", "sha256")))]
    for product, impl in products.items():
        under_test = "yes" if impl["under_test"] else "no: a stand-in, its requirements are not-applicable"
        cells = (product, impl["name"], under_test, impl.get("folder", "—"), impl.get("sha256", "—"))
        rows.append(E.TR(*(E.TD(cell) for cell in cells)))
    return E.TABLE(*rows, border="1", cellpadding="4")


def requirements_table(rows: dict[str, dict], links: dict[str, str], kills: dict[str, list[str]]):
    catalogue = load()
    table = [E.TR(*(E.TH(h) for h in ("requirement", "status", "certifies", "scenarios", "behaviour")))]
    for req_id, entry in rows.items():
        scenarios = E.UL(*[scenario_item(s, links, kills) for s in entry["scenarios"]]) if entry["scenarios"] else "—"
        status = (
            E.TD(E.STRONG(entry["status"]), E.BR(), entry["exercised_with"])
            if "exercised_with" in entry
            else (E.TD(E.STRONG(entry["status"])))
        )
        text = catalogue[req_id].text if req_id in catalogue else ""
        table.append(E.TR(E.TD(req_id), status, E.TD(entry.get("certifies", "")), E.TD(scenarios), E.TD(text)))
    return E.TABLE(*table, border="1", cellpadding="4")


def as_html(summary: dict, links: dict[str, str], report: str, steps: str, kills: dict | None = None) -> str:
    """`links`: scenario ID -> its Allure result; `report`, `steps`: the Allure report and the
    step catalogue, relative to the page; `kills`: scenario ID -> the mutants that fail it (the
    kill matrix of `make test`), where known."""
    kills = kills or {}
    catalogue = load()
    title = f"Conformance summary: client {summary['client']}, seed {summary['seed']}"
    parts = [
        E.H1(title),
        E.P(E.A("Allure report", href=report), " · ", E.A("step catalogue (for writing scenarios)", href=steps)),
        E.H2("What ran as each product"),
        products_table(summary.get("products", {})),
    ]
    for basis, heading in BASES:
        rows = {r: e for r, e in summary["requirements"].items() if r in catalogue and catalogue[r].basis == basis}
        parts += [E.H2(heading), requirements_table(rows, links, kills)]
    known = {r: e["known_issue"] for r, e in summary["requirements"].items() if "known_issue" in e}
    if known:
        items = [
            E.LI(f"{r}: the product under test {'has' if seen == 'present' else 'does not have'} it")
            for r, seen in known.items()
        ]
        parts += [E.H2("Known issues (documented defects: reported, never a verdict)"), E.UL(*items)]
    page = E.HTML(E.HEAD(E.META(charset="utf-8"), E.TITLE(title)), E.BODY(*parts))
    return "<!DOCTYPE html>\n" + lxml.html.tostring(page, encoding="unicode", pretty_print=True)
