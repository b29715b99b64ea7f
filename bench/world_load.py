"""A pytest plugin for `make bench` (`-p bench.world_load`): the world already holds
HARNESS_BENCH_TENANTS tenants when the first scenario starts, and the worker's memory (resident
set) once a tenth of the scenarios have run and at the end is written to the file
HARNESS_BENCH_MEMORY names: the same process, the same collected items, ten times the scenarios."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from mocks.world import World


@pytest.fixture(scope="session", autouse=True)
def tenants_already_there(simulated, pytestconfig):
    world = World(simulated, pytestconfig.harness_seed, "bench: tenants already there")
    for _ in range(int(os.environ.get("HARNESS_BENCH_TENANTS", "0"))):
        world.new_tenant()


def resident_bytes() -> int:
    """VmRSS of this process, from /proc."""
    line = next(x for x in Path("/proc/self/status").read_text().splitlines() if x.startswith("VmRSS:"))
    return int(line.split()[1]) * 1024


class Memory:
    def __init__(self) -> None:
        self.total, self.done, self.resident = 0, 0, []

    def pytest_collection_finish(self, session) -> None:
        self.total = len(session.items)

    def pytest_runtest_logfinish(self, nodeid, location) -> None:
        self.done += 1
        if self.done == max(1, self.total // 10):
            self.resident.append(resident_bytes())

    def pytest_sessionfinish(self, session) -> None:
        Path(os.environ["HARNESS_BENCH_MEMORY"]).write_text(json.dumps([*self.resident, resident_bytes()]))


def pytest_configure(config) -> None:
    if os.environ.get("HARNESS_BENCH_MEMORY"):
        config.pluginmanager.register(Memory(), "bench-memory")
