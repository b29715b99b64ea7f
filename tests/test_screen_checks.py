"""The checks that read which screen a client shows and whether it says anything."""

from __future__ import annotations

import pytest

from clients.driver import Screen, ScreenKeeper
from harness import checks
from harness.errors import ConformanceFailure

AFTER_UPGRADE = ("CloudLink Sign-in", "password")


def showing(*screens: Screen) -> ScreenKeeper:
    client = ScreenKeeper()
    for screen in screens:
        client.show(screen)
    return client


@pytest.mark.parametrize("name", AFTER_UPGRADE)
def test_one_of_screens_names_the_one_shown(name):
    assert checks.one_of_screens(showing(Screen("Manual Login"), Screen(name.upper())), AFTER_UPGRADE) == name


def test_one_of_screens_fails_on_any_other_screen():
    with pytest.raises(ConformanceFailure, match="CloudLink Sign-in or password"):
        checks.one_of_screens(showing(Screen("Manual Login", messages=("Try again.",))), AFTER_UPGRADE)


def test_a_message_of_any_wording_is_shown():
    checks.error_shown(showing(Screen("password", messages=("Invalid username or password.",))))
    with pytest.raises(ConformanceFailure, match="shows an error"):
        checks.error_shown(showing(Screen("password")))
