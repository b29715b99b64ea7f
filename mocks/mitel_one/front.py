"""The Mitel One platform's front: what happens to a user (a colleague calls, sends a message,
sends a meeting invitation), the EULA accepted from a client, and the user's signed-in sessions
and the notifications they were sent. A user is one of a tenant's, by e-mail (the tenant's first
user when none is given): a Mitel One account is the tenant's CloudLink account. A tenant starts
with no session, no event and no EULA accepted, and a reset returns it there."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mocks.cloudlink.directory import CloudLinkError
from mocks.cloudlink.front import CloudLinkFront
from mocks.control import control
from mocks.mitel_one import WEB_HOST, web_app
from mocks.mitel_one.api import MitelOneApi
from mocks.mitel_one.mailer import welcome_emails
from mocks.mitel_one.records import KINDS
from mocks.mitel_one.service import CLIENT_TYPES, MitelOne
from mocks.received import Received
from mocks.tenant import Tenant


class MitelOneFront:
    """`web_app_dir`: the web application served beside the API (None: the API alone);
    `tenant_of(tenant_id)`: the world's tenant of that ID (LookupError if none); `received`: what
    the world's mocks received."""

    def __init__(
        self,
        cloudlink: CloudLinkFront,
        web_app_dir: Path | None,
        tenant_of: Callable[[str], Tenant],
        received: Received,
    ) -> None:
        self.service = MitelOne(cloudlink.directory, cloudlink.verify)
        self.web_app_dir, self.tenant_of, self.mailer = web_app_dir, tenant_of, cloudlink.mailer
        self._received = received.to(WEB_HOST)

    def apps(self) -> dict:
        return {WEB_HOST: web_app(self.web_app_dir, MitelOneApi(self.service).routes())}

    def add_tenant(self, tenant: Tenant) -> None:
        """The Mitel One welcome e-mail, with the Account Number, to users with a Mitel One license."""
        self.mailer.send(*welcome_emails(tenant))

    def forget_tenant(self, tenant: Tenant) -> None:
        self.service.sessions.end_all(tenant.cloudlink_account_id)
        self.service.records.forget(tenant.cloudlink_account_id)
        self.service.sso_removed.discard(tenant.cloudlink_account_id)

    def _user(self, tenant_id: str, email: str) -> tuple[str, str]:
        """The e-mail and CloudLink account ID of a user of the tenant."""
        tenant = self.tenant_of(tenant_id)
        email = email or tenant.user.email
        try:
            self.service.cloudlink.find(email, tenant.cloudlink_account_id)
        except CloudLinkError:
            raise LookupError(f"no Mitel One user {email!r} in tenant {tenant_id!r}") from None
        return email, tenant.cloudlink_account_id

    @control("GET", "/mitel-one")
    def ready(self) -> dict:
        """Its address, and whether a web application is served there beside the platform's API."""
        return {"url": f"https://{WEB_HOST}/", "web_app": self.web_app_dir is not None}

    @control("POST", "/mitel-one/reset")
    def reset(self) -> dict:
        """Every session ended (its notification stream closed), every event, notification count
        and EULA acceptance forgotten, every Single Sign-On configuration back, no request received."""
        self.service.sessions.end_all()
        self.service.records.forget()
        self.service.sso_removed.clear()
        self._received.forget()
        return self.ready()

    @control("GET", "/mitel-one/requests")
    def requests(self, device: str = "") -> list[dict]:
        """What the platform and its web application received since the last reset, oldest first."""
        return self._received(device=device)

    @control("GET", "/tenants/{tenant_id}/mitel-one/sessions")
    def sessions(self, tenant_id: str) -> list[dict]:
        """The signed-in sessions of the tenant's users: `email`, `client_type` and how many
        notification `streams` each has open."""
        found = self.service.sessions.of_account(self.tenant_of(tenant_id).cloudlink_account_id)
        return [{"email": s.email, "client_type": s.client_type, "streams": len(s.streams)} for s in found]

    @control("POST", "/tenants/{tenant_id}/mitel-one/events", status=201)
    def send(self, tenant_id: str, kind: str, from_: str = "", text: str = "", email: str = "") -> dict:
        """A call, a message or a meeting invitation for the user, from `from_`: stored, and
        notified to the user's signed-in sessions (how many: `notified_sessions`)."""
        if kind not in KINDS:
            raise ValueError(f"kind is one of {sorted(KINDS)}")
        email, account_id = self._user(tenant_id, email)
        return {"notified_sessions": self.service.send(email, kind, from_, text, account_id)}

    @control("DELETE", "/tenants/{tenant_id}/mitel-one/sso")
    def remove_sso(self, tenant_id: str) -> dict:
        """The IT administrator removes the account's Single Sign-On configuration: from then on the
        sign-in offers the Mitel account password only (a reset puts it back)."""
        self.service.sso_removed.add(self.tenant_of(tenant_id).cloudlink_account_id)
        return {"methods": ["password"]}

    @control("GET", "/tenants/{tenant_id}/mitel-one/notifications")
    def notifications(self, tenant_id: str, email: str = "") -> dict:
        """How many notifications reached the user's sessions (`delivered`), and how many of the
        user's sessions are signed in (`open_sessions`)."""
        email, account_id = self._user(tenant_id, email)
        delivered = self.service.notifications_delivered(email, account_id)
        return {"email": email, "delivered": delivered, "open_sessions": self.service.open_sessions(email)}

    @control("POST", "/tenants/{tenant_id}/mitel-one/eula", status=201)
    def accept_eula(self, tenant_id: str, email: str = "", client_type: str = "mobile") -> dict:
        """The user accepted the end user agreement in a client of `client_type` (web or mobile):
        no client of theirs shows it again."""
        if client_type not in CLIENT_TYPES.values():
            raise ValueError(f"client_type is one of {sorted(CLIENT_TYPES.values())}")
        email, account_id = self._user(tenant_id, email)
        self.service.accept_eula(email, account_id, client_type)
        return {"email": email, "eula_accepted": True, "client_type": client_type}
