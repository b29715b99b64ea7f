"""The MiCollab server's front: each server (by its host name) and what it holds for its users —
their sessions, the user data it handed out, its deployments and the requests it received. A
reset puts every server back as its tenant was provisioned (directory.py, `restore`)."""

from __future__ import annotations

from pathlib import Path

from mocks.control import control
from mocks.micollab_server.app import micollab_app
from mocks.micollab_server.directory import Account, MiCollabDirectory, ServerTenant, authentication_code
from mocks.micollab_server.mailer import Mailer, deployment_link
from mocks.received import Received
from mocks.tenant import Tenant


class MiCollabFront:
    """`verify_cloudlink(token) -> claims` checks a CloudLink token against CloudLink's keys;
    `web_client`: the MiCollab Web Client's pages; `mailer` sends the server's e-mails;
    `received`: what the world's mocks received."""

    def __init__(
        self, verify_cloudlink, cloudlink_login_page: str, web_client: Path | None, mailer: Mailer, received: Received
    ) -> None:
        self.directory = MiCollabDirectory(verify_cloudlink, cloudlink_login_page)
        self.web_client, self.mailer = web_client, mailer
        self._received = received.to("micollab.*")

    def apps(self) -> dict:
        return {"micollab.*": micollab_app(self.directory, self.web_client, self._received)}

    def add_tenant(self, tenant: Tenant) -> None:
        """Provisions the users and sends each the welcome and deployment e-mails."""
        self.mailer.send_user_created(tenant, self.directory.add_tenant(tenant))

    def forget_tenant(self, tenant: Tenant) -> None:
        self.directory.forget_tenant(tenant)

    def secrets_of(self, tenant: Tenant) -> list[str]:
        return self.directory.secrets_of(tenant)

    def _server(self, server: str) -> ServerTenant:
        found = self.directory.tenant(server)
        if found is None:
            raise LookupError(f"no MiCollab server {server!r}")
        return found

    def _account(self, server: str, login_id: str) -> Account:
        account = self._server(server).accounts.get(login_id)
        if account is None:
            raise LookupError(f"no user {login_id!r} on {server}")
        return account

    @control("GET", "/micollab")
    def ready(self) -> dict:
        """The MiCollab servers it answers for, one per tenant (`micollab.<tenant domain>`)."""
        return {"servers": self.directory.hosts()}

    @control("POST", "/micollab/reset")
    def reset(self) -> dict:
        """Every server as its tenant was provisioned: no sessions, the e-mailed deployments unused
        again (the Self Deployment's gone), no wrong passwords counted or lockout, nothing
        imported, CloudLink-based Authentication as the tenant has it, no request received."""
        self.directory.restore()
        self._received.forget()
        return self.ready()

    @control("GET", "/micollab/{server}/sessions")
    def open_sessions(self, server: str, login_id: str) -> int:
        """The user's MiCollab Client sessions that have not ended or expired."""
        state = self._server(server)
        self._account(server, login_id)
        return self.directory.open_sessions(state.tenant, login_id)

    @control("DELETE", "/micollab/{server}/sessions")
    def end_sessions(self, server: str, login_id: str) -> int:
        """Ends (revokes) the user's MiCollab Client sessions, as an administrator would; how many."""
        state = self._server(server)
        self._account(server, login_id)
        return self.directory.end_sessions(state.tenant, login_id)

    @control("PUT", "/micollab/{server}/cloudlink-auth")
    def set_cloudlink_auth(self, server: str, enabled: bool) -> bool:
        """Enables or disables CloudLink-based Authentication for the server's users from their
        next login on, as an administrator does on the MiCollab server (a reset puts back the
        tenant's setting); the setting as it now is."""
        state = self._server(server)
        state.cloudlink_auth = enabled
        return state.cloudlink_auth

    @control("GET", "/micollab/{server}/sessions/all")
    def sessions(self, server: str) -> list[dict]:
        """Every session the server holds that has not ended or expired: `login_id`, `kind`
        (client, web, deployment) and `expires_at` (the tenant's time)."""
        return self.directory.sessions_of(self._server(server).tenant)

    @control("GET", "/micollab/{server}/imports")
    def imports(self, server: str, login_id: str) -> int:
        """How many times the server handed the user's data to a client to import."""
        return self._account(server, login_id).imports

    @control("GET", "/micollab/{server}/deployments")
    def deployments(self, server: str) -> list[dict]:
        """Every deployment (link and authentication code) the server made, and whether it is still usable."""
        state = self._server(server)
        now, ttl = state.tenant.clock.now(), state.tenant.settings.deployment_ttl
        return [
            {
                "login_id": d.login_id,
                "link": deployment_link(state.tenant, d, self.mailer.scheme),
                "authentication_code": authentication_code(state.tenant.server_host, d.code_secret),
                "used": d.used,
                "expired": now > d.created_at + ttl,
                "expires_at": d.created_at + ttl,
            }
            for d in state.deployments
        ]

    @control("GET", "/micollab/{server}/codes")
    def codes(self, server: str) -> list[dict]:
        """The deployments still usable: neither used nor expired."""
        return [d | {"kind": "deployment"} for d in self.deployments(server) if not (d["used"] or d["expired"])]

    @control("GET", "/micollab/{server}/requests")
    def requests(self, server: str, device: str = "") -> list[dict]:
        """What the server received since the world's last reset, oldest first (`device`: only
        from devices whose proxy ID starts with it)."""
        self._server(server)
        return self._received(host=server, device=device)
