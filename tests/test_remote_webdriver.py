"""`--remote-webdriver URL`: the browser on a W3C remote end. Debian's standalone chromedriver
plays the remote end (a Selenium Grid answers the same protocol); a missing one, a malformed
URL and a remote end without Chrome's DevTools commands each get a message to act on."""

from __future__ import annotations

import subprocess
from argparse import ArgumentTypeError

import pytest
from selenium.common.exceptions import WebDriverException

from clients import remote_webdriver, web
from harness.errors import HarnessError
from mocks.netutil import free_port
from tests.test_mutants import run_features

SCENARIO = (
    "features/mitel_one_web/log_in.feature::https://one.mitel.io opens the Welcome to Mitel One page with SIGN IN"
)


@pytest.fixture
def remote_end(tmp_path):
    """`chromedriver --port=N` on loopback, ready once it says it started; its log beside it."""
    if not web.CHROMEDRIVER.exists():
        pytest.skip("chromedriver is not installed: run make setup")
    port, log = free_port(), tmp_path / "chromedriver.log"
    command = [str(web.CHROMEDRIVER), f"--port={port}", f"--log-path={log}", "--log-level=INFO"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        said = next((line for line in iter(process.stdout.readline, "") if "started successfully" in line), "")
        assert said, f"chromedriver did not start (exit status {process.poll()})"
        yield f"http://127.0.0.1:{port}", log
    finally:
        process.terminate()
        process.wait(timeout=10)


def scenario_status(summary: dict) -> str:
    return next(s["status"] for s in summary["requirements"]["MO-IN-1"]["scenarios"] if s["id"] == SCENARIO)


def test_a_browser_scenario_passes_on_a_remote_end(remote_end, tmp_path):
    url, log = remote_end
    summary = run_features("", ["MO-IN-1"], tmp_path, f"--remote-webdriver={url}")
    assert scenario_status(summary) == "passed", (tmp_path / "pytest-output.txt").read_text()[-4000:]
    assert "InitSession" in log.read_text()  # the session was the remote end's


def test_an_unreachable_remote_end_is_a_harness_error_saying_so(tmp_path):
    url = f"http://127.0.0.1:{free_port()}"
    summary = run_features("", ["MO-IN-1"], tmp_path, f"--remote-webdriver={url}")
    assert scenario_status(summary) == "error"
    output = (tmp_path / "pytest-output.txt").read_text()
    assert f"HarnessError: no remote WebDriver answers at {url}" in output


def test_a_malformed_url_is_refused_when_pytest_starts():
    with pytest.raises(ArgumentTypeError, match=r"not an http\(s\) URL of a WebDriver end: 'grid:4444'"):
        remote_webdriver.remote_url("grid:4444")
    assert remote_webdriver.remote_url("http://grid:4444/wd/hub/") == "http://grid:4444/wd/hub"


class NoDevTools:
    """A remote session whose end refuses `goog/cdp/execute`, as some cloud farms do."""

    def execute_cdp_cmd(self, cmd: str, args: dict):
        raise WebDriverException("unknown command: goog/cdp/execute")

    def quit(self) -> None:
        self.quitted = True


def test_a_remote_end_without_devtools_is_named(monkeypatch):
    session = NoDevTools()
    monkeypatch.setattr(remote_webdriver, "start", lambda url, options: session)
    monkeypatch.setattr(web, "spki_hash", lambda path: "AAAA")
    with pytest.raises(HarnessError, match=r"remote WebDriver at http://farm:4444 refuses Chrome DevTools commands"):
        web.Browser("http://127.0.0.1:9", "unused.pem", remote="http://farm:4444")
    assert session.quitted
