"""The checks that read which screen a client shows and whether it says anything: an error is
checked as shown, in any words; words are demanded only through `message_contains`."""

from __future__ import annotations

import pytest

from clients.driver import Screen, ScreenKeeper
from harness import checks
from harness.errors import ConformanceFailure

AFTER_UPGRADE = ("CloudLink Sign-in", "password")
PASSWORD = Screen("password", {"Password": ""}, ("Apply",))


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
