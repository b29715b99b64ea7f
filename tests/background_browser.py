"""A pytest plugin for a self-test (`-p tests.background_browser`): the session's browser keeps
making requests of its own, to a host nobody simulates, as Chromium's push-messaging check-in
does, while scenarios that use no browser run on the same worker. How many it made is written to
the file HARNESS_BACKGROUND_COUNT names."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

CHECKIN = "https://android.clients.google.com/checkin"


@pytest.fixture(scope="session", autouse=True)
def browser_in_the_background(chromium, simulated):
    stop = threading.Event()

    def keep_asking() -> None:
        while not stop.is_set():
            chromium.driver.get(CHECKIN)  # not a page's request: the browser's (Sec-Fetch-Site: none)
            stop.wait(0.02)

    thread = threading.Thread(target=keep_asking, daemon=True)
    thread.start()
    yield
    stop.set()
    thread.join(timeout=30)
    own = [f for f in simulated.proxy.flows() if f["browser_own"] and f["host"] in CHECKIN]
    Path(os.environ["HARNESS_BACKGROUND_COUNT"]).write_text(str(len(own)))
