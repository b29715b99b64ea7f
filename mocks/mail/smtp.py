"""A real SMTP server (aiosmtpd) on the loopback address, writing every message to the store."""

from __future__ import annotations

from aiosmtpd.controller import Controller

from mocks.mail.store import MailStore
from mocks.netutil import LOOPBACK, free_port


class _StoreHandler:
    def __init__(self, store: MailStore) -> None:
        self._store = store

    async def handle_DATA(self, server, session, envelope) -> str:
        self._store.add(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content)
        return "250 Message accepted for delivery"


class SmtpServer:
    """aiosmtpd's `Controller(port=0)` cannot report the port it got, so a free one is chosen first."""

    def __init__(self, store: MailStore) -> None:
        self.host = LOOPBACK
        self.port = free_port()
        self._controller = Controller(_StoreHandler(store), hostname=self.host, port=self.port)

    def start(self) -> SmtpServer:
        self._controller.start()  # returns once the server answers a probe connection
        return self

    def stop(self) -> None:
        self._controller.stop()
