"""How a scenario ends: its devices are closed, then the wire audit reads what they sent.

The end is the scenario's last act, inside the test (pytest-bdd's after-scenario hook), so a wire
violation fails the scenario as a step's failure does, rather than as an error at teardown. When a
step has already failed, the fixtures' teardown ends it instead (each part runs once either way).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

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


def close_devices(item: pytest.Item) -> None:
    closers = of(item).closers
    while closers:
        closers.pop(0)()


def finish(item: pytest.Item) -> None:
    """Closes the devices, then runs the audits; what has run already is not run again."""
    close_devices(item)
    audits = of(item).audits
    while audits:
        audits.pop(0)()
