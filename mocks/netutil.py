"""Loopback sockets and servers in threads: bound before they run, so there is nothing to wait for."""

from __future__ import annotations

import asyncio
import errno
import socket
import threading

import uvicorn

from failures import HarnessError

LOOPBACK = "127.0.0.1"


def listening_socket(port: int = 0) -> socket.socket:
    """A TCP socket listening on the loopback address (port 0: a free one).

    IPPROTO_TCP explicitly: uvicorn sets TCP_NODELAY only on sockets that say so, and without it
    every keep-alive response waits ~40 ms for the peer's delayed ACK.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((LOOPBACK, port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise HarnessError(f"port {port} on {LOOPBACK} is busy: stop what uses it or choose another") from exc
        raise
    sock.listen(128)
    return sock


def free_port() -> int:
    """A port free right now, for servers that insist on binding themselves (a chromedriver)."""
    with listening_socket() as sock:
        return sock.getsockname()[1]


class HttpServerThread:
    """An ASGI app served by uvicorn in a daemon thread on an already-listening loopback socket.

    The socket listens before the thread starts, so a client may connect at once: the kernel
    queues the connection until uvicorn accepts it. An error in the server is kept and raised
    by `check()` in the test that next uses it.
    """

    def __init__(self, app, name: str, port: int = 0) -> None:
        self.name = name
        self._socket = listening_socket(port)
        self.port: int = self._socket.getsockname()[1]
        config = uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False)
        self._server = uvicorn.Server(config)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=f"mock-{name}", daemon=True)

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def start(self) -> HttpServerThread:
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            asyncio.run(self._server.serve(sockets=[self._socket]))
        except BaseException as exc:  # kept for check(): a thread cannot raise into the test
            self._error = exc

    def check(self) -> None:
        if self._error is not None or not self._thread.is_alive():
            raise HarnessError(f"the {self.name} mock server stopped: {self._error!r}")

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=5)
        self._socket.close()
