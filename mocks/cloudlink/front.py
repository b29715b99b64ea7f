"""CloudLink's front: the applications registered with it, forged answers to a user's next
sign-in (forgery.py) and what it holds of each tenant's account."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable

from mocks.cloudlink.app import cloudlink_app
from mocks.cloudlink.clients import Client, Clients
from mocks.cloudlink.directory import CloudLinkDirectory
from mocks.cloudlink.federation import Federation
from mocks.cloudlink.forgery import Forgery
from mocks.cloudlink.mailer import welcome_email
from mocks.control import control
from mocks.signing import SigningKey
from mocks.tenant import Tenant

API_HOST = "authentication.api.mitel.io"
LOGIN_HOST = "auth.mitel.io"


def describe_client(client: Client) -> dict:
    answer = client.describe()
    answer.pop("client_secret")
    return answer | ({"client_secret": client.client_secret} if client.client_secret else {})


def describe_forgery(forgery_id: str, forgery: Forgery) -> dict:
    return {"id": forgery_id, "email": forgery.email, "kind": forgery.kind, "sent": dict(forgery.sent),
            "presented": forgery.presented}  # fmt: skip


class CloudLinkFront:
    """`azure_metadata(azure_tenant_id)`: Azure AD's federation metadata as CloudLink's
    administrator downloaded it; `mailer` sends CloudLink's e-mails over SMTP; `clients`: the
    applications registered from the start (client ID -> redirect URIs)."""

    def __init__(self, azure_metadata: Callable[[str], str], mailer, clients: dict[str, tuple[str, ...]]) -> None:
        self.key = SigningKey("cloudlink-2017-09-01")
        self.directory = CloudLinkDirectory()
        self.federation = Federation(azure_metadata)
        self.clients = Clients(clients)
        self.mailer = mailer
        self._forgeries: dict[str, Forgery] = {}
        self._lock = threading.Lock()

    def apps(self) -> dict:
        app = cloudlink_app(self.directory, self.key, self.federation, self.clients, self.mailer)
        return {LOGIN_HOST: app, API_HOST: app}

    def verify(self, token: str) -> dict:
        """The claims of an access token CloudLink signed; raises when it did not."""
        return self.key.verify(token)

    def add_tenant(self, tenant: Tenant) -> None:
        """The account's users, and the welcome e-mail of each who has a password to set up."""
        links = self.directory.add_tenant(tenant)
        self.mailer.send(*(welcome_email(link, self.mailer.scheme) for link in links))

    def secrets_of(self, tenant: Tenant) -> list[str]:
        return self.directory.secrets_of(tenant)

    @control("GET", "/cloudlink")
    def ready(self) -> dict:
        """The hosts it answers for: its authentication API and its Unified login page."""
        return {"hosts": [API_HOST, LOGIN_HOST]}

    @control("GET", "/cloudlink/clients")
    def registered_clients(self) -> list[dict]:
        return [describe_client(c) for c in self.clients.all()]

    @control("POST", "/cloudlink/clients", status=201)
    def register_client(
        self, redirect_uris: list[str], client_id: str = "", name: str = "", confidential: bool = False
    ) -> dict:
        """An application: a client ID made unless given, a secret made when confidential."""
        client = self.clients.register(redirect_uris, client_id=client_id, name=name, confidential=confidential)
        return describe_client(client)

    @control("POST", "/cloudlink/forgeries", status=201)
    def forge_next_answer(self, email: str, kind: str) -> dict:
        """The next sign-in of `email` on the Unified login page is answered with a forgery of
        `kind` (`state`: a state the application never sent; `code`: another sign-in's code)."""
        forgery = self.directory.forge_next_answer(email, kind)
        forgery_id = secrets.token_hex(8)
        with self._lock:
            self._forgeries[forgery_id] = forgery
        return describe_forgery(forgery_id, forgery)

    @control("GET", "/cloudlink/forgeries/{forgery_id}")
    def forgery(self, forgery_id: str) -> dict:
        """What CloudLink sent instead (`sent`: code and state), and how many times the forged
        code was presented at the token endpoint (`presented`)."""
        with self._lock:
            found = self._forgeries.get(forgery_id)
        if found is None:
            raise LookupError(f"no forgery {forgery_id!r}")
        return describe_forgery(forgery_id, found)

    @control("DELETE", "/cloudlink/forgeries")
    def reset(self) -> int:
        """Forgets every forgery not sent yet: the next sign-ins are answered as they should be."""
        with self._lock:
            pending = [f for f in self._forgeries.values() if not f.sent]
        return sum(1 for f in pending if self.directory.forgeries.take(f.email) is not None)
