"""`python -m mocks serve`: the simulated world without pytest, until interrupted.

Prints one JSON line on standard output once everything is up: the proxy to set on a device, the
CA it must trust, the simulated hosts, the SMTP server, CloudLink's registered clients, each
tenant's IDs (Azure AD tenant, CloudLink account, Mitel One account number), applications,
users and passwords, and the control API (docs/world-api.md).
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sys
import threading
from pathlib import Path

from failures import HarnessError
from mocks import settings
from mocks.standalone import serve

# The reference web applications, served unless others are given: the Mitel One web app at
# one.mitel.io, the MiCollab Web Client at /ucs/micollab/ of every MiCollab server.
CLIENTS = Path(__file__).resolve().parents[1] / "clients"
REFERENCE_WEB_APP = CLIENTS / "mitel_one_web" / "static"
REFERENCE_MICOLLAB_WEB_CLIENT = CLIENTS / "micollab_web" / "static"


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m mocks", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser(
        "serve",
        help="start every mock and the proxy, create tenants, run until interrupted",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run.add_argument("--tenants", type=int, default=None, help="how many tenants (default: 1, or the file's list)")
    run.add_argument("--seed", type=int, default=None, help="Faker seed: the same seed makes the same tenants")
    run.add_argument(
        "--settings",
        metavar="FILE",
        help="tenant settings, .json or .toml: settings for every tenant and an optional `tenants` list, one each",
    )
    run.add_argument(
        "--web-app",
        metavar="DIR",
        default=str(REFERENCE_WEB_APP),
        help="the Mitel One web application served at one.mitel.io (default: the reference app)",
    )
    run.add_argument("--no-web-app", action="store_true", help="serve the Mitel One platform API alone")
    run.add_argument(
        "--micollab-web-client",
        metavar="DIR",
        default=str(REFERENCE_MICOLLAB_WEB_CLIENT),
        help="the MiCollab Web Client served at /ucs/micollab/ (default: the reference one)",
    )
    settings.add_arguments(run)
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1, 1_000_000)
    try:
        tenants = settings.tenant_settings(args)
        web_app = None if args.no_web_app else Path(args.web_app)
        web_client = Path(args.micollab_web_client)
        for option, folder in (("--web-app", web_app), ("--micollab-web-client", web_client)):
            if folder is not None and not (folder / "index.html").is_file():
                raise ValueError(f"{option} {folder}: no index.html there")
        platform, description = serve(tenants, seed, web_app, web_client)
    except (HarnessError, ValueError, OSError) as exc:
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
