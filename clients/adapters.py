"""Chooses the client under test: a built-in name or an importable `module:attribute` factory.

A factory is any callable `(ClientSettings) -> Driver`: a class such as the reference
`MiCollabClient`, or a function a vendor writes around their own client.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from clients.driver import ClientSettings, Driver
from harness.errors import AdapterError

BUILT_IN = {"reference": "clients.micollab:MiCollabClient"}

Factory = Callable[[ClientSettings], Driver]


def load_factory(name: str) -> Factory:
    spec = BUILT_IN.get(name, name)
    module_name, _, attribute = spec.partition(":")
    if not attribute:
        known = ", ".join(sorted(BUILT_IN))
        raise AdapterError(f"unknown client {name!r}: use one of [{known}] or an importable 'module:Factory'")
    try:
        factory = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError) as exc:
        raise AdapterError(f"cannot load client adapter {spec!r}: {exc}") from exc
    if not callable(factory):
        raise AdapterError(f"client adapter {spec!r} is not callable: it must build a Driver from ClientSettings")
    return factory
