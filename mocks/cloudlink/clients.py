"""The applications registered with CloudLink: client ID, redirect URIs and, for a confidential
client, its secret. Real CloudLink keeps clients per account (its Admin API lists
`accounts/{accountId}/clients`); how they are created is not public, so the harness registers
them over its own control API (docs/world-api.md), platform-wide."""

from __future__ import annotations

import secrets
import threading
import uuid
from dataclasses import asdict, dataclass
from urllib.parse import urlsplit

from mocks.cloudlink.directory import CloudLinkError


@dataclass(frozen=True)
class Client:
    client_id: str
    redirect_uris: tuple[str, ...]
    name: str = ""
    client_secret: str = ""  # empty: a public client (native or browser app), which sends none

    def describe(self) -> dict:
        return asdict(self) | {"redirect_uris": list(self.redirect_uris)}


def invalid_client(message: str) -> CloudLinkError:
    return CloudLinkError(401, "invalid_client", message)


class Clients:
    def __init__(self, builtin: dict[str, tuple[str, ...]] | None = None) -> None:
        self._clients: dict[str, Client] = {}
        self._lock = threading.Lock()
        self._builtin = dict(builtin or {})
        self.reset()

    def reset(self) -> None:
        """Only the applications registered from the start."""
        with self._lock:
            self._clients.clear()
        for client_id, redirect_uris in self._builtin.items():
            self.register(redirect_uris, client_id=client_id)

    def register(self, redirect_uris, client_id: str = "", name: str = "", confidential: bool = False) -> Client:
        """A new application; a client ID is made when none is given; a secret when confidential."""
        uris = tuple(str(uri) for uri in redirect_uris)
        if not all(urlsplit(uri).scheme for uri in uris):
            raise ValueError("every redirect URI must be absolute (RFC 6749 §3.1.2)")
        secret = secrets.token_urlsafe(32) if confidential else ""
        client = Client(client_id or str(uuid.uuid4()), uris, name, secret)
        with self._lock:
            if client.client_id in self._clients:
                raise ValueError(f"the client ID {client.client_id!r} is already registered")
            self._clients[client.client_id] = client
        return client

    def get(self, client_id: str) -> Client | None:
        with self._lock:
            return self._clients.get(client_id)

    def redirect_uri_ok(self, client_id: str, redirect_uri: str) -> bool:
        client = self.get(client_id)
        return client is not None and redirect_uri in client.redirect_uris

    def authenticate(self, client_id: str, secret: str) -> None:
        """A registered confidential client must send its secret (RFC 6749 §2.3.1); a public one
        sends none. Client IDs nobody registered are taken as public clients: Mitel's developer
        samples use their own client IDs with the authentication API."""
        client = self.get(client_id)
        if client is None or not client.client_secret:
            if secret:
                raise invalid_client("This client is public: it has no secret to send.")
            return
        if not secrets.compare_digest(secret.encode(), client.client_secret.encode()):
            raise invalid_client("Client authentication failed.")

    def all(self) -> list[Client]:
        with self._lock:
            return list(self._clients.values())
