"""A conforming variant of the reference MiCollab Client that words every message its own way.

The documents print no message of the MiCollab Client, so a client may say what it likes: the
scenarios check that an error is shown, not its words. This client, whose every message (errors,
the pages of its web view) is reworded, must pass every scenario the reference passes
(tests/test_reworded_client.py). The license terms are the server's agreement, which the
license agreement screen must show as they are (harness.checks.DOCUMENTED_CONTENT).
"""

from __future__ import annotations

import zlib
from dataclasses import replace

from clients.driver import Screen
from clients.micollab import MiCollabClient

WORDINGS = (
    "The password is not correct. Try again.",
    "That did not work. Please have another go.",
    "Sorry, something is not right here.",
)


def reworded(message: str) -> str:
    """Another wording for `message`, the same one each time."""
    return WORDINGS[zlib.crc32(message.encode()) % len(WORDINGS)]


class RewordedClient(MiCollabClient):
    """The reference's screens and behaviour; every message shown in other words."""

    def screen(self) -> Screen:
        shown = super().screen()
        if shown.name == "license agreement":
            return shown
        return replace(shown, messages=tuple(reworded(message) for message in shown.messages))
