"""A plugin for a nested run (tests/test_retention.py): once each scenario is over and torn down,
whether anything still holds what it made (its tenants, its devices and their clients) and whether
the world still has its tenants and their e-mails; one JSON line each, to the file that
HARNESS_RETENTION names."""

from __future__ import annotations

import gc
import json
import os
import weakref
from pathlib import Path

from harness import evidence


class Retention:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.simulated = None
        self.made: list[weakref.ref] = []
        self.tenant_ids: list[str] = []
        self.addresses: list[str] = []

    def pytest_bdd_after_scenario(self, request, feature, scenario) -> None:
        world = request.getfixturevalue("world")
        self.simulated = request.getfixturevalue("simulated")
        self.made = [weakref.ref(x) for x in (*world.tenants, *evidence.of(request.node).drivers)]
        self.tenant_ids = [tenant.id for tenant in world.tenants]
        self.addresses = [user.email for tenant in world.tenants for user in tenant.users]

    def pytest_runtest_logfinish(self, nodeid, location) -> None:
        gc.collect()
        row = {
            "scenario": nodeid,
            "made": len(self.made),
            "still_held": sum(ref() is not None for ref in self.made),
            "world_tenants": [t for t in self.tenant_ids if t in self.simulated.tenants],
            "mails_kept": sum(len(self.simulated.mail.messages(a)) for a in self.addresses),
        }
        with self.out.open("a") as out:
            out.write(json.dumps(row) + "\n")
        self.made, self.tenant_ids, self.addresses = [], [], []


def pytest_configure(config) -> None:
    config.pluginmanager.register(Retention(Path(os.environ["HARNESS_RETENTION"])), "harness-retention")
