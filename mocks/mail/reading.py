"""Reading an e-mail as its recipient does: the labelled values and the links in its text."""

from __future__ import annotations

from urllib.parse import urlsplit

from mocks.mail.store import Message


def labelled_value(message: Message, label: str) -> str:
    """The value after `Label:` on a line of the plain-text body."""
    prefix = f"{label}:"
    for line in message.text().splitlines():
        if line.strip().startswith(prefix):
            return line.strip()[len(prefix) :].strip()
    raise LookupError(f"the e-mail {message.subject!r} has no {label!r} line")


def links(message: Message) -> list[str]:
    """Every web link in the plain-text body, in order."""
    words = message.text().split()
    return [w for w in words if urlsplit(w).scheme in {"http", "https"} and urlsplit(w).netloc]
