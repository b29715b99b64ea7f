"""Every requirement rests on the product documents' words or says why it is assumed."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from harness.catalogue import ASSUMED, DOCUMENTED, QUOTE_GAP, Requirement, load

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "docs" / "seeds"
ROW = re.compile(r"^\| `(?P<file>[^`]+\.txt)` \|.*\| `(?P<doc>[^`]+)` \|$", re.MULTILINE)


def normalised(text: str) -> str:
    return " ".join(text.split())


def seed_of_doc() -> dict[str, str]:
    """doc id -> the document's text, as docs/seeds/README.md pairs them."""
    rows = ROW.finditer((SEEDS / "README.md").read_text())
    return {row["doc"]: normalised((SEEDS / row["file"]).read_text()) for row in rows}


def missing_fragment(quote: str, seed: str) -> str | None:
    """The first fragment of `quote` not found in `seed` after the one before it; None if all are."""
    position = 0
    for fragment in quote.split(QUOTE_GAP):
        found = seed.find(normalised(fragment), position)
        if found < 0:
            return fragment
        position = found + len(normalised(fragment))
    return None


def test_the_readme_names_both_documents():
    assert set(seed_of_doc()) == {"micollab-client-login", "mitel-one-log-in-out"}


def test_every_requirement_is_documented_or_assumed():
    wrong = {req.id: req.basis for req in load().values() if req.basis not in (DOCUMENTED, ASSUMED)}
    assert not wrong, wrong


@pytest.mark.parametrize("req", [r for r in load().values() if r.basis == DOCUMENTED], ids=lambda r: r.id)
def test_a_documented_quote_is_the_documents_own_words(req: Requirement):
    seeds = seed_of_doc()
    assert req.quote, f"{req.id}: documented without a quote"
    assert req.doc in seeds, f"{req.id}: documented by {req.doc!r}, which is not in docs/seeds"
    assert missing_fragment(req.quote, seeds[req.doc]) is None, f"{req.id}: not in {req.doc}: {req.quote!r}"


@pytest.mark.parametrize("req", [r for r in load().values() if r.basis == ASSUMED], ids=lambda r: r.id)
def test_an_assumed_requirement_says_what_the_documents_do_not_and_why(req: Requirement):
    assert not req.quote, f"{req.id}: assumed, yet quotes the documents"
    assert len(req.assumption.split()) >= 15, f"{req.id}: say what the documents do not say and why: {req.assumption!r}"


def test_the_assumed_values_are_reported_as_assumptions():
    """The set-up link's four days, the deployment's seven days, the MiCollab Logout control and the
    lockout count appear in no document: each is an assumption, and says so."""
    catalogue = load()
    assert "four days" in catalogue["SEC-OAUTH-2"].assumption
    assert "seven days" in catalogue["SEC-OAUTH-2"].assumption
    assert "Logout" in catalogue["SEC-OUT-1"].assumption
    assert "setting" in catalogue["SEC-LOCK-1"].assumption
    assert all(catalogue[i].basis == ASSUMED for i in ("SEC-OAUTH-2", "SEC-OUT-1", "SEC-LOCK-1"))


def test_the_words_a_scenario_demands_are_printed_in_the_documents():
    """`... says "<words>"` is for the documents' own words only; anywhere else, "shows an error"."""
    seeds = " ".join(seed_of_doc().values()).casefold()
    demanded = {
        f"{path.relative_to(ROOT)}: {words}": words
        for path in (ROOT / "features").rglob("*.feature")
        for words in re.findall(r'\bsays "([^"]+)"', path.read_text())
    }
    assert demanded, "no scenario demands a document's words: drop this test or the step"
    not_printed = [where for where, words in demanded.items() if normalised(words).casefold() not in seeds]
    assert not not_printed, f"words the documents do not print: {not_printed}"


def test_missing_fragment_reads_fragments_in_order():
    seed = "Click Accept on the screen. Enter the password and click Apply."
    assert missing_fragment(f"Click Accept{QUOTE_GAP}click  Apply.", seed) is None
    assert missing_fragment(f"click Apply.{QUOTE_GAP}Click Accept", seed) == "Click Accept"
    assert missing_fragment("Click Decline", seed) == "Click Decline"


def test_grounds_quote_a_documented_requirement_and_explain_an_assumed_one():
    catalogue = load()
    assert catalogue["MO-SSO-3"].grounds.startswith("Documented: \u201cContact your IT administrator")
    assert catalogue["SEC-OUT-1"].grounds.startswith("Assumed: The MiCollab Client document names no log-out")


@pytest.mark.selftest_slow
def test_each_scenarios_allure_result_shows_the_grounds_of_its_requirements(tmp_path):
    """A QA engineer reads, in the Allure report, the seed's words (or the assumption) behind each
    requirement a scenario proves."""
    results = tmp_path / "allure"
    command = [sys.executable, "-m", "pytest", "features", "-q", "-p", "no:cacheprovider", "-n", "0"]
    command += ["--req=MC-CODE-1", "--req=SEC-OUT-1", f"--alluredir={results}", f"--reports-dir={tmp_path}"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    found = [json.loads(path.read_text()) for path in results.glob("*-result.json")]
    assert found, done.stdout[-3000:]
    catalogue = load()
    for result in found:
        reqs = [link["url"] for link in result["links"] if link["type"] == "requirement"]
        assert reqs, result["name"]
        for req_id in reqs:
            grounds = catalogue[req_id].quote or catalogue[req_id].assumption
            assert grounds in result["description"], f"{result['name']}: no grounds of {req_id}"
            assert any(f"{req_id} ({catalogue[req_id].basis})" in link["name"] for link in result["links"])
    described = " ".join(result["description"] for result in found)
    assert catalogue["MC-CODE-1"].quote in described
    assert catalogue["SEC-OUT-1"].assumption in described
