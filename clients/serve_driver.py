"""`python -m clients.serve_driver <client>`: any Python client (a built-in name or
module:Factory) served over the JSON protocol of `clients.remote`, one line per message.

The reference implementation of the protocol's other end, and the self-test's way of proving
that a client plugged in through the protocol gets the same verdicts as one plugged in directly.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import sys

from clients.adapters import declared_capabilities, declared_platforms, load_factory
from clients.driver import ClientSettings


class DriverServer:
    def __init__(self, client: str) -> None:
        self.factory = load_factory(client)
        self.devices: dict[str, object] = {}
        self._names = (f"d{n}" for n in itertools.count(1))

    def handle(self, method: str, params: dict):
        if method == "describe":
            factory = self.factory
            return {
                "capabilities": sorted(declared_capabilities(factory)),
                "platforms": sorted(declared_platforms(factory)),
            }
        if method == "start":
            device = next(self._names)
            self.devices[device] = self.factory(ClientSettings(**params))
            return {"device": device}
        device = params.pop("device")
        result = getattr(self.devices[device], method)(**params)
        if method == "close":
            del self.devices[device]
        return dataclasses.asdict(result) if dataclasses.is_dataclass(result) else result


def serve(client: str, lines=sys.stdin, out=sys.stdout) -> None:
    server = DriverServer(client)
    for line in lines:
        request = json.loads(line)
        try:
            answer = {"id": request["id"], "result": server.handle(request["method"], request.get("params") or {})}
        except Exception as exc:  # the harness shows it as an adapter error of that step
            answer = {"id": request["id"], "error": {"type": type(exc).__name__, "message": str(exc)}}
        out.write(json.dumps(answer) + "\n")
        out.flush()


if __name__ == "__main__":
    serve(sys.argv[1] if len(sys.argv) > 1 else "reference")
