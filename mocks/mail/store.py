"""Received messages, indexed by recipient; waiting for one happens here, not in callers' loops."""

from __future__ import annotations

import asyncio
import email
import email.parser
import email.policy
import functools
import itertools
import threading
from dataclasses import dataclass, field
from email.message import EmailMessage

from failures import HarnessError

HEADERS_ONLY = email.parser.BytesHeaderParser(policy=email.policy.default)


class MailTimeout(HarnessError):
    """No matching message arrived in time."""


@dataclass(frozen=True)
class Message:
    id: int
    sender: str
    recipients: tuple[str, ...]
    raw: bytes
    subject: str = field(compare=False)
    from_header: str = field(compare=False)

    @classmethod
    def from_raw(cls, id_: int, sender: str, recipients: list[str], raw: bytes) -> Message:
        """Its headers read on arrival (what a wait and the mailbox's list look at, read once);
        the whole message parsed when first opened: most e-mails a tenant is sent never are."""
        headers = HEADERS_ONLY.parsebytes(raw)
        subject, from_header = str(headers["Subject"] or ""), str(headers["From"] or "")
        return cls(id_, sender, tuple(r.lower() for r in recipients), raw, subject, from_header)

    @functools.cached_property
    def parsed(self) -> EmailMessage:
        return email.message_from_bytes(self.raw, policy=email.policy.default)

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
    """Messages by recipient. A thread waits on a condition (`wait_for`); a server's event loop
    is woken on its own loop (`arrival`), so an answer never waits for a thread to be handed one."""

    def __init__(self) -> None:
        self._by_recipient: dict[str, list[Message]] = {}
        self._ids = itertools.count(1)
        self._arrived = threading.Condition()
        self._wakers: set = set()  # callables run on every arrival, outside the lock

    def add(self, sender: str, recipients: list[str], raw: bytes) -> Message:
        with self._arrived:
            message = Message.from_raw(next(self._ids), sender, recipients, raw)
            for recipient in dict.fromkeys(message.recipients):
                self._by_recipient.setdefault(recipient, []).append(message)
            self._arrived.notify_all()
            wakers = list(self._wakers)
        for wake in wakers:
            wake()
        return message

    def messages_for(self, address: str) -> list[Message]:
        with self._arrived:
            return list(self._by_recipient.get(address.lower(), ()))

    def forget(self, addresses: set[str]) -> list[Message]:
        """Drops the mailboxes of `addresses` (a tenant that has left) and every message in them,
        from every mailbox it was in: the messages dropped."""
        addresses = {a.lower() for a in addresses}  # as the mailboxes are kept
        with self._arrived:
            dropped = {id(m): m for a in addresses for m in self._by_recipient.pop(a, ())}
            for recipient in {r for m in dropped.values() for r in m.recipients} - addresses:
                kept = [m for m in self._by_recipient.get(recipient, ()) if id(m) not in dropped]
                self._by_recipient[recipient] = kept
            return list(dropped.values())

    def keep(self, where) -> None:
        """Keeps only the messages `where` accepts (a reset: the rest were never received)."""
        with self._arrived:
            for recipient, messages in list(self._by_recipient.items()):
                self._by_recipient[recipient] = [m for m in messages if where(m)]

    def get(self, address: str, message_id: int) -> Message | None:
        """A message only through one of its recipients: a tenant never reads another's mail."""
        return next((m for m in self.messages_for(address) if m.id == message_id), None)

    def newest(self, address: str, subject: str = "", line: str = "") -> Message | None:
        """The newest message to `address` whose subject contains `subject` and, if `line` is given,
        whose body has that line (a user with several such e-mails picks theirs by what it says)."""
        wanted = subject.lower()

        def matches(message: Message) -> bool:
            return wanted in message.subject.lower() and (not line or line in message.text().splitlines())

        return next((m for m in reversed(self.messages_for(address)) if matches(m)), None)

    def wait_for(self, address: str, subject: str = "", timeout: float = 5.0, line: str = "") -> Message:
        """`newest`, waiting up to `timeout`."""
        with self._arrived:
            message = self._arrived.wait_for(lambda: self.newest(address, subject, line), timeout=timeout)
        if message is None:
            raise timed_out(address, subject, timeout, line)
        return message

    async def arrival(self, address: str, subject: str = "", timeout: float = 5.0) -> Message:
        """`wait_for` for a coroutine: the running loop is woken when a message arrives."""
        found = self.newest(address, subject)
        if found is not None:  # already there: no waiting set up
            return found
        loop, arrived = asyncio.get_running_loop(), asyncio.Event()

        def wake() -> None:
            loop.call_soon_threadsafe(arrived.set)

        with self._arrived:  # listening before looking: nothing slips in between
            self._wakers.add(wake)
        try:
            async with asyncio.timeout(timeout):
                while (message := self.newest(address, subject)) is None:
                    await arrived.wait()
                    arrived.clear()
                return message
        except TimeoutError:
            raise timed_out(address, subject, timeout) from None
        finally:
            with self._arrived:
                self._wakers.discard(wake)


def timed_out(address: str, subject: str, timeout: float, line: str = "") -> MailTimeout:
    wanted = f"subject containing {subject!r}" + (f" and the line {line!r}" if line else "")
    return MailTimeout(f"no e-mail to {address} with {wanted} within {timeout}s")
