"""`--world URL`: the scenarios run against a world started elsewhere, as the README starts it
(`python -m mocks serve`), driven only over HTTP through its proxy, and earn the verdicts they
earn against a world in the harness's own process: the reference passes, a faulty client fails
the same scenarios. The requirements chosen reach every front the steps use (mail, the MiCollab
server's imports and sessions, a tenant's clock and authenticator codes, CloudLink's forgeries
(Single Sign On's forged answers), Mitel One's EULA, events and notifications) and the browser
on the world's own listener."""

from __future__ import annotations

import pytest

from tests.standalone_world import StandaloneWorld
from tests.test_mutants import run_features

MICOLLAB = ["MC-LINK-1", "MC-CODE-2", "MC-CL-9", "RES-5XX-1", "SEC-OAUTH-2"]
MITEL_ONE = ["MO-EULA-3", "MO-OUT-2", "MO-OUT-3", "MO-SSO-3"]
FAULTY = (
    "--client=tests.mutants:NeverOffersImport",  # fails MC-CODE-2
    "--mobile-client=tests.mutants.mobile:KeepsAcceptanceOnThePhone",  # fails MOB-EULA-1 / MO-EULA-3
)


def verdicts(summary: dict) -> dict[str, str]:
    """Scenario -> status, over every requirement the run carried."""
    return {s["id"]: s["status"] for entry in summary["requirements"].values() for s in entry["scenarios"]}


@pytest.fixture(scope="module")
def world():
    started = StandaloneWorld("--seed", "9")  # python -m mocks serve, as the README starts it
    yield started
    assert started.stop() == 0


@pytest.mark.selftest_slow
@pytest.mark.parametrize(("products", "seed"), [((), "21"), (FAULTY, "22")], ids=["the reference", "faulty clients"])
def test_a_world_started_elsewhere_gives_the_verdicts_of_one_in_process(world, tmp_path, products, seed):
    runs = {}
    for where, options in (("in-process", ()), ("world", (f"--world={world['proxy']}",))):
        for part, reqs in (("micollab", MICOLLAB), ("mitel-one", MITEL_ONE)):
            summary = run_features("", reqs, tmp_path / where / part, *products, "-n", "0", f"--seed={seed}", *options)
            runs.setdefault(where, {}).update(verdicts(summary))
    assert runs["world"] == runs["in-process"]
    statuses = set(runs["world"].values()) - {"not-run", "not-applicable"}
    assert statuses == ({"passed"} if not products else {"passed", "failed"}), runs["world"]
