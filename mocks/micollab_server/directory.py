"""The MiCollab server's state and rules, free of HTTP: deployments, accounts, sessions."""

from __future__ import annotations

import base64
import secrets
import threading
from dataclasses import dataclass, field

from mocks.tenant import Tenant, User


class ServerError(Exception):
    """A refusal the API turns into an HTTP answer: `code` is the wire error code."""

    status = 400

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(detail or code)
        self.code = code


class DeploymentRefused(ServerError):
    status = 410


class UnknownDeployment(ServerError):
    status = 404


class UnknownServer(ServerError):
    status = 404


class LoginRefused(ServerError):
    status = 401


class AccountLocked(ServerError):
    status = 423

    def __init__(self, retry_after: float) -> None:
        super().__init__("account_locked", "too many wrong passwords")
        self.retry_after = int(retry_after) + 1


class NotAuthorised(ServerError):
    status = 401


def authentication_code(server_host: str, secret: str) -> str:
    """The code carries the server, so a client that has never seen the server can use it."""
    return base64.urlsafe_b64encode(f"{server_host}|{secret}".encode()).decode().rstrip("=")


@dataclass
class Deployment:
    login_id: str
    link_token: str
    code_secret: str
    created_at: float
    used: bool = False
    self_deployed: bool = False  # made by the Web Client's Self Deployment, not e-mailed with the user


@dataclass
class Account:
    user: User
    logged_in_before: bool
    failures: int = 0
    locked_until: float = 0.0
    imports: int = 0  # user data handed to a client: what MC-CODE-2 checks on the server side

    def reset(self) -> None:
        """As provisioned: no wrong passwords counted, no lockout, nothing imported."""
        self.logged_in_before, self.failures, self.locked_until, self.imports = self.user.logged_in_before, 0, 0.0, 0


@dataclass
class ServerTenant:
    tenant: Tenant
    accounts: dict[str, Account] = field(default_factory=dict)
    deployments: list[Deployment] = field(default_factory=list)
    sessions: dict[str, tuple[str, float]] = field(default_factory=dict)  # kind:token -> login ID, expiry
    # As the administrator has it now: the tenant's setting until changed (`set_cloudlink_auth`).
    cloudlink_auth: bool = False

    def __post_init__(self) -> None:
        self.cloudlink_auth = self.tenant.settings.cloudlink_auth

    def account(self, username: str) -> Account | None:
        """By login ID, e-mail or UPN (an Azure AD user's only), case-insensitively. MiCollab's
        documentation does not say whether Login IDs are case-sensitive: assumed not, like the
        e-mail and UPN, which Entra ID and mail systems match without regard to case."""
        name = username.strip().casefold()
        return next((a for a in self.accounts.values() if name in names_of(a.user)), None)


def names_of(user: User) -> set[str]:
    """The names a user logs in with, case-folded; a user outside Azure AD has no UPN."""
    return {name.casefold() for name in (user.login_id, user.email, user.upn) if name}


CLOUDLINK_CLIENT_ID = "micollab-client"
CLOUDLINK_REDIRECT_URI = "com.mitel.micollab://cloudlink"
CLOUDLINK_LOGIN_PAGE = "https://auth.mitel.io/authorize"
WEB = "web"  # the kind of a MiCollab Web Client session (a MiCollab Client's is "session")
SESSION_KINDS = {"session": "client", WEB: "web", "deploy": "deployment"}  # as the front names them


