"""Evidence of one scenario (screen transcripts, e-mails received), masked, attached to Allure.

Fixtures put what they make into the test item's stash; the plugin attaches it all once the
scenario ends, so steps never deal with reporting.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import allure
import pytest

from harness.masking import Masker
from harness.recording import RecordingDriver


@dataclass
class Evidence:
    masker: Masker = field(default_factory=Masker)
    drivers: list[RecordingDriver] = field(default_factory=list)
    mail_sources: list = field(default_factory=list)  # callables returning (name, raw bytes) pairs
    secret_sources: list = field(default_factory=list)  # callables returning values to mask


KEY = pytest.StashKey[Evidence]()


def of(item: pytest.Item) -> Evidence:
    return item.stash.setdefault(KEY, Evidence())


def attach_all(item: pytest.Item) -> None:
    found = item.stash.get(KEY, None)
    if found is None:
        return
    mask = found.masker
    for source in found.secret_sources:
        mask.add(*source())
    for driver in found.drivers:
        transcript = "\n".join(driver.transcript) or "(no action)"
        allure.attach(mask(transcript), f"screen transcript ({driver.name})", allure.attachment_type.TEXT)
    for source in found.mail_sources:
        for name, raw in source():
            allure.attach(mask.bytes(raw), name, "message/rfc822", "eml")
