"""`python -m harness.report`: after the features ran, the Allure HTML report and the summary.

Writes environment.properties into the results, generates the single-file Allure 3 report
(categories and history as allurerc.mjs sets them), checks it opens offline, writes the step catalogue
beside it (`allure-report/steps.html`) and the summary as a page linking each scenario to its
Allure result (`conformance-summary.html`), and prints the summary.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from importlib.metadata import version
from pathlib import Path

from harness import allure_report, step_catalogue, summary_html
from harness.allure_links import scenario_links

STEPS_PAGE = "steps.html"
PACKAGES = ("pytest", "pytest-bdd", "allure-pytest-bdd", "pytest-xdist", "faker", "selenium")


def environment(summary: dict) -> dict[str, str]:
    props = {"client": summary["client"], "seed": str(summary["seed"]), "python": platform.python_version()}
    for product, impl in summary.get("products", {}).items():
        role = "under test" if impl["under_test"] else "stand-in (not certified)"
        where = f" {impl['folder']} sha256 {impl['sha256'][:16]}" if impl.get("sha256") else ""
        props[product] = f"{impl['name']}{where}, {role}"
    props["step catalogue"] = f"{STEPS_PAGE} beside this report (linked from conformance-summary.html)"
    return props | {package: version(package) for package in PACKAGES}


def write_pages(reports: Path, summary: dict) -> Path:
    """The step catalogue beside the Allure report, and the summary page that links both."""
    report = reports / "allure-report"
    (report / STEPS_PAGE).write_text(step_catalogue.as_html())
    links = scenario_links(report / "index.html", reports)
    page = reports / "conformance-summary.html"
    kills = (
        json.loads(matrix.read_text()).get("scenarios", {}) if (matrix := reports / "kill-matrix.json").exists() else {}
    )
    page.write_text(
        summary_html.as_html(summary, links, "allure-report/index.html", f"allure-report/{STEPS_PAGE}", kills)
    )
    return page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", default="reports", type=Path)
    args = parser.parse_args(argv)
    summary_path = args.reports / "conformance-summary.json"
    if not summary_path.exists():
        print(f"no {summary_path}: did any scenario run?", file=sys.stderr)
        return 1
    summary = json.loads(summary_path.read_text())
    results = args.reports / "allure-results"
    allure_report.write_environment(results, environment(summary))
    report = args.reports / "allure-report"
    allure_report.generate(results, report, history=args.reports / "history")
    external = allure_report.check_offline(report)
    page = write_pages(args.reports, summary)
    print((args.reports / "conformance-summary.md").read_text())
    print(f"Allure report: {report / 'index.html'}")
    print(f"Summary page (each scenario linked to its Allure result, and the step catalogue): {page}")
    if external:
        print(f"the report refers to the network and will not open offline: {external}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
