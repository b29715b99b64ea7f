"""Forged answers to a user's next sign-in on the Unified login page, as someone between CloudLink
and the application would send them: asked for by the harness to prove that a client refuses a
mismatch (SEC-OAUTH-1; RFC 6749 §10.12, cross-site request forgery, and §4.1.2's `state`).

  state  the sign-in's own code, with a state that is not the one the application sent
  code   another sign-in's answer, its code and its state, in place of this sign-in's
  no_state  the sign-in's own code with no state at all (RFC 6749 §4.1.2: the state is REQUIRED
         in the answer when the request had one; a client that checks it only when present is fooled)

Free of HTTP: the directory makes the answer, the app only sends it. `presented` counts the
forged code's redemptions at /token, which a client that refuses the answer never makes.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass, field

KINDS = ("state", "code", "no_state")


@dataclass
class Forgery:
    email: str
    kind: str
    sent: dict[str, str] = field(default_factory=dict)  # the code and state sent instead, once sent
    presented: int = 0  # redemptions of the forged answer's code at /token


class Forgeries:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: dict[str, Forgery] = {}  # by e-mail, lower case: the next sign-in's
        self._by_code: dict[str, Forgery] = {}

    def forge_next(self, email: str, kind: str) -> Forgery:
        if kind not in KINDS:
            raise ValueError(f"a forged answer is one of {KINDS}, not {kind!r}")
        forgery = Forgery(email.lower(), kind)
        with self._lock:
            self._pending[forgery.email] = forgery
        return forgery

    def take(self, email: str) -> Forgery | None:
        """The forgery asked for the sign-in of `email`, used once."""
        with self._lock:
            return self._pending.pop(email.lower(), None)

    def send(self, forgery: Forgery, code: str) -> dict[str, str]:
        """The forged answer: `code` with a state no application sent, or with none."""
        state = "" if forgery.kind == "no_state" else secrets.token_urlsafe(16)  # "": the answer has none
        forgery.sent = {"code": code, "state": state}
        with self._lock:
            self._by_code[code] = forgery
        return dict(forgery.sent)

    def presented(self, code: str) -> None:
        with self._lock:
            forgery = self._by_code.get(code)
            if forgery is not None:
                forgery.presented += 1

    def all(self) -> list[Forgery]:
        with self._lock:
            return [*self._pending.values(), *self._by_code.values()]

    def clear(self) -> None:
        """Every forgery forgotten, sent or not (a reset)."""
        with self._lock:
            self._pending.clear()
            self._by_code.clear()
