"""The conformance summary: requirement ID -> scenarios -> status, for one client and seed.

Statuses of a scenario: passed, failed (a conformance failure), error (a harness or adapter
error: says nothing about the client), not-applicable (the client declared it cannot).
A requirement is failed if any of its scenarios failed, else error if any errored, else
not-applicable if all were, else passed; not-run when no scenario carried it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from harness.catalogue import Requirement, load

PRECEDENCE = ("failed", "error", "passed", "not-applicable", "not-run")


@dataclass
class ScenarioResult:
    id: str
    status: str
    reqs: list[str]


@dataclass
class Summary:
    client: str
    seed: int
    scenarios: list[ScenarioResult] = field(default_factory=list)

    def add(self, result: ScenarioResult) -> None:
        self.scenarios.append(result)

    def requirement_status(self, req_id: str) -> tuple[str, list[ScenarioResult]]:
        results = [r for r in self.scenarios if req_id in r.reqs]
        statuses = {r.status for r in results}
        return next((s for s in PRECEDENCE if s in statuses), "not-run"), results

    def as_json(self, catalogue: dict[str, Requirement] | None = None) -> dict:
        catalogue = catalogue or load()
        requirements = {}
        for req_id in catalogue:
            status, results = self.requirement_status(req_id)
            requirements[req_id] = {
                "status": status,
                "scenarios": [{"id": r.id, "status": r.status} for r in results],
            }
        return {"client": self.client, "seed": self.seed, "requirements": requirements}

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for entry in self.as_json()["requirements"].values():
            counts[entry["status"]] = counts.get(entry["status"], 0) + 1
        return counts

    def as_markdown(self) -> str:
        catalogue = load()
        data = self.as_json(catalogue)
        counts = ", ".join(f"{n} {status}" for status, n in sorted(self.counts().items()))
        lines = [
            f"# Conformance summary: client `{self.client}`, seed {self.seed}",
            "",
            f"{len(catalogue)} requirements: {counts}. Replay with `--seed {self.seed}`.",
            "",
            "| requirement | status | scenarios | behaviour |",
            "| --- | --- | --- | --- |",
        ]
        for req_id, entry in data["requirements"].items():
            scenarios = "<br>".join(f"{s['status']}: {s['id']}" for s in entry["scenarios"]) or "—"
            text = catalogue[req_id].text.replace("|", "\\|")
            lines.append(f"| {req_id} | **{entry['status']}** | {scenarios} | {text} |")
        return "\n".join(lines) + "\n"

    def write(self, directory: Path) -> tuple[Path, Path]:
        directory.mkdir(parents=True, exist_ok=True)
        json_path = directory / "conformance-summary.json"
        md_path = directory / "conformance-summary.md"
        json_path.write_text(json.dumps(self.as_json(), indent=2) + "\n")
        md_path.write_text(self.as_markdown())
        return json_path, md_path
