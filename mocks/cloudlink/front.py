"""CloudLink's front: the applications registered with it, forged answers to a user's next
sign-in (forgery.py) and what it holds of each tenant's account: its users' refresh tokens, and
the codes and links outstanding. A reset puts every account back as provisioned."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable

from mocks.cloudlink.app import cloudlink_app
from mocks.cloudlink.clients import Client, Clients
from mocks.cloudlink.directory import CloudLinkDirectory
from mocks.cloudlink.federation import Federation
from mocks.cloudlink.forgery import Forgery
from mocks.cloudlink.limits import RateLimiter
from mocks.cloudlink.mailer import reset_url, setup_url, welcome_email
from mocks.control import control
from mocks.received import Received
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


def describe_codes(directory: CloudLinkDirectory, tenant: Tenant, scheme: str) -> list[dict]:
    """The tenant's authorization codes not redeemed, set-up and reset links not used, none expired."""

    def outstanding(records):
        return [found for found in records.outstanding() if found[1].user.tenant is tenant]

    codes = [
        {"kind": "authorization_code", "email": g.user.user.email, "client_id": g.client_id, "code": token,
         "expires_at": expires}
        for token, g, expires in outstanding(directory.grants)
    ]  # fmt: skip
    setups = [
        {"kind": "password_setup", "email": link.user.user.email, "link": setup_url(link, scheme),
         "expires_at": expires}
        for _, link, expires in outstanding(directory.setup_links)
    ]  # fmt: skip
    resets = [
        {"kind": "password_reset", "email": r.user.user.email, "link": reset_url(r, scheme), "code": r.code,
         "expires_at": expires}
        for _, r, expires in outstanding(directory.resets)
    ]  # fmt: skip
    return codes + setups + resets


class CloudLinkFront:
    """`azure_metadata(azure_tenant_id)`: Azure AD's federation metadata as CloudLink's
    administrator downloaded it; `mailer` sends CloudLink's e-mails over SMTP; `clients`: the
    applications registered from the start (client ID -> redirect URIs); `tenant_of(tenant_id)`:
    the world's tenant of that ID (LookupError if none); `received`: what the world's mocks received."""

    def __init__(
        self,
        azure_metadata: Callable[[str], str],
        mailer,
        clients: dict[str, tuple[str, ...]],
        tenant_of: Callable[[str], Tenant],
        received: Received,
    ) -> None:
        self.key = SigningKey("cloudlink-2017-09-01")
        self.directory = CloudLinkDirectory()
        self.federation = Federation(azure_metadata)
        self.clients = Clients(clients)
        self.limiter = RateLimiter()
        self.mailer, self.tenant_of = mailer, tenant_of
        self._received = received.to(API_HOST, LOGIN_HOST)
        self._forgeries: dict[str, Forgery] = {}
        self._lock = threading.Lock()

    def apps(self) -> dict:
        app = cloudlink_app(self.directory, self.key, self.federation, self.clients, self.mailer, self.limiter)
        return {LOGIN_HOST: app, API_HOST: app}

    def verify(self, token: str) -> dict:
        """The claims of an access token CloudLink signed; raises when it did not."""
        return self.key.verify(token)

    def add_tenant(self, tenant: Tenant) -> None:
        """The account's users, and the welcome e-mail of each who has a password to set up."""
        links = self.directory.add_tenant(tenant)
        self.mailer.send(*(welcome_email(link, self.mailer.scheme) for link in links))

    def forget_tenant(self, tenant: Tenant) -> None:
        self.directory.forget_tenant(tenant)
        self.federation.forget(tenant.cloudlink_account_id)

    def secrets_of(self, tenant: Tenant) -> list[str]:
        return self.directory.secrets_of(tenant)

    @control("GET", "/cloudlink")
    def ready(self) -> dict:
        """The hosts it answers for: its authentication API and its Unified login page."""
        return {"hosts": [API_HOST, LOGIN_HOST]}

    @control("POST", "/cloudlink/reset")
    def reset(self) -> dict:
        """Every account as provisioned (its users' passwords, set up or not as the tenant's
        settings say; the welcome e-mails' set-up links unused again; no lockout), no sign-in in
        progress, code, refresh token, password reset, forgery or rate-limited attempt; only the
        applications registered from the start; no request received."""
        self.directory.restore()
        self.clients.reset()
        self.limiter.clear()
        with self._lock:
            self._forgeries.clear()
        self._received.forget()
        return self.ready()

    @control("GET", "/cloudlink/requests")
    def requests(self, device: str = "") -> list[dict]:
        """What its API and its login page received since the last reset, oldest first."""
        return self._received(device=device)

    @control("GET", "/tenants/{tenant_id}/cloudlink/sessions")
    def sessions(self, tenant_id: str) -> list[dict]:
        """The tenant's users' refresh tokens still usable (what keeps a client signed in)."""
        tokens = self.directory.refresh_tokens_of(self.tenant_of(tenant_id))
        return [{"kind": "refresh_token", "email": entry.user.email, "expires_at": at} for entry, at in tokens]

    @control("GET", "/tenants/{tenant_id}/cloudlink/codes")
    def codes(self, tenant_id: str) -> list[dict]:
        """Outstanding: authorization codes not redeemed, password set-up and reset links not used."""
        return describe_codes(self.directory, self.tenant_of(tenant_id), self.mailer.scheme)

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
    def forget_forgeries(self) -> int:
        """Forgets every forgery not sent yet: the next sign-ins are answered as they should be."""
        with self._lock:
            pending = [f for f in self._forgeries.values() if not f.sent]
        return sum(1 for f in pending if self.directory.forgeries.take(f.email) is not None)
