"""`python -m mocks serve`: the simulated world without pytest, until interrupted.

Prints one JSON object on standard output: the proxy to set on a device, the CA it must trust,
the simulated hosts, the tenants' users and passwords, and the inspection APIs.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sys
import threading

from failures import HarnessError
from mocks.standalone import serve
from mocks.tenant import TenantSettings


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m mocks", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("serve", help="start every mock and the proxy, create tenants, run until interrupted")
    run.add_argument("--tenants", type=int, default=1, help="how many tenants to create (default 1)")
    run.add_argument("--seed", type=int, default=None, help="Faker seed: the same seed makes the same tenants")
    run.add_argument("--cloudlink-auth", action="store_true", help="enable CloudLink-based Authentication")
    run.add_argument("--lockout-threshold", type=int, default=TenantSettings.lockout_threshold)
    run.add_argument("--deployment-ttl", type=float, default=TenantSettings.deployment_ttl, help="seconds")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1, 1_000_000)
    settings = TenantSettings(
        cloudlink_auth=args.cloudlink_auth,
        lockout_threshold=args.lockout_threshold,
        deployment_ttl=args.deployment_ttl,
    )
    try:
        platform, _, description = serve(args.tenants, seed, settings)
    except HarnessError as exc:
        print(f"python -m mocks serve: {exc}", file=sys.stderr)
        return 2
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    print(json.dumps(description), flush=True)
    stop.wait()
    platform.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
