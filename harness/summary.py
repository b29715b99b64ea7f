"""The conformance summary: requirement ID -> scenarios -> status, for one client and seed.

Statuses of a scenario: passed, failed (a conformance failure), error (a harness or adapter
error: says nothing about the client), not-applicable (the client declared it cannot).
A requirement is failed if any of its scenarios failed, else error if any errored, else
not-applicable if all were, else passed; not-run when no scenario carried it.

A requirement whose product (`certifies`) is not under test in the run is not-applicable
whatever its scenarios did: they were exercised with the reference implementation standing in
for that product, and a stand-in's pass is nobody's verdict (harness.products).

A wire violation fails its scenario, and with it the requirements the scenario is tagged with.
It is also listed under the requirement it violates: among that requirement's scenarios when the
product that sent the request is the one the requirement certifies, else under `violated_by`,
by product (a web application's reused code is the web application's, not the MiCollab
Client's), so a row never charges one product with another's request.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from harness.catalogue import Requirement, load
from harness.products import Implementation, implementations

PRECEDENCE = ("failed", "error", "passed", "not-applicable", "not-run")


@dataclass
class ScenarioResult:
    id: str
    status: str
    reqs: list[str]
    known_issues: list[str] = field(default_factory=list)  # "MC-UPG-1=present" (harness.evidence)
    reason: str = ""  # for a failed or errored scenario: what went wrong, in short
    violations: list[str] = field(default_factory=list)  # "SEC-OAUTH-2=Mitel One web application"

    def as_json(self) -> dict:
        found = {"id": self.id, "status": self.status, **({"reason": self.reason} if self.reason else {})}
        return found | ({"violations": list(self.violations)} if self.violations else {})

    def violators(self, req_id: str) -> set[str]:
        """The products whose requests violated `req_id` on the wire in this scenario."""
        return {product for v in self.violations for rid, _, product in [v.partition("=")] if rid == req_id}


@dataclass
class Summary:
    client: str
    seed: int
    scenarios: list[ScenarioResult] = field(default_factory=list)
    products: dict[str, Implementation] = field(default_factory=lambda: implementations({}))

    def add(self, result: ScenarioResult) -> None:
        self.scenarios.append(result)

    def requirement_status(self, req: Requirement) -> tuple[str, list[ScenarioResult]]:
        """Its scenarios (those tagged with it, and those where the product it certifies violated
        it on the wire) and the worst of their statuses."""
        results = [r for r in self.scenarios if req.id in r.reqs or req.certifies in r.violators(req.id)]
        statuses = {r.status for r in results}
        return next((s for s in PRECEDENCE if s in statuses), "not-run"), results

    def violated_by(self, req: Requirement) -> dict[str, list[str]]:
        """Scenarios where another product than the one `req` certifies violated it, by product."""
        found: dict[str, list[str]] = {}
        for result in self.scenarios:
            for product in sorted(result.violators(req.id) - {req.certifies}):
                found.setdefault(product, []).append(result.id)
        return found

    def requirement_entry(self, req: Requirement) -> dict:
        status, results = self.requirement_status(req)
        entry = {"status": status, "certifies": req.certifies, "basis": req.basis}
        product = self.products[req.certifies]
        if not product.under_test and status != "not-run":
            entry["status"] = "not-applicable"
            entry["exercised_with"] = f"{product.name} {req.certifies} (not under test in this run)"
        known = self.known_issue(req.id, results)
        if known:
            entry["known_issue"] = known
        entry["scenarios"] = [r.as_json() for r in results]
        if violated := self.violated_by(req):
            entry["violated_by"] = violated
        return entry

    @staticmethod
    def known_issue(req_id: str, results: list[ScenarioResult]) -> str:
        """`present` if any scenario saw the documented defect, `absent` if they all saw none."""
        seen = {note.partition("=")[2] for r in results for note in r.known_issues if note.startswith(f"{req_id}=")}
        return "present" if "present" in seen else seen.pop() if seen else ""

    def as_json(self, catalogue: dict[str, Requirement] | None = None) -> dict:
        catalogue = catalogue or load()
        requirements = {req_id: self.requirement_entry(req) for req_id, req in catalogue.items()}
        products = {name: impl.as_json() for name, impl in self.products.items()}
        return {"client": self.client, "seed": self.seed, "products": products, "requirements": requirements}

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
            *products_markdown(data["products"]),
        ]
        for basis, title in BASES:
            rows = {r: e for r, e in data["requirements"].items() if catalogue[r].basis == basis}
            lines += ["", f"## {title}", "", *requirements_markdown(rows, catalogue)]
        known = {r: e["known_issue"] for r, e in data["requirements"].items() if "known_issue" in e}
        if known:
            lines += ["", "## Known issues (documented defects: reported, never a verdict)", ""]
            lines += [
                f"- {req_id}: the product under test **{'has' if seen == 'present' else 'does not have'}** the "
                f"documented defect ({catalogue[req_id].text})"
                for req_id, seen in known.items()
            ]
        return "\n".join(lines) + "\n"

    def write(self, directory: Path) -> tuple[Path, Path]:
        directory.mkdir(parents=True, exist_ok=True)
        json_path = directory / "conformance-summary.json"
        md_path = directory / "conformance-summary.md"
        json_path.write_text(json.dumps(self.as_json(), indent=2) + "\n")
        md_path.write_text(self.as_markdown())
        return json_path, md_path


BASES = (
    ("documented", "Documented requirements (the seed documents say it)"),
    ("assumed", "Assumed requirements (the seeds do not say it; the catalogue says why it is assumed)"),
)


def products_markdown(products: dict[str, dict]) -> list[str]:
    lines = ["| product | implementation | under test | folder | sha256 |", "| --- | --- | --- | --- | --- |"]
    for product, impl in products.items():
        under_test = "yes" if impl["under_test"] else "no: a stand-in, its requirements are not-applicable"
        folder, digest = impl.get("folder", "—"), impl.get("sha256", "")[:16] or "—"
        lines.append(f"| {product} | `{impl['name']}` | {under_test} | {folder} | {digest} |")
    return lines


def requirements_markdown(rows: dict[str, dict], catalogue: dict[str, Requirement]) -> list[str]:
    lines = ["| requirement | status | certifies | scenarios | behaviour |", "| --- | --- | --- | --- | --- |"]
    for req_id, entry in rows.items():
        scenarios = "<br>".join(scenario_markdown(s) for s in entry["scenarios"]) or "—"
        text = catalogue[req_id].text.replace("|", "\\|")
        status = f"**{entry['status']}**" + (f" ({entry['exercised_with']})" if "exercised_with" in entry else "")
        for product, ids in entry.get("violated_by", {}).items():
            scenarios += f"<br>violated by {product} on the wire: " + ", ".join(ids).replace("|", "\\|")
        lines.append(f"| {req_id} | {status} | {entry['certifies']} | {scenarios} | {text} |")
    return lines


def scenario_markdown(scenario: dict) -> str:
    reason = f" — {scenario['reason']}" if scenario.get("reason") else ""
    return f"{scenario['status']}: {scenario['id']}{reason}".replace("|", "\\|")
