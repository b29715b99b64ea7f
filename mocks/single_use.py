"""Single-use, expiring records: authorization codes, e-mailed links, reset codes. One store per
kind of record, each with an explicit policy, so that every mock answers the same questions the
same way: how long a record lives, whether a refused use burns it, and how it is told apart
from one that never existed or was already used.

Time is the record's own tenant clock (`now_of`), so advancing one tenant's time never expires
another tenant's records. A used record is kept (marked used) so a second use is told apart from
an unknown token, as Entra does (AADSTS54005 "already redeemed" versus a malformed grant).
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Policy:
    """`ttl` in seconds (None: never expires); `failed_use_burns`: a use that its check refuses
    (wrong verifier, wrong client, wrong code) consumes the record all the same."""

    ttl: float | None
    failed_use_burns: bool = False


class RecordRefused(Exception):
    """Base of the three ways a token is refused; callers map them to their protocol's errors."""


class UnknownRecord(RecordRefused):
    pass


class ExpiredRecord(RecordRefused):
    pass


class UsedRecord(RecordRefused):
    pass


@dataclass
class _Entry(Generic[T]):
    value: T
    expires: float | None
    used: bool = False


class SingleUse(Generic[T]):
    """Tokens to records of type T. `now_of(record)` is the time on the record's clock."""

    def __init__(self, policy: Policy, now_of: Callable[[T], float], token_bytes: int = 24) -> None:
        self.policy = policy
        self._now_of = now_of
        self._token_bytes = token_bytes
        self._entries: dict[str, _Entry[T]] = {}
        self._lock = threading.Lock()

    def issue(self, value: T, ttl: float | None = None, token: str = "") -> str:
        """A new token for `value`, valid for `ttl` (default: the policy's) from now."""
        token = token or secrets.token_urlsafe(self._token_bytes)
        lifetime = self.policy.ttl if ttl is None else ttl
        expires = None if lifetime is None else self._now_of(value) + lifetime
        with self._lock:
            self._entries[token] = _Entry(value, expires)
        return token

    def peek(self, token: str) -> T:
        """The record, if it could be used now; it stays unused (a page that shows a form)."""
        with self._lock:
            return self._valid(token).value

    def use(self, token: str, check: Callable[[T], None] | None = None) -> T:
        """Uses the record once. `check` may raise to refuse this use: the record then stays
        usable, unless the policy says a failed use burns it."""
        with self._lock:
            entry = self._valid(token)
            try:
                if check is not None:
                    check(entry.value)
            except Exception:
                entry.used = entry.used or self.policy.failed_use_burns
                raise
            entry.used = True
            return entry.value

    def values(self) -> list[T]:
        """Every record ever issued, used or not (for masking secrets in reports)."""
        with self._lock:
            return [entry.value for entry in self._entries.values()]

    def tokens(self) -> list[str]:
        with self._lock:
            return list(self._entries)

    def tokens_of(self, where: Callable[[T], bool]) -> list[str]:
        """The tokens of the records `where` accepts, used or not (for masking secrets in reports)."""
        with self._lock:
            return [token for token, entry in self._entries.items() if where(entry.value)]

    def outstanding(self) -> list[tuple[str, T, float | None]]:
        """(token, record, when it expires) of every record that could be used now."""
        with self._lock:
            entries = [(token, entry) for token, entry in self._entries.items() if not entry.used]
        return [(token, e.value, e.expires) for token, e in entries if not self._expired(e)]

    def forget(self, where: Callable[[T], bool] = lambda _: True) -> int:
        """Drops the records `where` accepts (every one by default), used or not; how many."""
        with self._lock:
            gone = [token for token, entry in self._entries.items() if where(entry.value)]
            for token in gone:
                del self._entries[token]
        return len(gone)

    def renew(self) -> None:
        """Every record unused again, expiring when it was issued to (a world's reset, for the
        records a tenant was provisioned with: its clock is back where it was then)."""
        with self._lock:
            for entry in self._entries.values():
                entry.used = False

    def _expired(self, entry: _Entry[T]) -> bool:
        return entry.expires is not None and self._now_of(entry.value) > entry.expires

    def _valid(self, token: str) -> _Entry[T]:
        entry = self._entries.get(token)
        if entry is None:
            raise UnknownRecord("no such record")
        if entry.used:
            raise UsedRecord("the record was already used")
        if self._expired(entry):
            raise ExpiredRecord("the record has expired")
        return entry
