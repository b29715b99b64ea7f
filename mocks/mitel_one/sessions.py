"""Signed-in Mitel One sessions and the notification stream of each: an event for a user goes,
as it happens, to every session of that user (its open streams, or held until the session's
first stream connects), and to nobody once they log out."""

from __future__ import annotations

import asyncio
import secrets
import threading
from dataclasses import dataclass, field

STREAM_CLOSED = None  # what a stream's queue receives when its session ends


@dataclass
class Session:
    user_key: str
    email: str
    name: str
    client_type: str
    streams: list[tuple[asyncio.AbstractEventLoop, asyncio.Queue]] = field(default_factory=list)
    pending: list[dict] = field(default_factory=list)  # events from before a stream connected


class Sessions:
    def __init__(self) -> None:
        self._sessions: dict[str, Session] = {}
        self._delivered: dict[str, int] = {}  # user key -> events pushed to a stream, ever
        self._lock = threading.Lock()

    def open(self, session: Session) -> str:
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._sessions[token] = session
        return token

    def get(self, token: str) -> Session | None:
        with self._lock:
            return self._sessions.get(token)

    def end(self, token: str) -> None:
        with self._lock:
            session = self._sessions.pop(token, None)
        for loop, queue in session.streams if session else []:
            loop.call_soon_threadsafe(queue.put_nowait, STREAM_CLOSED)

    def end_all(self, account_id: str = "") -> None:
        """Ends the sessions of the account's users (every session, by default), and forgets what
        was delivered to them."""
        prefix = f"{account_id}:" if account_id else ""
        with self._lock:
            tokens = [token for token, session in self._sessions.items() if session.user_key.startswith(prefix)]
            self._delivered = {key: n for key, n in self._delivered.items() if not key.startswith(prefix)}
        for token in tokens:
            self.end(token)

    def of_account(self, account_id: str) -> list[Session]:
        with self._lock:
            return [s for s in self._sessions.values() if s.user_key.startswith(f"{account_id}:")]

    def count(self, email: str) -> int:
        with self._lock:
            return sum(1 for s in self._sessions.values() if s.email == email)

    def subscribe(self, session: Session) -> asyncio.Queue:
        """A queue the caller's event loop reads the session's notifications from."""
        queue: asyncio.Queue = asyncio.Queue()
        with self._lock:
            session.streams.append((asyncio.get_running_loop(), queue))
            for event in session.pending:
                queue.put_nowait(event)
            session.pending.clear()
        return queue

    def unsubscribe(self, session: Session, queue: asyncio.Queue) -> None:
        with self._lock:
            session.streams = [(loop, q) for loop, q in session.streams if q is not queue]

    def push(self, user_key: str, payload: dict) -> int:
        """Delivers `payload` to every session of the user; how many sessions it went to."""
        with self._lock:
            sessions = [session for session in self._sessions.values() if session.user_key == user_key]
            streams = [stream for session in sessions for stream in session.streams]
            for session in sessions:
                if not session.streams:
                    session.pending.append(payload)
            self._delivered[user_key] = self._delivered.get(user_key, 0) + len(sessions)
        for loop, queue in streams:
            loop.call_soon_threadsafe(queue.put_nowait, payload)
        return len(sessions)

    def delivered(self, user_key: str) -> int:
        with self._lock:
            return self._delivered.get(user_key, 0)
