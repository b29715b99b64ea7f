"""Received messages, indexed by recipient; waiting for one happens here, not in callers' loops."""

from __future__ import annotations

import email
import email.policy
import itertools
import threading
from dataclasses import dataclass, field
from email.message import EmailMessage

from failures import HarnessError


class MailTimeout(HarnessError):
    """No matching message arrived in time."""


@dataclass(frozen=True)
class Message:
    id: int
    sender: str
    recipients: tuple[str, ...]
    raw: bytes
    parsed: EmailMessage = field(repr=False, compare=False)

    @classmethod
    def from_raw(cls, id_: int, sender: str, recipients: list[str], raw: bytes) -> Message:
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        return cls(id_, sender, tuple(r.lower() for r in recipients), raw, parsed)

    @property
    def subject(self) -> str:
        return str(self.parsed["Subject"] or "")

    @property
    def from_header(self) -> str:
        return str(self.parsed["From"] or "")

    def text(self) -> str:
        """The plain-text body (what a reader sees)."""
        part = self.parsed.get_body(preferencelist=("plain",))
        return part.get_content() if part is not None else ""

    def html(self) -> str:
        part = self.parsed.get_body(preferencelist=("html",))
        return part.get_content() if part is not None else ""

    def summary(self) -> dict:
        return {"id": self.id, "from": self.from_header, "to": list(self.recipients), "subject": self.subject}


class MailStore:
    def __init__(self) -> None:
        self._messages: list[Message] = []
        self._ids = itertools.count(1)
        self._arrived = threading.Condition()

    def add(self, sender: str, recipients: list[str], raw: bytes) -> Message:
        with self._arrived:
            message = Message.from_raw(next(self._ids), sender, recipients, raw)
            self._messages.append(message)
            self._arrived.notify_all()
            return message

    def messages_for(self, address: str) -> list[Message]:
        address = address.lower()
        with self._arrived:
            return [m for m in self._messages if address in m.recipients]

    def get(self, address: str, message_id: int) -> Message | None:
        """A message only through one of its recipients: a tenant never reads another's mail."""
        return next((m for m in self.messages_for(address) if m.id == message_id), None)

    def wait_for(self, address: str, subject: str = "", timeout: float = 5.0, line: str = "") -> Message:
        """The newest message to `address` whose subject contains `subject` and, if `line` is given,
        whose body has that line (a user with several such e-mails picks theirs by what it says),
        waiting up to `timeout`."""

        def matches(message: Message) -> bool:
            return subject.lower() in message.subject.lower() and (not line or line in message.text().splitlines())

        def newest() -> Message | None:
            found = [m for m in self.messages_for(address) if matches(m)]
            return found[-1] if found else None

        with self._arrived:
            message = self._arrived.wait_for(newest, timeout=timeout)
        if message is None:
            wanted = f"subject containing {subject!r}" + (f" and the line {line!r}" if line else "")
            raise MailTimeout(f"no e-mail to {address} with {wanted} within {timeout}s")
        return message
