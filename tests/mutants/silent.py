"""Mutants that show the user no error where the client must show one.

The documents print no error's words, so the scenarios check that an error is shown, not what
it says: a client that words its messages differently conforms (tests/test_reworded_client.py),
and these, which say nothing at all, must fail.
"""

from __future__ import annotations

from clients.micollab import MiCollabClient
from clients.micollab.api import ApiError


class SilentClient(MiCollabClient):
    """Shows no message for the error codes in `silenced`; the screens are the reference's."""

    silenced: frozenset[str] = frozenset()

    def show_error(self, code: str, **details) -> None:
        if code not in self.silenced:
            super().show_error(code, **details)


class SaysNothingOfAWrongPassword(SilentClient):
    """A refused password leaves the password screen as it was: the user cannot tell."""

    breaks = ("MC-LINK-3",)
    silenced = frozenset({"invalid_credentials"})


class SaysNothingOfARefusedDeployment(SilentClient):
    """An expired or used deployment leaves the client on its start screen, saying nothing."""

    breaks = ("SEC-OAUTH-2",)
    silenced = frozenset({"deployment_expired", "deployment_used"})


class SaysNothingWhenLocked(SilentClient):
    """The locked account's refusal is not shown."""

    breaks = ("SEC-LOCK-1",)
    silenced = frozenset({"account_locked"})


class SaysNothingWhenUnreachable(SilentClient):
    """A server that cannot be reached is not mentioned."""

    breaks = ("RES-DOWN-1",)
    silenced = frozenset({"unreachable", "timed_out"})


class SaysNothingOfAServerError(MiCollabClient):
    """A 5xx answer or a malformed body sends the user back to the password screen, silently."""

    breaks = ("RES-5XX-1",)

    def show_api_error(self, error: ApiError, host: str | None = None) -> None:
        if error.status < 500 and error.code != "server_error":
            super().show_api_error(error, host)


SILENT_MUTANTS = [
    SaysNothingOfAWrongPassword,
    SaysNothingOfARefusedDeployment,
    SaysNothingWhenLocked,
    SaysNothingWhenUnreachable,
    SaysNothingOfAServerError,
]
