"""How a scenario ends: its devices are closed, then the wire audit reads what they sent.

The end is the scenario's last act, inside the test (pytest-bdd's after-scenario hook), so a wire
violation fails the scenario as a step's failure does, rather than as an error at teardown. When a
step has already failed, the fixtures' teardown ends it instead (each part runs once either way).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import allure
import pytest


@dataclass
class Ending:
    closers: list[Callable[[], None]] = field(default_factory=list)  # the devices
    audits: list[Callable[[], None]] = field(default_factory=list)  # what reads their traffic
    step_failed: bool = False


KEY = pytest.StashKey[Ending]()


def of(item: pytest.Item) -> Ending:
    if KEY not in item.stash:
        item.stash[KEY] = Ending()
    return item.stash[KEY]


def forget(item: pytest.Item) -> None:
    """The scenario is over: what is left of its ending is let go with it (pytest keeps the item
    until the run ends)."""
    if KEY in item.stash:
        del item.stash[KEY]


def close_devices(item: pytest.Item) -> None:
    closers = of(item).closers
    while closers:
        closers.pop(0)()


def finish(item: pytest.Item) -> None:
    """Closes the devices, then runs the audits; what has run already is not run again. After a
    step's failure (the scenario's verdict already), what the audit finds is reported beside it,
    not raised as a second outcome."""
    close_devices(item)
    ending = of(item)
    while ending.audits:
        audit = ending.audits.pop(0)
        if not ending.step_failed:
            audit()
            continue
        try:
            audit()
        except AssertionError as found:
            allure.attach(str(found), "wire audit after the failed step", allure.attachment_type.TEXT)
