"""The requirements catalogue: complete, stable, and the only source of requirement tags."""

from __future__ import annotations

from pathlib import Path

from pytest_bdd.parser import FeatureParser

from harness.catalogue import CATALOGUE_PATH, as_markdown, load, req_ids_of_tags

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PREFIXES = ("MOB-", "SEC-TLS-2", "SEC-REST-1")
PREFIXES = ("MC-LINK", "MC-CODE", "MC-WEB", "MC-UPN", "MC-CL", "MC-MAN", "MC-UPG", "MO-", "SEC-", "RES-")


def feature_tags() -> dict[str, set[str]]:
    """Every scenario's tags (its own, its rule's and its feature's), by feature file."""
    found = {}
    for path in sorted((ROOT / "features").rglob("*.feature")):
        feature = FeatureParser(str(ROOT / "features"), str(path.relative_to(ROOT / "features"))).parse()
        tags = set(feature.tags)
        for scenario in feature.scenarios.values():
            tags |= scenario.tags | (scenario.rule.tags if scenario.rule else set())
        found[str(path.relative_to(ROOT))] = tags
    return found


def test_catalogue_has_the_56_requirements_of_the_specification():
    """The specification's 56 IDs, none dropped, and the project's own: MOB-* (the Mitel One
    mobile client's side of a documented behaviour), SEC-TLS-2 (certificates) and SEC-REST-1
    (secrets at rest)."""
    catalogue = load()
    assert len([r for r in catalogue if r.startswith(PREFIXES) and not r.startswith(PROJECT_PREFIXES)]) == 56
    assert all(req_id.startswith((*PREFIXES, *PROJECT_PREFIXES)) for req_id in catalogue)
    assert all(req.text and req.product and req.doc for req in catalogue.values())


def test_every_req_tag_names_a_catalogued_requirement():
    known = set(load())
    unknown = {path: set(req_ids_of_tags(tags)) - known for path, tags in feature_tags().items()}
    assert not any(unknown.values()), unknown


def test_requirements_page_is_generated_from_the_catalogue():
    page = (ROOT / "docs" / "requirements.md").read_text()
    assert page == as_markdown(), f"regenerate: python -m harness.catalogue > docs/requirements.md ({CATALOGUE_PATH})"


def test_req_ids_of_tags_reads_only_req_tags():
    assert req_ids_of_tags({"req:MC-LINK-2", "doc:micollab-client-login", "req:MC-LINK-1"}) == [
        "MC-LINK-1",
        "MC-LINK-2",
    ]


def test_the_step_catalogue_page_is_current():
    from harness.step_catalogue import as_markdown as steps_markdown

    page = (ROOT / "docs" / "steps.md").read_text()
    assert page == steps_markdown(), "regenerate: python -m harness.step_catalogue > docs/steps.md"


def test_every_step_in_the_catalogue_has_an_example_from_a_feature():
    from harness.step_catalogue import as_markdown as steps_markdown

    entries = steps_markdown().split("\n- **")[1:]
    without_example = [e.splitlines()[0] for e in entries if "e.g. `" not in e]
    assert not without_example, f"steps no feature uses (remove them or use them): {without_example}"


def test_every_requirement_certifies_one_product():
    from harness.catalogue import PRODUCTS

    wrong = {req.id: req.certifies for req in load().values() if req.certifies not in PRODUCTS}
    assert not wrong, f"certifies must be one of {PRODUCTS}: {wrong}"
