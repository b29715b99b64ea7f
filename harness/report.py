"""`python -m harness.report`: after the features ran, the Allure HTML report and the summary.

Writes categories.json and environment.properties into the results, generates the single-file
Allure report (history carried between runs), checks it opens offline, and prints the summary.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from importlib.metadata import version
from pathlib import Path

from harness import allure_report

PACKAGES = ("pytest", "pytest-bdd", "allure-pytest-bdd", "pytest-xdist", "faker", "selenium")


def environment(summary: dict) -> dict[str, str]:
    props = {"client": summary["client"], "seed": str(summary["seed"]), "python": platform.python_version()}
    return props | {package: version(package) for package in PACKAGES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", default="reports", type=Path)
    args = parser.parse_args()
    summary_path = args.reports / "conformance-summary.json"
    if not summary_path.exists():
        print(f"no {summary_path}: did any scenario run?", file=sys.stderr)
        return 1
    summary = json.loads(summary_path.read_text())
    results = args.reports / "allure-results"
    allure_report.write_categories(results)
    allure_report.write_environment(results, environment(summary))
    report = args.reports / "allure-report"
    allure_report.generate(results, report, history=args.reports / "history")
    external = allure_report.check_offline(report)
    print((args.reports / "conformance-summary.md").read_text())
    print(f"Allure report: {report / 'index.html'}")
    if external:
        print(f"the report refers to the network and will not open offline: {external}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
