"""CloudLink's rate limit on sign-in attempts: too many in a window answers 429 + Retry-After."""

from __future__ import annotations

import threading
from collections import defaultdict

from mocks.cloudlink.directory import CloudLinkError, CloudLinkUser

ATTEMPTS_PER_WINDOW = 20
WINDOW = 60.0


class RateLimiter:
    def __init__(self) -> None:
        self._attempts: dict[str, list[float]] = defaultdict(list)
        self._lock = threading.Lock()

    def attempt(self, entry: CloudLinkUser) -> None:
        now = entry.tenant.clock.now()  # the tenant's clock: a scenario can wait out the window
        key = f"{entry.account_id}:{entry.user.email}"
        with self._lock:
            recent = [t for t in self._attempts[key] if t > now - WINDOW]
            recent.append(now)
            self._attempts[key] = recent
        if len(recent) > ATTEMPTS_PER_WINDOW:
            retry_after = int(recent[0] + WINDOW - now) + 1
            raise CloudLinkError(429, "too_many_requests", "Too many sign-in attempts.", retry_after=retry_after)

    def clear(self) -> None:
        """Every attempt forgotten (a reset)."""
        with self._lock:
            self._attempts.clear()
