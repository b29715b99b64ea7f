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


def as_markdown(requirements: dict[str, Requirement] | None = None) -> str:
    """docs/requirements.md: one anchor per ID, so reports can link to a requirement."""
    requirements = requirements or load()
    lines = ["# Requirements", "", "Generated from `harness/requirements.toml` by `python -m harness.catalogue`.", ""]
    section = None
    for req in requirements.values():
        if (req.product, req.section) != section:
            section = (req.product, req.section)
            lines += ["", f"## {req.product}: {req.section}", ""]
        lines.append(f'- <a id="{req.id}"></a>**{req.id}** ({req.doc}): {req.text}')
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(as_markdown(), end="")
