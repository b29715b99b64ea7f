"""What the Mitel One platform keeps for each user, whatever client they use: the EULA
acceptance (one record shared by the web and mobile clients), and the calls, messages and
meeting invitations addressed to them, read or not."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

KINDS = frozenset({"call", "message", "invitation"})


@dataclass(frozen=True)
class Event:
    """A call, a message or a meeting invitation, as the platform stores and delivers it."""

    kind: str  # "call", "message" or "invitation"
    sender: str
    text: str
    at: float

    def as_json(self) -> dict:
        return {"kind": self.kind, "from": self.sender, "text": self.text, "at": self.at}


@dataclass
class UserRecord:
    eula_accepted_by: str = ""  # the client type that accepted it: "web" or "mobile"
    inbox: list[Event] = field(default_factory=list)


class Records:
    def __init__(self) -> None:
        self._users: dict[str, UserRecord] = {}
        self._lock = threading.Lock()

    def _of(self, user_key: str) -> UserRecord:
        return self._users.setdefault(user_key, UserRecord())

    def forget(self, account_id: str = "") -> None:
        """Every record of the account's users (of every user, by default): no EULA accepted, no event."""
        with self._lock:
            for key in [key for key in self._users if key.startswith(f"{account_id}:" if account_id else "")]:
                del self._users[key]

    def accept_eula(self, user_key: str, client_type: str) -> None:
        with self._lock:
            record = self._of(user_key)
            record.eula_accepted_by = record.eula_accepted_by or client_type

    def eula_accepted(self, user_key: str) -> bool:
        with self._lock:
            return bool(self._of(user_key).eula_accepted_by)

    def store(self, user_key: str, event: Event) -> None:
        with self._lock:
            self._of(user_key).inbox.append(event)

    def inbox(self, user_key: str) -> dict[str, list[dict]]:
        """Missed calls, unread messages and meeting invitations: all of them, however old (the
        harness answers no call and reads no message, so every one stays missed or unread)."""
        with self._lock:
            events = list(self._of(user_key).inbox)
        return {
            "missed_calls": [e.as_json() for e in events if e.kind == "call"],
            "unread_messages": [e.as_json() for e in events if e.kind == "message"],
            "meeting_invitations": [e.as_json() for e in events if e.kind == "invitation"],
        }
