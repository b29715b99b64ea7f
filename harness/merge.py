"""`python -m harness.merge SUMMARY.json… [--out DIR]`: the conformance summaries of several
clients (the reference, mutants, a vendor's, the shards of one run) as one table, requirement ID
by client, in Markdown and JSON.

`python -m harness.merge --shards SHARD_DIR… --out DIR`: the shards of one run (CI runners, each
with its own `--reports-dir`) as that run's own reports in DIR: one conformance summary, as one
unsharded run writes it, and every shard's Allure results in one folder, for `harness.report`.

Summaries of the same client (CI shards) are merged first: a requirement takes the worst status
any shard gave it, and all the shards' scenarios.

Each cell links its scenarios' results in the Allure report found beside their summary
(`<dir>/allure-report/index.html`, as `make conformance REPORTS=<dir>` leaves it).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from harness.allure_links import scenario_links
from harness.catalogue import load
from harness.products import Implementation
from harness.summary import PRECEDENCE, ScenarioResult, Summary


def merge_shards(summaries: list[dict]) -> dict[str, dict]:
    """client -> requirement -> {status, scenarios}, shards of one client folded together."""
    merged: dict[str, dict] = {}
    for summary in summaries:
        table = merged.setdefault(summary["client"], {})
        for req_id, entry in summary["requirements"].items():
            known = table.setdefault(req_id, {"status": "not-run", "scenarios": []})
            known["scenarios"] += entry["scenarios"]
            known["status"] = min(known["status"], entry["status"], key=PRECEDENCE.index)
    return merged


def with_links(summary: dict, links: dict[str, str]) -> dict:
    """The summary with each scenario's link into its Allure report, where there is one."""
    for entry in summary["requirements"].values():
        for scenario in entry["scenarios"]:
            if scenario["id"] in links:
                scenario["allure"] = links[scenario["id"]]
    return summary


def read(path: Path, out: Path) -> dict:
    return with_links(json.loads(path.read_text()), scenario_links(path.parent / "allure-report" / "index.html", out))


def cell(entry: dict) -> str:
    """`passed`, its scenarios' results linked: `[passed](…)` for one, `passed: [1](…) [2](…)` for several."""
    linked = [s["allure"] for s in entry["scenarios"] if "allure" in s]
    if len(linked) == 1:
        return f"[{entry['status']}]({linked[0]})"
    numbered = " ".join(f"[{n}]({link})" for n, link in enumerate(linked, 1))
    return f"{entry['status']}: {numbered}" if linked else entry["status"]


def as_markdown(merged: dict[str, dict]) -> str:
    clients = list(merged)
    lines = ["# Conformance by client", "", "| requirement | " + " | ".join(clients) + " |"]
    lines.append("| --- |" + " --- |" * len(clients))
    for req_id in load():
        cells = [cell(merged[c].get(req_id, {"status": "not-run", "scenarios": []})) for c in clients]
        lines.append(f"| {req_id} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def scenario_result(scenario: dict) -> ScenarioResult:
    """A scenario as a shard's summary lists it: its status, reason and wire violations."""
    found = ScenarioResult(scenario["id"], scenario["status"], [], reason=scenario.get("reason", ""))
    found.violations = list(scenario.get("violations", []))
    return found


def one_run(shards: list[dict]) -> Summary:
    """The summary one run over every shard's scenarios would have written: each scenario once,
    with every requirement it carries and the documented defects it saw."""
    first = shards[0]
    products = {name: Implementation(name, **impl) for name, impl in first["products"].items()}
    folded = Summary(first["client"], first["seed"], products=products)
    scenarios: dict[str, ScenarioResult] = {}
    for shard in shards:
        for req_id, entry in shard["requirements"].items():
            for scenario in entry["scenarios"]:
                result = scenarios.setdefault(scenario["id"], scenario_result(scenario))
                result.reqs.append(req_id)
                if "known_issue" in entry:
                    result.known_issues.append(f"{req_id}={entry['known_issue']}")
            for product, ids in entry.get("violated_by", {}).items():
                for scenario_id in ids:  # failed: another product's request violated the requirement
                    result = scenarios.setdefault(scenario_id, ScenarioResult(scenario_id, "failed", []))
                    result.violations = sorted({*result.violations, f"{req_id}={product}"})
    for result in scenarios.values():
        folded.add(result)
    return folded


def merge_run(shard_dirs: list[Path], out: Path) -> Summary:
    """Writes the run's summary and gathers the shards' Allure results (uniquely named files) in `out`."""
    summary = one_run([json.loads((d / "conformance-summary.json").read_text()) for d in shard_dirs])
    summary.write(out)
    results = out / "allure-results"
    results.mkdir(parents=True, exist_ok=True)
    for shard in shard_dirs:
        for result in (shard / "allure-results").glob("*"):
            shutil.copy2(result, results / result.name)
    return summary


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("summaries", nargs="*", type=Path)
    parser.add_argument("--shards", nargs="+", type=Path, help="the report folders of one run's shards")
    parser.add_argument("--out", type=Path, default=Path("reports"))
    args = parser.parse_args(argv)
    if args.shards:
        return merge_shard_folders(args.shards, args.out)
    if not args.summaries:
        parser.error("name the summaries to compare, or --shards")
    missing = [str(p) for p in args.summaries if not p.exists()]
    if missing:
        print(f"no such summary: {', '.join(missing)}", file=sys.stderr)
        return 2
    merged = merge_shards([read(p, args.out) for p in args.summaries])
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "conformance-matrix.json").write_text(json.dumps({"clients": merged}, indent=2) + "\n")
    (args.out / "conformance-matrix.md").write_text(as_markdown(merged))
    print(as_markdown(merged), end="")
    return 0


def merge_shard_folders(shard_dirs: list[Path], out: Path) -> int:
    missing = [str(d) for d in shard_dirs if not (d / "conformance-summary.json").exists()]
    if missing:
        print(f"no conformance-summary.json in: {', '.join(missing)}", file=sys.stderr)
        return 2
    summary = merge_run(shard_dirs, out)
    print(f"{len(shard_dirs)} shards, {len(summary.scenarios)} scenarios: {out / 'conformance-summary.md'}")
    return 1 if {r.status for r in summary.scenarios} & {"failed", "error"} else 0  # as one run exits


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
