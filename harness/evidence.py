"""Evidence of one scenario (screen transcripts, e-mails received), masked, attached to Allure.

Fixtures put what they make into the test item's stash; the plugin attaches it all once the
scenario ends, so steps never deal with reporting.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import allure
import pytest
from pytest_bdd.steps import step_function_context_registry

from harness.masking import Masker
from harness.recording import RecordingDriver


@dataclass
class Evidence:
    masker: Masker = field(default_factory=Masker)
    drivers: list[RecordingDriver] = field(default_factory=list)
    mail_sources: list = field(default_factory=list)  # callables returning (name, raw bytes) pairs
    secret_sources: list = field(default_factory=list)  # callables returning values to mask
    har_sources: list = field(default_factory=list)  # callables returning the scenario's traffic as HAR


KEY = pytest.StashKey[Evidence]()


def of(item: pytest.Item) -> Evidence:
    return item.stash.setdefault(KEY, Evidence())


def masker(item: pytest.Item) -> Masker:
    """The scenario's masker, knowing every secret its world has made so far."""
    found = of(item)
    for source in found.secret_sources:
        found.masker.add(*source())
    return found.masker


def step_parameters(item: pytest.Item, step, step_func) -> dict[str, str]:
    """The parameters a step takes from its Gherkin text (not its fixtures), masked."""
    contexts = [
        c
        for c in list(step_function_context_registry.values())
        if c.step_func is step_func and c.parser.is_matching(step.name)
    ]
    parsed = (contexts[0].parser.parse_arguments(step.name) or {}) if contexts else {}
    if not parsed:
        return {}
    mask = masker(item)
    return {name: mask(str(value)) for name, value in parsed.items()}


def attach_screen(driver: RecordingDriver, title: str) -> None:
    """The browser's screen as a PNG; why there is none, if the browser cannot take it."""
    try:
        shot = driver.inner.screenshot()
    except Exception as exc:  # a dead browser must not hide the step's own failure
        allure.attach(f"no screenshot: {exc!r}", f"{title} ({driver.name})", allure.attachment_type.TEXT)
        return
    allure.attach(shot, f"{title} ({driver.name})", allure.attachment_type.PNG)


def attach_failed_step_screens(item: pytest.Item) -> None:
    """A step failed: every browser of the scenario shows what the user saw at that moment."""
    found = item.stash.get(KEY, None)
    if found is None or not item.config.option.allure_report_dir:
        return
    for driver in found.drivers:
        if hasattr(driver.inner, "screenshot"):
            attach_screen(driver, "screen at the failed step")


def _wanted(item: pytest.Item) -> Evidence | None:
    found = item.stash.get(KEY, None)
    if found is None or not item.config.option.allure_report_dir:
        return None  # nobody would read it: fetching the traffic and e-mails is not free
    return found


def attach_screens(item: pytest.Item) -> None:
    """Each device's screen transcript, and a browser's last screen as the user saw it."""
    if (found := _wanted(item)) is None:
        return
    mask = masker(item)
    for driver in found.drivers:
        transcript = "\n".join(driver.transcript) or "(no action)"
        allure.attach(mask(transcript), f"screen transcript ({driver.name})", allure.attachment_type.TEXT)
        if hasattr(driver.inner, "screenshot"):
            attach_screen(driver, "last screen")


def attach_traffic(item: pytest.Item) -> None:
    """The scenario's traffic and e-mails, once its devices are closed."""
    if (found := _wanted(item)) is None:
        return
    mask = masker(item)
    for source in found.har_sources:
        allure.attach(mask.har(source()), "traffic (HAR)", "application/json", "har")
    for source in found.mail_sources:
        for name, raw in source():
            allure.attach(mask.email(raw), name, "message/rfc822", "eml")


def forget(item: pytest.Item) -> None:
    """The scenario is over and reported: its evidence (which reaches its world, and the world its
    tenants and Faker) is let go, so a long run's memory stays flat."""
    if KEY in item.stash:
        del item.stash[KEY]


def note_known_issue(item: pytest.Item, req_id: str, present: bool) -> None:
    """A documented defect (a known issue) observed or not in the product: the summary reports
    whether the product has it, apart from the verdict, which it never decides."""
    item.user_properties.append(("known_issue", f"{req_id}={'present' if present else 'absent'}"))
