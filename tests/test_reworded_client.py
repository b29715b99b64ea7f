"""Checks demand no words the documents do not print: a MiCollab Client whose messages are all
worded differently from the reference's passes every MiCollab Client scenario."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from harness.catalogue import load
from tests.reworded_client import WORDINGS

ROOT = Path(__file__).resolve().parents[1]
# The reference MiCollab Client's own words (clients/micollab/screens.py); the reference MiCollab
# Web Client, beside it in MC-WEB-* scenarios, keeps its own.
REFERENCE_WORDS = ("Cannot reach the MiCollab server", "could not complete the login", "This deployment has")


@pytest.mark.selftest_slow
def test_a_client_with_its_own_words_passes_every_micollab_client_scenario(tmp_path):
    reqs = [f"--req={req_id}" for req_id in load() if req_id.startswith(("MC-", "SEC-", "RES-"))]
    client = "--client=tests.reworded_client:RewordedClient"
    command = [sys.executable, "-m", "pytest", "features", "-q", "-p", "no:cacheprovider", client, *reqs]
    command += [f"--reports-dir={tmp_path}", f"--alluredir={tmp_path / 'allure'}", f"--basetemp={tmp_path / 'tmp'}"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900, check=False)
    summary = json.loads((tmp_path / "conformance-summary.json").read_text())
    scenarios = [s for entry in summary["requirements"].values() for s in entry["scenarios"]]
    not_passed = [s for s in scenarios if s["status"] != "passed"]
    assert scenarios, done.stdout[-3000:]
    assert not not_passed, f"{not_passed}\n{done.stdout[-3000:]}"
    shown = " ".join(path.read_text(errors="replace") for path in (tmp_path / "allure").iterdir())
    assert any(wording in shown for wording in WORDINGS), "the reworded messages were never shown"
    assert not [words for words in REFERENCE_WORDS if words in shown], "the reference's words were shown"
