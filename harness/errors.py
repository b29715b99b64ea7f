"""The failure classes, where the harness's own modules and older adapters look for them; they
live in `failures`, which imports nothing of the project."""

from failures import AdapterError, ConformanceFailure, HarnessError

__all__ = ["AdapterError", "ConformanceFailure", "HarnessError"]
