"""A plugin for the crash self-test (`-p tests.isolation.stop_browser`): in the scenario named
"The browser stops in the middle of this scenario", Chromium is killed once the web app is open,
as a browser that crashes."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

SCENARIO = "The browser stops in the middle of this scenario"
AFTER = "the user clicks the URL https://one.mitel.io"


def children(pid: int) -> list[int]:
    """The processes `pid` started, from any of its threads."""
    return [int(c) for task in Path(f"/proc/{pid}/task").iterdir() for c in (task / "children").read_text().split()]


@pytest.hookimpl
def pytest_bdd_after_step(request, feature, scenario, step, step_func, step_func_args) -> None:
    if scenario.name == SCENARIO and step.name == AFTER:
        chromedriver = request.getfixturevalue("chromium").driver.service.process.pid
        for chromium in children(chromedriver):
            os.kill(chromium, signal.SIGKILL)
