"""The checks that demand no words the documents do not print: one case that passes, and one
per way to fail."""

from __future__ import annotations

import pytest

from clients.driver import Screen, ScreenKeeper
from harness import checks
from harness.errors import ConformanceFailure

PASSWORD = Screen("password", {"Password": ""}, ("Apply",))


def showing(*screens: Screen) -> ScreenKeeper:
    driver = ScreenKeeper()
    for screen in screens:
        driver.show(screen)
    return driver


def refused(message: str = "The password is not correct. Try again.") -> Screen:
    return Screen(PASSWORD.name, PASSWORD.fields, PASSWORD.buttons, messages=(message,))


def test_an_error_in_any_words_is_an_error_shown():
    assert checks.error_shown(showing(refused()), "password").messages
    assert checks.error_shown(showing(refused("Nope.")))


def test_no_message_is_no_error_shown():
    with pytest.raises(ConformanceFailure, match="the password screen shows an error"):
        checks.error_shown(showing(PASSWORD), "password")


def test_an_error_on_another_screen_is_not_where_the_document_keeps_the_user():
    elsewhere = Screen("authentication code", messages=("Something went wrong.",))
    with pytest.raises(ConformanceFailure, match="the password screen shows an error"):
        checks.error_shown(showing(PASSWORD, elsewhere), "password")


def test_a_screen_left_is_any_other_screen():
    checks.screen_left(showing(Screen("Mitel One"), Screen("Mitel user login")), "Mitel One")
    with pytest.raises(ConformanceFailure, match="the Mitel One screen is left"):
        checks.screen_left(showing(Screen("Mitel One")), "Mitel One")


def test_a_value_is_shown_in_a_field_whatever_its_label():
    checks.value_shown(showing(Screen("CloudLink Sign-in", {"E-mail address": "ann@example.com"})), "ann@example.com")
    with pytest.raises(ConformanceFailure, match="a field shows"):
        checks.value_shown(showing(Screen("CloudLink Sign-in", {"Email": ""})), "ann@example.com")


def test_words_are_demanded_only_through_message_contains():
    advice = Screen("Mitel user login", messages=("Sign-in failed. Contact your IT administrator.",))
    checks.message_contains(showing(advice), "Contact your IT administrator")
    with pytest.raises(ConformanceFailure):
        checks.message_contains(showing(refused()), "Contact your IT administrator")
