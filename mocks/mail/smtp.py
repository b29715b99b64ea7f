"""A real SMTP server (aiosmtpd) on the loopback address, writing every message to the store."""

from __future__ import annotations

import socket

from aiosmtpd.controller import Controller

from mocks.mail.store import MailStore
from mocks.netutil import LOOPBACK, listening_socket


class _StoreHandler:
    def __init__(self, store: MailStore) -> None:
        self._store = store

    async def handle_DATA(self, server, session, envelope) -> str:
        self._store.add(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content)
        return "250 Message accepted for delivery"


class _BoundController(Controller):
    """aiosmtpd's Controller on a socket that already listens (its documented extension point,
    `_create_server`): a port chosen first and bound later could be taken in between."""

    def __init__(self, handler, sock: socket.socket) -> None:
        self._socket = sock
        super().__init__(handler, hostname=LOOPBACK, port=sock.getsockname()[1])

    def _create_server(self):
        return self.loop.create_server(self._factory_invoker, sock=self._socket, ssl=self.ssl_context)


class SmtpServer:
    def __init__(self, store: MailStore) -> None:
        self._controller = _BoundController(_StoreHandler(store), listening_socket())
        self.host, self.port = LOOPBACK, self._controller.port

    def start(self) -> SmtpServer:
        self._controller.start()  # returns once the server answers a probe connection
        return self

    def stop(self) -> None:
        self._controller.stop()
