"""Masks secrets (passwords, codes, link tokens) before anything reaches a report."""

from __future__ import annotations

import base64
import email
import email.policy
import json
import re
from urllib.parse import quote, quote_plus

MASK = "••••••"
MIN_SECRET_LENGTH = 4  # shorter values would mask ordinary words
# Whatever is typed into a field with one of these words in its label is a secret, known or not.
SECRET_FIELD = re.compile(r"password|code|otp|secret|token", re.IGNORECASE)
SECRET_HEADERS = {"authorization", "cookie", "set-cookie", "proxy-authorization"}


def is_secret_field(label: str) -> bool:
    return bool(SECRET_FIELD.search(label))


class Masker:
    def __init__(self, secrets: list[str] | None = None) -> None:
        self._known: set[str] = set()  # as given: each is encoded once, however often it is added
        self._secrets: set[str] = set()
        self._longest_first: list[str] | None = None
        self.add(*(secrets or []))

    def add(self, *secrets: str) -> None:
        for secret in set(secrets) - self._known:
            self._known.add(secret)
            if secret and len(secret) >= MIN_SECRET_LENGTH:
                self._secrets.update(encodings(secret))
                self._longest_first = None

    def __call__(self, text: str) -> str:
        if self._longest_first is None:  # longest first: no partial leaks
            self._longest_first = sorted(self._secrets, key=len, reverse=True)
        for secret in self._longest_first:
            text = text.replace(secret, MASK)
        return text

    def bytes(self, data: bytes) -> bytes:
        return self(data.decode("utf-8", "replace")).encode()

    def email(self, raw: bytes) -> bytes:
        """The message with its text parts masked. Masking the raw bytes is not enough: a
        quoted-printable body encodes a password's "=" as "=3D" and wraps long lines."""
        message = email.message_from_bytes(raw, policy=email.policy.default)
        for part in message.walk():
            if part.get_content_maintype() == "text":
                part.set_content(self(part.get_content()), subtype=part.get_content_subtype())
        return self.bytes(message.as_bytes())

    def har(self, har: dict) -> str:
        """HAR JSON with credentials-bearing headers and cookies blanked and known secrets masked."""
        for entry in har.get("log", {}).get("entries", []):
            for side in (entry.get("request", {}), entry.get("response", {})):
                for header in side.get("headers", []):
                    if header.get("name", "").lower() in SECRET_HEADERS:
                        header["value"] = MASK
                for cookie in side.get("cookies", []):
                    cookie["value"] = MASK
        return json.dumps(self.values(har), indent=1)

    def values(self, data):
        """Every string in a JSON-like structure masked (before it is written: a secret escaped
        once more by the writer would no longer be found)."""
        if isinstance(data, dict):
            return {key: self.values(value) for key, value in data.items()}
        if isinstance(data, list):
            return [self.values(value) for value in data]
        return self(data) if isinstance(data, str) else data


def encodings(secret: str) -> set[str]:
    """The secret as a request may carry it: as typed, percent-encoded (a form, a query, a path),
    escaped in JSON, base64 in either alphabet."""
    raw = secret.encode()
    encoded = {base64.b64encode(raw).decode().rstrip("="), base64.urlsafe_b64encode(raw).decode().rstrip("=")}
    return {secret, quote(secret, safe=""), quote_plus(secret), json.dumps(secret)[1:-1], *encoded}
