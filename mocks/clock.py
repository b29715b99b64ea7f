"""An injectable clock: wall time plus an offset that scenarios advance instead of sleeping.

Wall time, not a frozen instant, because real clients validate token times against their own
clock. Each tenant has its own clock, so advancing one scenario's time never expires another's.
"""

from __future__ import annotations

import threading
import time


class Clock:
    def __init__(self) -> None:
        self._offset = 0.0
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return time.time() + self._offset

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("time only moves forward")
        with self._lock:
            self._offset += seconds

    def reset(self) -> None:
        """Back to wall time: every move forward undone (a world's reset)."""
        with self._lock:
            self._offset = 0.0
