"""`python -m harness.quality_gate` (`make quality-gate`): Allure 3's quality gate on a run's
results, with the rules of allurerc.mjs (no failed scenario, no harness error, at least one
scenario). Exits non-zero when a rule is broken, so a CI job can run it on its own."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from harness import allure_report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", default="reports", type=Path)
    args = parser.parse_args(argv)
    results = args.reports / "allure-results"
    if not results.is_dir():
        print(f"no {results}: run make conformance first", file=sys.stderr)
        return 2
    status = allure_report.quality_gate(results)
    print("quality gate: " + ("passed" if status == 0 else "failed"))
    return status


if __name__ == "__main__":
    sys.exit(main())
