"""`python -m bench`: world start-up, per-scenario wall time, the whole run, the mailbox's wait,
and how cost grows with the scenarios and the tenants; written to reports/bench.json.

Targets (TARGETS): mocks and proxy up <= 0.5 s; median non-browser scenario <= 25 ms, browser
scenario <= 0.4 s; the proxy's tax (the same scenarios through the proxy over TLS vs direct to
the mocks) <= 1.5x; -n 2 against -n 1 >= 1.8x; `make conformance` after set-up <= 20 s; an e-mail
visible through the mailbox's wait <= 0.8 ms (maildev's figure: 0.8-1.3 ms); memory per worker and
a scenario's cost flat (within 10 %, 20 %) with ten times the scenarios and a hundred tenants.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from bench.mail import visible_after_send

ROOT = Path(__file__).resolve().parents[1]
# name -> (target, whether the figure must stay at or below it, or reach at least it)
TARGETS = {
    "mocks start-up": (0.5, "at most"),
    "mocks and proxy start-up": (0.5, "at most"),
    "scenario wall time": (0.025, "at most"),
    "proxy tax": (1.5, "at most"),
    "speed-up with 2 workers": (1.8, "at least"),
    "cost per scenario at 10x": (1.2, "at most"),  # ten times the scenarios: flat
    "CloudLink + Azure AD + MFA login": (0.150, "at most"),
    "browser scenario wall time": (0.4, "at most"),
    "make conformance": (20.0, "at most"),  # every feature, two workers, the reports, after set-up
    "e-mail visible through the wait": (0.0008, "at most"),  # maildev: 0.8-1.3 ms
    "worker memory at 10x": (1.10, "at most"),  # resident set after ten times the scenarios: flat
    "scenario, 1 tenant already there": (0.025, "at most"),
    "scenario, 10 tenants already there": (0.025, "at most"),
    "scenario, 100 tenants already there": (0.025, "at most"),
}
FULL_LOGIN = "after_the_second_factor"  # the scenario that goes through every service and page
# The documented procedures' scenarios that run on both networks (Azure AD's federation needs TLS).
PROCEDURES = "doc and not idp and not browser"


def figure(name: str, unit: str, samples: list[float]) -> dict:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"name": name, "unit": unit, "median": statistics.median(ordered), "p95": p95, "runs": len(ordered)}


COLD_START = """
import time
import ssl
import httpx
from mocks.platform import Platform
began = time.perf_counter()
platform = Platform(direct=DIRECT).start()
tls = ssl.create_default_context(cafile=platform.ca_bundle)
httpx.get(platform.mailbox_url + "/_mock/ready", proxy=platform.proxy_url, verify=tls).raise_for_status()
print(time.perf_counter() - began)
platform.stop()
"""


def world_startup(runs: int, direct: bool) -> dict:
    """A new process starting every server (and the proxy) and getting an answer through the
    network: what each test session (each xdist worker) waits for once. The imports are left
    out: pytest has made them when it collected the features."""
    script = f"DIRECT = {direct}\n{COLD_START}"
    samples = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True, capture_output=True, text=True)
        samples.append(float(done.stdout.strip()))
    return figure("mocks start-up" if direct else "mocks and proxy start-up", "s", samples)


def scenario_times(repeats: int, *options: str, marker: str = PROCEDURES, env: dict | None = None) -> list[float]:
    """Each scenario's wall time (setup, steps, teardown) from JUnit XML, in one worker. The
    first scenario of a run also starts the world, which is measured above, so it is left out."""
    samples = []
    with tempfile.TemporaryDirectory() as scratch:
        for run in range(repeats):
            junit = Path(scratch) / f"run{run}.xml"
            command = [sys.executable, "-m", "pytest", "features", "-m", marker, "-q", "-p", "no:cacheprovider"]
            command += ["-p", "no:xdist", *options, f"--junitxml={junit}"]
            subprocess.run(command, cwd=ROOT, check=True, capture_output=True, env={**os.environ, **(env or {})})
            cases = ET.parse(junit).getroot().iter("testcase")
            samples += [float(case.get("time")) for case in cases][1:]
    return samples


def proxy_tax(through_proxy: list[float], repeats: int) -> dict:
    """Median scenario time through the proxy over TLS, divided by the same scenarios direct."""
    direct = scenario_times(repeats, "--network=direct", "--client=bench.direct:DirectMiCollabClient")
    return figure("proxy tax", "x", [statistics.median(through_proxy) / statistics.median(direct)])


def wall_time(*options: str) -> float:
    """One run of the documented procedures' scenarios, start to end, as a user waits for it."""
    command = [sys.executable, "-m", "pytest", "features", "-m", PROCEDURES, "-q", "-p", "no:cacheprovider", *options]
    began = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - began


