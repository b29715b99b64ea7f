"""An example vendor adapter, outside the harness's packages: a desktop-only client without the
deployment-link hand-off. Run it with

    make conformance CLIENT=examples.desktop_vendor.adapter:make_driver

A real adapter drives the vendor's own client (through Appium, WinAppDriver or its test hooks);
this one wraps the reference client so that it runs anywhere, and declares what it cannot do.
"""

from __future__ import annotations

from clients.driver import ClientSettings, Driver
from clients.micollab import MiCollabClient


def make_driver(settings: ClientSettings) -> Driver:
    """The factory the harness calls once per device a scenario installs."""
    return MiCollabClient(settings)


# What this client can do beyond the basics (clients.adapters.CAPABILITIES), and where it runs:
# scenarios needing anything else are reported not-applicable, never passed.
make_driver.capabilities = frozenset({"manual-login"})
make_driver.platforms = frozenset({"PC", "MAC"})
