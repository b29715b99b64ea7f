"""A long run's memory stays flat: once a scenario is over, nothing holds its tenants, devices
and clients (pytest and pytest-bdd would, for the rest of the run; harness/release.py) and the
world has let its tenants and their e-mails go (the fixture `world`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The MiCollab server and the e-mails, CloudLink, Azure AD with its second factor, Mitel One.
CHOSEN = ["--req", "MC-CODE-2", "--req", "MC-CL-4", "--req", "MC-CL-8", "--req", "MOB-EULA-2"]


def test_a_finished_scenario_leaves_nothing_of_its_own_behind(tmp_path):
    out = tmp_path / "retention.jsonl"
    command = [sys.executable, "-m", "pytest", "features", "-m", "not browser", *CHOSEN, "--count=2", "-q"]
    command += ["-n", "0", "-p", "no:cacheprovider", "-p", "tests.retention", f"--basetemp={tmp_path / 'tmp'}"]
    env = {**os.environ, "HARNESS_RETENTION": str(out)}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, (done.stdout + done.stderr)[-4000:]
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) >= 20, rows
    assert all(row["made"] for row in rows), rows  # each scenario made tenants and devices to watch
    kept = [row for row in rows if row["still_held"] or row["world_tenants"] or row["mails_kept"]]
    assert kept == []