def worker_speed_up(repeats: int) -> dict:
    """`-n 1` against `-n 2` (both through xdist's controller: the figure is what a second worker
    buys), on ten times the scenarios so start-up does not dominate; pairs run one after the
    other, so a slow spell of the machine falls on both sides of a ratio."""
    ratios = [wall_time("-n", "1", "--count=10") / wall_time("-n", "2", "--count=10") for _ in range(repeats)]
    return figure("speed-up with 2 workers", "x", ratios)


def growth(base: list[float]) -> dict:
    """Median scenario time with ten times the scenarios in one session, over the median of one
    time: the cost per scenario must stay flat as the run goes on (a scenario's tenants leave the
    world with it; `with_tenants` measures a world that holds more)."""
    tenfold = scenario_times(1, "--count=10")
    ratio = statistics.median(tenfold) / statistics.median(base)
    return {"name": "cost per scenario at 10x", "unit": "x", "median": ratio, "p95": ratio, "runs": len(tenfold)}


def whole_run(repeats: int) -> dict:
    """`make conformance` after set-up, as a user waits for it: every feature on two workers,
    then the Allure report and the summary."""
    samples = []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as scratch:
            began = time.perf_counter()
            command = ["make", "--no-print-directory", "conformance", f"REPORTS={scratch}"]
            subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
            samples.append(time.perf_counter() - began)
    return figure("make conformance", "s", samples)


def worker_memory() -> dict:
    """The worker's resident memory once it has run ten times the procedures' scenarios, over
    once it had run the first tenth of them, in the same process (the same items collected)."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "rss"
        scenario_times(1, "-p", "bench.world_load", "--count=10", env={"HARNESS_BENCH_MEMORY": str(out)})
        tenth, end = json.loads(out.read_text())
    return {"name": "worker memory at 10x", "unit": "x", "median": end / tenth, "p95": end / tenth, "runs": 1,
            "bytes": [tenth, end]}  # fmt: skip


def with_tenants(tenants: int, repeats: int) -> dict:
    """One scenario's wall time when the world already holds `tenants` tenants."""
    env = {"HARNESS_BENCH_TENANTS": str(tenants)}
    samples = scenario_times(repeats, "-p", "bench.world_load", env=env)
    plural = "tenant" if tenants == 1 else "tenants"
    return figure(f"scenario, {tenants} {plural} already there", "s", samples)


def spread(values: list[float]) -> dict:
    ordered = sorted(values)
    return {
        "median": statistics.median(ordered),
        "p95": ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))],
    }


def show(value: float, unit: str) -> str:
    if unit != "s":
        return f"{value:>9.2f}{unit}"
    return f"{value:>9.1f}s" if value >= 10 else f"{value * 1000:>8.{2 if value < 0.01 else 1}f}ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", default="reports")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    through_proxy = scenario_times(args.runs)
    full_login = scenario_times(1, "-k", FULL_LOGIN, "--count=20", marker="idp")
    in_browser = scenario_times(1, "--count=3", marker="browser")
    figures = [
        world_startup(args.runs, direct=True),
        world_startup(args.runs, direct=False),
        figure("scenario wall time", "s", through_proxy),
        proxy_tax(through_proxy, args.runs),
        worker_speed_up(max(3, args.runs // 2)),
        growth(through_proxy),
        figure("CloudLink + Azure AD + MFA login", "s", full_login),
        figure("browser scenario wall time", "s", in_browser),
        whole_run(3),
        figure("e-mail visible through the wait", "s", visible_after_send(200)),
        worker_memory(),
        *(with_tenants(n, max(1, args.runs // 2)) for n in (1, 10, 100)),
    ]
    out = Path(args.reports) / "bench.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=2) + "\n")
    print(f"{'figure':<36} {'median':>10} {'p95':>10} {'runs':>6} {'target':>10}")
    for f in figures:
        target, direction = TARGETS[f["name"]]
        met = f["median"] <= target if direction == "at most" else f["median"] >= target
        verdict = "ok" if met else "MISSED"
        print(
            f"{f['name']:<36} {show(f['median'], f['unit'])} {show(f['p95'], f['unit'])} {f['runs']:>6} "
            f"{show(target, f['unit'])} {verdict}"
        )
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
