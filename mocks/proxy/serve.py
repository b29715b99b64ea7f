"""The proxy process: mitmproxy's Master with only the addons a simulated network needs, run
by the proxy's own Python (`.tools/proxy/bin/python serve.py ...`).

Why not `mitmdump -s addon.py`: mitmdump loads some thirty default addons (playback, map
local, sticky cookies, anticache ...), and mitmproxy hands every event of every flow to each
of them. None of them is used here; with them, the proxy spent about a quarter of its time
dispatching events nobody handles.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import importlib.util
import json
import signal
import sys
from pathlib import Path


def addons_package_alone() -> None:
    """`mitmproxy.addons` as a bare package: its __init__ imports all thirty default addons (and
    Flask, for the onboarding app), over half of the proxy's start-up, for five of them used here.
    The package is made from its spec without running that __init__; its modules import as ever."""
    try:
        spec = importlib.util.find_spec("mitmproxy.addons")
    except ImportError:
        return  # mitmproxy is missing: the import below says so
    if spec is not None and spec.name not in sys.modules:
        sys.modules[spec.name] = importlib.util.module_from_spec(spec)


addons_package_alone()
try:
    from mitmproxy import certs, options
    from mitmproxy.addons import core, errorcheck, next_layer, proxyserver, tlsconfig
    from mitmproxy.master import Master
except ImportError as missing:  # the harness reads this from the log and names the Python it ran
    sys.exit(f"mitmproxy is not installed for {sys.executable}: {missing}")


def expire(store: certs.CertStore, entry: certs.CertStoreEntry) -> None:
    """mitmproxy's CertStore.expire, with the certificate let go of found by identity: mitmproxy
    compares every stored certificate with it by SHA-256 fingerprint, computed each time. Every
    scenario's tenant has host names of its own, so past the store's hundred certificates every
    new one cost that scan (mitmproxy 11.0.2, pinned)."""
    store.expire_queue.append(entry)
    if len(store.expire_queue) > store.STORE_CAP:
        gone = store.expire_queue.pop(0)
        store.certs = {name: kept for name, kept in store.certs.items() if kept is not gone}


certs.CertStore.expire = expire

import addon  # noqa: E402 (after the bare package above) the harness's addons, next to this file


def arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--listen-host", required=True, help="where devices reach the proxy")
    parser.add_argument("--browser-host", required=True, help="where the browser reaches it: a listener of its own")
    parser.add_argument("--require-identity", action="store_true", help="answer 407 to a device that gives no name")
    parser.add_argument("--port-file", required=True, help="where the port it listens on is written")
    parser.add_argument("--confdir", required=True, help="where mitmproxy finds the CA (the harness's own: ca.py)")
    parser.add_argument("--hosts", required=True, help="comma-separated host patterns the mocks answer for")
    parser.add_argument("--upstream", required=True, help="host:port of the loopback network front")
    return parser.parse_args(argv)


class ReportPort:
    """Listening on port 0, the proxy tells the harness which ports it got, once it listens: a
    port chosen first and bound later could be taken in between (by the SMTP mock, once).
    Written as `{"devices": port, "browser": port}`, by listen host."""

    def __init__(self, server: proxyserver.Proxyserver, path: str, hosts: dict[str, str]) -> None:
        self.server, self.path, self.hosts = server, Path(path), hosts

    def running(self) -> None:
        ports = {host: port for host, port, *_ in self.server.listen_addrs()}
        written = self.path.with_suffix(".tmp")
        written.write_text(json.dumps({name: ports[host] for name, host in self.hosts.items()}))
        written.replace(self.path)  # whole or not at all: the harness may read it at any moment


async def serve(args: argparse.Namespace) -> None:
    # The CA's folder from the start: set later, TlsConfig would load the CA a second time (40 ms).
    opts = options.Options(confdir=args.confdir)
    master = Master(opts, with_termlog=True)
    server = proxyserver.Proxyserver()
    master.addons.add(core.Core(), server, next_layer.NextLayer(), tlsconfig.TlsConfig(), errorcheck.ErrorCheck())
    listeners = {"devices": args.listen_host, "browser": args.browser_host}
    master.addons.add(*addon.addons, ReportPort(server, args.port_file, listeners))
    opts.update(  # once the addons that declare these options are in
        mode=[f"regular@{host}:0" for host in listeners.values()],
        listen_host=args.listen_host,
        listen_port=0,
        harness_browser_host=args.browser_host,
        harness_require_identity=args.require_identity,
        connection_strategy="lazy",
        termlog_verbosity="warn",
        harness_hosts=args.hosts,
        harness_upstream=args.upstream,
    )
    loop = asyncio.get_running_loop()
    for stop in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(stop, master.shutdown)
    await master.run()
    gc.freeze()  # the flows of the whole run are garbage now: no last collection over them at exit


if __name__ == "__main__":
    asyncio.run(serve(arguments(sys.argv[1:])))
