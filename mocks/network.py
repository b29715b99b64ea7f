"""The loopback network front: one HTTP server that answers for the real host names.

It is an HTTP forward proxy for plain-HTTP requests (RFC 9112 §3.2.2 absolute-form), so a
client only needs its ordinary proxy setting; each request goes to the mock app that owns its
host, in-process. A host that nobody simulates is refused with 502 and recorded, never
forwarded: nothing leaves the simulated network.
"""

from __future__ import annotations

import fnmatch
import threading
from urllib.parse import urlsplit

from starlette.responses import PlainTextResponse

from mocks.netutil import HttpServerThread


def _origin_form(scope: dict) -> dict:
    """Rewrites an absolute-form request target to origin form, keeping the Host it names."""
    path = scope["path"]
    if not path.startswith(("http://", "https://")):
        return scope
    target = urlsplit(path)
    headers = [(k, v) for k, v in scope["headers"] if k != b"host"] + [(b"host", target.netloc.encode())]
    return {**scope, "path": target.path or "/", "raw_path": (target.path or "/").encode(), "headers": headers}


class HostRouter:
    """An ASGI app dispatching on the Host header to the app registered for that host pattern."""

    def __init__(self) -> None:
        self._routes: list[tuple[str, object]] = []
        self.refused: list[str] = []
        self._lock = threading.Lock()

    def register(self, host_pattern: str, app) -> None:
        self._routes.append((host_pattern.lower(), app))

    def app_for(self, host: str):
        return next((app for pattern, app in self._routes if fnmatch.fnmatchcase(host, pattern)), None)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return
        scope = _origin_form(scope)
        host = dict(scope["headers"]).get(b"host", b"").decode().rsplit(":", 1)[0].lower()
        app = self.app_for(host)
        if app is None:
            with self._lock:
                self.refused.append(host)
            app = PlainTextResponse(f"{host or 'this host'} is not simulated by the harness", status_code=502)
        await app(scope, receive, send)


class Network:
    def __init__(self) -> None:
        self.router = HostRouter()
        self._server = HttpServerThread(self.router, "network")

    @property
    def proxy_url(self) -> str:
        return self._server.url

    @property
    def port(self) -> int:
        return self._server.port

    def start(self) -> Network:
        self._server.start()
        return self

    def check(self) -> None:
        self._server.check()

    def stop(self) -> None:
        self._server.stop()