class MiCollabDirectory:
    """`verify_cloudlink(token) -> claims` checks a CloudLink access token against CloudLink's
    signing keys (raising on a bad one); the platform gives it when CloudLink runs."""

    def __init__(self, verify_cloudlink=None, cloudlink_login_page: str = CLOUDLINK_LOGIN_PAGE) -> None:
        self._tenants: dict[str, ServerTenant] = {}
        self._lock = threading.RLock()
        self.verify_cloudlink = verify_cloudlink
        self.cloudlink_login_page = cloudlink_login_page

    def add_tenant(self, tenant: Tenant) -> list[Deployment]:
        """Provisions the users; the caller sends the welcome and deployment e-mails."""
        state = ServerTenant(tenant)
        for user in tenant.users:
            state.accounts[user.login_id] = Account(user, user.logged_in_before)
            self._new_deployment(state, user.login_id)
        with self._lock:
            self._tenants[tenant.server_host] = state
        return state.deployments

    def tenant(self, host: str) -> ServerTenant | None:
        with self._lock:
            return self._tenants.get(host.lower())

    def hosts(self) -> list[str]:
        with self._lock:
            return list(self._tenants)

    def secrets_of(self, tenant: Tenant) -> list[str]:
        state = self._tenants.get(tenant.server_host)
        deployments = state.deployments if state else []
        return [
            value
            for d in deployments
            for value in (d.link_token, d.code_secret, authentication_code(tenant.server_host, d.code_secret))
        ]

    def open_sessions(self, tenant: Tenant, login_id: str) -> int:
        """Client sessions (not deployments) of the user that have not ended or expired."""
        state = self._tenants[tenant.server_host]
        now = tenant.clock.now()
        with self._lock:
            return sum(
                1
                for key, (owner, expires) in state.sessions.items()
                if key.startswith("session:") and owner == login_id and expires > now
            )

    def end_sessions(self, tenant: Tenant, login_id: str) -> int:
        """Ends the user's client sessions, as an administrator would; how many it ended."""
        state = self._tenants[tenant.server_host]
        with self._lock:
            ended = [k for k, (owner, _) in state.sessions.items() if k.startswith("session:") and owner == login_id]
            for key in ended:
                del state.sessions[key]
        return len(ended)

    def sessions_of(self, tenant: Tenant) -> list[dict]:
        """Every session not ended or expired: a client's, a Web Client's, a redeemed deployment's."""
        state = self._tenants[tenant.server_host]
        now = tenant.clock.now()
        with self._lock:
            found = [(key.split(":", 1)[0], owner, expires) for key, (owner, expires) in state.sessions.items()]
        return [
            {"login_id": owner, "kind": SESSION_KINDS[kind], "expires_at": expires}
            for kind, owner, expires in found
            if expires > now
        ]

    def restore(self) -> None:
        """Every server as its tenant was provisioned: no sessions, the e-mailed deployments
        unused again and the Self Deployment's gone, every account as it started."""
        with self._lock:
            for state in self._tenants.values():
                state.sessions.clear()
                state.deployments = [d for d in state.deployments if not d.self_deployed]
                for deployment in state.deployments:
                    deployment.used = False
                for account in state.accounts.values():
                    account.reset()
                state.cloudlink_auth = state.tenant.settings.cloudlink_auth

    def forget_tenant(self, tenant: Tenant) -> None:
        with self._lock:
            self._tenants.pop(tenant.server_host, None)

    def account_of(self, tenant: Tenant, login_id: str) -> Account:
        return self._tenants[tenant.server_host].accounts[login_id]

    # -- deployment ---------------------------------------------------------------------------

    @staticmethod
    def _new_deployment(state: ServerTenant, login_id: str, self_deployed: bool = False) -> Deployment:
        """A single-use, expiring deployment: a link token and an authentication code secret."""
        deployment = Deployment(
            login_id, secrets.token_urlsafe(24), secrets.token_urlsafe(12), state.tenant.clock.now(),
            self_deployed=self_deployed,
        )  # fmt: skip
        state.deployments.append(deployment)
        return deployment

    def self_deployment(self, state: ServerTenant, web_session: str) -> Deployment:
        """The Web Client's Self Deployment: a fresh deployment for the user logged on to it,
        the same kind as the deployment e-mail's."""
        account = self._session_account(state, web_session, WEB)
        with self._lock:
            return self._new_deployment(state, account.user.login_id, self_deployed=True)

    def redeem(self, state: ServerTenant, secret: str) -> tuple[Account, str]:
        """Uses a deployment (link token or code secret) once; returns the account and a
        short-lived deployment session that may fetch the user data to import."""
        with self._lock:
            deployment = next((d for d in state.deployments if secret in {d.link_token, d.code_secret}), None)
            if deployment is None:
                raise UnknownDeployment("unknown_deployment", "no such deployment")
            clock, settings = state.tenant.clock, state.tenant.settings
            if clock.now() > deployment.created_at + settings.deployment_ttl:
                raise DeploymentRefused("deployment_expired", "the deployment has expired")
            if deployment.used:
                raise DeploymentRefused("deployment_used", "the deployment has already been used")
            deployment.used = True
            account = state.accounts[deployment.login_id]
            return account, self._open_session(state, account, settings.deployment_session_ttl, "deploy")

    def export_user_data(self, state: ServerTenant, token: str) -> dict:
        account = self._session_account(state, token, "deploy")
        with self._lock:
            account.imports += 1
        return {"favorites": list(account.user.favorites)}

    # -- login ----------------------------------------------------------------------------------

    def identify(self, state: ServerTenant, username: str) -> dict:
        """The username-only page: which way the login continues. An unknown name gets the same
        answer as a known one, so the page cannot be used to find out who has an account."""
        account = state.account(username)
        version = state.tenant.settings.server_version
        if not (account and state.cloudlink_auth):
            return {"method": "password", "server_version": version}
        cloudlink = {
            "authorization_endpoint": self.cloudlink_login_page,
            "client_id": CLOUDLINK_CLIENT_ID,
            "redirect_uri": CLOUDLINK_REDIRECT_URI,
            "login_hint": account.user.email,
        }
        return {"method": "cloudlink", "server_version": version, "cloudlink": cloudlink}

    def login_with_cloudlink(self, state: ServerTenant, cloudlink_token: str) -> tuple[Account, str]:
        """A MiCollab session for the holder of a CloudLink access token issued to this server's
        client; the token's signature is checked against CloudLink's keys."""
        try:
            claims = self.verify_cloudlink(cloudlink_token)
        except Exception as exc:  # any library refusal means the same to the client: not signed in
            raise LoginRefused("invalid_token", f"the CloudLink token is not valid: {exc}") from exc
        now = state.tenant.clock.now()
        if claims.get("aud") != CLOUDLINK_CLIENT_ID or claims.get("exp", 0) < now:
            raise LoginRefused("invalid_token", "the CloudLink token is not for MiCollab or has expired")
        account = state.account(str(claims.get("email", "")))
        if account is None:
            raise LoginRefused("invalid_credentials", "no MiCollab account for this CloudLink user")
        return account, self._open_session(state, account, state.tenant.settings.session_ttl, "session")

    def login(self, state: ServerTenant, username: str, password: str, kind: str = "session") -> tuple[Account, str]:
        """A MiCollab Client session, or with `kind=WEB` a MiCollab Web Client one."""
        with self._lock:
            account = state.account(username)
            clock, settings = state.tenant.clock, state.tenant.settings
            now = clock.now()
            if account is not None and account.locked_until > now:
                raise AccountLocked(account.locked_until - now)
            if account is None or not secrets.compare_digest(password, account.user.micollab_password):
                self._count_failure(account, now, settings)
                raise LoginRefused("invalid_credentials", "wrong username or password")
            account.failures = 0
            token = self._open_session(state, account, settings.session_ttl, kind)
            return account, token

    @staticmethod
    def _count_failure(account: Account | None, now: float, settings) -> None:
        if account is None:
            return
        account.failures += 1
        if account.failures >= settings.lockout_threshold:
            account.locked_until, account.failures = now + settings.lockout_duration, 0

    def home(self, state: ServerTenant, token: str) -> dict:
        account = self._session_account(state, token, "session")
        with self._lock:
            first_login, account.logged_in_before = not account.logged_in_before, True
        user = account.user
        return {"display_name": user.name, "login_id": user.login_id, "first_login": first_login}

    def logout(self, state: ServerTenant, token: str, kind: str = "session") -> None:
        with self._lock:
            state.sessions.pop(f"{kind}:{token}", None)

    def web_user(self, state: ServerTenant, web_session: str) -> dict:
        user = self._session_account(state, web_session, WEB).user
        return {"display_name": user.name, "login_id": user.login_id}

    # -- sessions -------------------------------------------------------------------------------

    def _open_session(self, state: ServerTenant, account: Account, ttl: float, kind: str) -> str:
        token = secrets.token_urlsafe(24)
        state.sessions[f"{kind}:{token}"] = (account.user.login_id, state.tenant.clock.now() + ttl)
        return token

    def _session_account(self, state: ServerTenant, token: str, kind: str) -> Account:
        with self._lock:
            login_id, expires = state.sessions.get(f"{kind}:{token}", ("", 0.0))
            if not login_id or state.tenant.clock.now() > expires:
                raise NotAuthorised("invalid_token", "missing, unknown or expired token")
            return state.accounts[login_id]
