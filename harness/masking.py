"""Masks secrets (passwords, codes, link tokens) before anything reaches a report."""

from __future__ import annotations

MASK = "••••••"
MIN_SECRET_LENGTH = 4  # shorter values would mask ordinary words


class Masker:
    def __init__(self, secrets: list[str] | None = None) -> None:
        self._secrets: set[str] = set()
        self.add(*(secrets or []))

    def add(self, *secrets: str) -> None:
        self._secrets.update(s for s in secrets if s and len(s) >= MIN_SECRET_LENGTH)

    def __call__(self, text: str) -> str:
        for secret in sorted(self._secrets, key=len, reverse=True):  # longest first: no partial leaks
            text = text.replace(secret, MASK)
        return text

    def bytes(self, data: bytes) -> bytes:
        return self(data.decode("utf-8", "replace")).encode()
