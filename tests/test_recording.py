"""A product that crashes fails; a driver the harness wrote around a product does not blame it."""

from __future__ import annotations

import pytest

from clients.driver import Screen
from harness.errors import AdapterError, ConformanceFailure
from harness.recording import RecordingDriver


class Crashing:
    def screen(self) -> Screen:
        return Screen("start")

    def press(self, label: str) -> None:
        raise KeyError("error")  # a server's answer the client did not expect

    def open_link(self, url: str) -> None:
        raise AdapterError("not this client's link")


def test_an_exception_from_the_product_is_its_failure():
    driver = RecordingDriver(Crashing(), "PC #1", is_product=True)
    with pytest.raises(ConformanceFailure, match="the client crashed: KeyError"):
        driver.press("Apply")
    assert "crashed: KeyError" in driver.transcript[-1]


def test_an_adapter_error_stays_an_adapter_error():
    with pytest.raises(AdapterError):
        RecordingDriver(Crashing(), "PC #1", is_product=True).open_link("https://elsewhere.example/")


def test_an_exception_from_the_harness_own_driver_is_not_the_product_s():
    with pytest.raises(KeyError):
        RecordingDriver(Crashing(), "browser").press("Apply")
