"""Chooses the client under test: a built-in name or an importable `module:attribute` factory.

A factory is any callable `(ClientSettings) -> Driver`: a class such as the reference
`MiCollabClient`, or a function a vendor writes around their own client.
"""

from __future__ import annotations

import importlib
import importlib.metadata
from collections.abc import Callable

from clients.driver import ClientSettings, Driver
from failures import AdapterError

BUILT_IN = {"reference": "clients.micollab:MiCollabClient"}
MOBILE_BUILT_IN = {"reference": "clients.mitel_one_mobile:MitelOneMobile"}  # Mitel One mobile clients
NOT_APPLICABLE = "not-applicable"
# What a client can be asked to do beyond the basics; a factory declares the ones it has as
# `capabilities` (all of them when it declares nothing), and the platforms it runs on as `platforms`.
CAPABILITIES = frozenset({"deployment-link", "manual-login", "mobile-upgrade"})
PLATFORMS = frozenset({"PC", "MAC", "iOS", "Android"})

Factory = Callable[[ClientSettings], Driver]


JSON_PREFIX = "json:"


ENTRY_POINT_GROUP = "login_conformance.clients"  # an installed adapter package names itself here


def installed_adapters() -> dict[str, str]:
    """Adapters that installed packages declare, by name: `name = "module:Factory"`."""
    return {ep.name: ep.value for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)}


def load_factory(name: str, built_in: dict[str, str] = BUILT_IN) -> Factory:
    if name.startswith(JSON_PREFIX):
        from clients.remote import JsonProtocolClient  # a process is started only when asked for

        return JsonProtocolClient(name.removeprefix(JSON_PREFIX))
    spec = built_in.get(name) or installed_adapters().get(name, name)
    module_name, _, attribute = spec.partition(":")
    if not attribute:
        known = ", ".join(sorted(built_in | installed_adapters()))
        raise AdapterError(
            f"unknown client {name!r}: use one of [{known}], an importable 'module:Factory' "
            f"or 'json:<command>' for a client speaking the JSON protocol"
        )
    try:
        factory = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError) as exc:
        raise AdapterError(f"cannot load client adapter {spec!r}: {exc}") from exc
    if not callable(factory):
        raise AdapterError(f"client adapter {spec!r} is not callable: it must build a Driver from ClientSettings")
    return factory


def declared_capabilities(factory: Factory) -> frozenset[str]:
    return frozenset(getattr(factory, "capabilities", CAPABILITIES))


def declared_platforms(factory: Factory) -> frozenset[str]:
    return frozenset(getattr(factory, "platforms", PLATFORMS))
