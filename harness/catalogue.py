"""The machine-readable requirements catalogue (requirements.toml beside this file)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CATALOGUE_PATH = Path(__file__).with_name("requirements.toml")
REQ_TAG_PREFIX = "req:"
# The products a requirement certifies: a run gives a verdict only for those it drove.
PRODUCTS = ("MiCollab Client", "MiCollab Web Client", "Mitel One web application", "Mitel One mobile")
DOCUMENTED, ASSUMED = "documented", "assumed"
QUOTE_GAP = " \u2026 "  # joins a quote's fragments, in the seed's order


@dataclass(frozen=True)
class Requirement:
    id: str
    product: str
    doc: str
    section: str
    text: str
    certifies: str  # one of PRODUCTS: whose behaviour a verdict on this ID is about
    basis: str = "documented"  # "documented" (a seed says it: `quote`) or "assumed" (`assumption` says why)
    quote: str = ""  # the seed's own words behind a documented requirement
    assumption: str = ""  # for an assumed requirement: what the seeds do not say, and why it is assumed
    status: str = "active"

    @property
    def grounds(self) -> str:
        """What a verdict on this ID rests on, in one line: the seed's words, or why it is assumed."""
        if self.basis == ASSUMED:
            return f"Assumed: {self.assumption}"
        beyond = f" Assumed beyond the quote: {self.assumption}" if self.assumption else ""
        return f"Documented: \u201c{self.quote}\u201d{beyond}"


@cache
def load(path: Path = CATALOGUE_PATH) -> dict[str, Requirement]:
    """Every requirement by ID, in catalogue order."""
    with path.open("rb") as handle:
        rows = tomllib.load(handle)["requirement"]
    return {row["id"]: Requirement(**row) for row in rows}


def req_ids_of_tags(tags: set[str] | list[str]) -> list[str]:
    """The requirement IDs named by `req:ID` tags, sorted."""
    return sorted(tag.removeprefix(REQ_TAG_PREFIX) for tag in tags if tag.startswith(REQ_TAG_PREFIX))


def unknown_ids(ids: list[str]) -> list[str]:
    known = load()
    return [req_id for req_id in ids if req_id not in known]


def scenario_description(template, reqs: list[str]) -> str:
    """A scenario's description in the report: its feature's, rule's and own descriptions, then
    what each of its requirements rests on (the seed's quote, or why it is assumed)."""
    rule = template.rule.description if template.rule else ""
    told = [" ".join(text.split()) for text in (template.feature.description, rule, template.description) if text]
    catalogue = load()
    return "\n\n".join([*told, *(f"{req_id}. {catalogue[req_id].grounds}" for req_id in reqs)])


def as_markdown(requirements: dict[str, Requirement] | None = None) -> str:
    """docs/requirements.md: one anchor per ID, so reports can link to a requirement."""
    requirements = requirements or load()
    assumed = [req.id for req in requirements.values() if req.basis == ASSUMED]
    lines = ["# Requirements", "", "Generated from `harness/requirements.toml` by `python -m harness.catalogue`.", ""]
    lines += [
        f"{len(requirements) - len(assumed)} requirements are **documented**: the quote under each is the product "
        "documents' own words (`docs/seeds/`).",
        f"{len(assumed)} are **assumed**: the documents do not say them, and the note under each says why the "
        f"harness holds a client to them ({', '.join(assumed)}).",
    ]
    section = None
    for req in requirements.values():
        if (req.product, req.section) != section:
            section = (req.product, req.section)
            lines += ["", f"## {req.product}: {req.section}", ""]
        lines.append(f'- <a id="{req.id}"></a>**{req.id}** ({req.doc}, {req.basis}): {req.text}')
        lines += _grounds_lines(req)
    return "\n".join(lines) + "\n"


def _grounds_lines(req: Requirement) -> list[str]:
    if req.basis == ASSUMED:
        return [f"  - *Assumed:* {req.assumption}"]
    lines = [f"  - *Quote:* \u201c{req.quote}\u201d"]
    return lines + ([f"  - *Assumed beyond the quote:* {req.assumption}"] if req.assumption else [])


if __name__ == "__main__":
    print(as_markdown(), end="")
