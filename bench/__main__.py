"""`python -m bench`: world start-up and per-scenario wall time, written to reports/bench.json.

Targets (issue: walking skeleton): world up <= 1 s; median non-browser scenario <= 50 ms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"world start-up": 1.0, "scenario wall time": 0.050}


def figure(name: str, unit: str, samples: list[float]) -> dict:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"name": name, "unit": unit, "median": statistics.median(ordered), "p95": p95, "runs": len(ordered)}


COLD_START = """
import time
began = time.perf_counter()
import httpx
from mocks.platform import Platform
platform = Platform().start()
httpx.get(platform.mailbox_url + "/_mock/ready", proxy=platform.proxy_url).raise_for_status()
print(time.perf_counter() - began)
platform.stop()
"""


def world_startup(runs: int) -> dict:
    """A new process importing the mocks, starting every server and getting an answer through
    the network front: what each test session (each xdist worker) pays once."""
    samples = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", COLD_START], cwd=ROOT, check=True, capture_output=True, text=True)
        samples.append(float(done.stdout.strip()))
    return figure("world start-up", "s", samples)


def scenario_times(repeats: int) -> dict:
    """Each scenario's wall time (setup, steps, teardown) from JUnit XML, in one worker. The
    first scenario of a run also starts the world, which is measured above, so it is left out."""
    samples = []
    with tempfile.TemporaryDirectory() as scratch:
        for run in range(repeats):
            junit = Path(scratch) / f"run{run}.xml"
            command = [sys.executable, "-m", "pytest", "features", "-q", "-p", "no:cacheprovider", "-p", "no:xdist"]
            subprocess.run([*command, f"--junitxml={junit}"], cwd=ROOT, check=True, capture_output=True)
            cases = ET.parse(junit).getroot().iter("testcase")
            samples += [float(case.get("time")) for case in cases][1:]
    return figure("scenario wall time", "s", samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", default="reports")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    figures = [world_startup(args.runs), scenario_times(args.runs)]
    out = Path(args.reports) / "bench.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=2) + "\n")
    print(f"{'figure':<22} {'median':>10} {'p95':>10} {'runs':>6} {'target':>8}")
    for f in figures:
        target = TARGETS.get(f["name"])
        verdict = "" if target is None else ("ok" if f["median"] <= target else "MISSED")
        row = f"{f['name']:<22} {f['median'] * 1000:>8.1f}ms {f['p95'] * 1000:>8.1f}ms {f['runs']:>6}"
        print(f"{row} {target * 1000:>6.0f}ms {verdict}")
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
