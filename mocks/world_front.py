"""The world's own front: its tenants and their clocks, what a device needs to join it, the
secrets a harness must mask and watch on the wire, and its reset to the world as it started."""

from __future__ import annotations

import threading
import uuid
from typing import TYPE_CHECKING

import pyotp

from mocks.azure_ad.endpoints import AZURE_HOST, BASE_URL
from mocks.control import control
from mocks.describe import describe_tenant, describe_world
from mocks.hosts import CLOUDLINK_HOSTS, SIMULATED_HOSTS, WORLD_HOST
from mocks.tenant import Tenant, TenantSettings
from mocks.world import World

if TYPE_CHECKING:
    from mocks.platform import Platform

OTP_LOOKBACK_STEPS = 10  # 30-second authenticator codes: the scenario's last five minutes
# Registered in every tenant made through the control API, so a native client can sign in at
# once: a public client with the redirect URIs MSAL's desktop and mobile flows use.
DEVICE_APP_REDIRECT_URIS = ["http://localhost", f"{BASE_URL}/common/oauth2/nativeclient"]
# The order a world's reset puts its mocks back in: sessions end (their streams close) before the
# accounts behind them are restored; the mailboxes last, once nothing else is left to act.
RESET_ORDER = ("mitel_one", "cloudlink", "micollab", "azure_ad", "mail")


def credential(value: str, hosts, what: str, whole_field: bool = False) -> dict:
    return {"value": value, "hosts": list(hosts), "what": what, "whole_field": whole_field}


def credentials(tenant: Tenant) -> list[dict]:
    """Each password and the authenticator codes of the last few minutes, with the only hosts
    that may receive it; a short code counts only as a whole field's value."""
    found = []
    for user in tenant.users:
        found.append(credential(user.micollab_password, [tenant.server_host], "the MiCollab password"))
        found.append(credential(user.cloudlink_password, CLOUDLINK_HOSTS, "the CloudLink password"))
        found.append(credential(user.new_password, CLOUDLINK_HOSTS, "the new CloudLink password"))
        found.append(credential(user.enterprise_password, [AZURE_HOST], "the enterprise (Azure AD) password"))
        totp, now = pyotp.TOTP(user.totp_secret), tenant.clock.now()
        codes = {totp.at(now - 30 * step) for step in range(OTP_LOOKBACK_STEPS)}
        found += [credential(code, [AZURE_HOST], "the authenticator code", True) for code in sorted(codes)]
    return found


class WorldFront:
    """`seed`: the Faker seed of the tenants the control API makes (`create_tenant`)."""

    def __init__(self, platform: Platform, seed: int = 0) -> None:
        self.platform, self.seed = platform, seed
        self._maker = World(platform, seed, "standalone")
        self._lock = threading.Lock()
        self.mark_start()

    def mark_start(self) -> None:
        """The world as it is now is the one `reset` returns to: these tenants, and the next
        tenants `create_tenant` makes (the same again after a reset)."""
        with self._lock:
            self._start = (set(self.platform.tenants), self._maker.faker.random.getstate(), len(self._maker.tenants))

    def tenant_of(self, tenant_id: str) -> Tenant:
        found = self.platform.tenants.get(tenant_id)
        if found is None:
            raise LookupError(f"no tenant {tenant_id!r}")
        return found

    def forget_tenants(self, tenants: list[Tenant]) -> None:
        """Tenants nobody will use again (a finished scenario's) out of the world and out of every
        mock, in the reset's order: a long run's memory stays flat however many scenarios it runs.
        Not a control: a world serving others keeps its tenants until its reset."""
        with self._lock:
            for tenant in tenants:
                self.platform.tenants.pop(tenant.id, None)
        for name in RESET_ORDER:
            front = getattr(self.platform, name)
            for tenant in tenants:
                front.forget_tenant(tenant)

    @control("GET", "/")
    def describe(self) -> dict:
        """The world, as printed at start (with every tenant made since)."""
        return describe_world(self.platform, list(self.platform.tenants.values()), self.seed)

    @control("GET", "/ready")
    def ready(self) -> dict:
        """Every mock server and the proxy are up (a HarnessError otherwise)."""
        self.platform.check()
        return {"ready": True, "tenants": len(self.platform.tenants)}

    @control("POST", "/reset")
    def reset(self) -> dict:
        """The world as it started, without starting it again: the tenants made since removed
        (the next ones made are the same again), every mock reset, every clock back to wall time,
        every proxy fault cleared. Answers as `describe`."""
        with self._lock:
            tenants, random_state, made = self._start
            removed = [t for tenant_id, t in self.platform.tenants.items() if tenant_id not in tenants]
            for tenant in removed:
                del self.platform.tenants[tenant.id]
            self._maker.faker.random.setstate(random_state)
            del self._maker.tenants[made:]
        fronts = [getattr(self.platform, name) for name in RESET_ORDER]
        for front in fronts:
            for tenant in removed:
                front.forget_tenant(tenant)
            front.reset()
        for tenant in list(self.platform.tenants.values()):
            tenant.clock.reset()
        if self.platform.proxy is not None:
            self.platform.proxy.clear_faults()
        return self.describe()

    @control("GET", "/network")
    def network(self) -> dict:
        """How a device joins the world: the HTTP proxy to set (`proxy`; the browser has a listener
        of its own, `browser_proxy`), where to fetch the CA to trust, and every simulated host."""
        return {
            "proxy": self.platform.proxy_url,
            "browser_proxy": self.platform.browser_proxy_url,
            "ca_certificate_url": f"http://{WORLD_HOST}/ca-certificate",
            "hosts": list(SIMULATED_HOSTS),
        }

    @control("GET", "/tenants")
    def tenants(self) -> list[dict]:
        return [describe_tenant(self.platform, t) for t in list(self.platform.tenants.values())]

    @control("POST", "/tenants", status=201, body="settings")
    def create_tenant(self, settings: TenantSettings) -> dict:
        """A new tenant with these settings and one user, made with Faker from the world's seed,
        with a public client application ("Device") in its Azure AD."""
        with self._lock:
            tenant = self._maker.new_tenant(settings)
        self.platform.azure_ad.register_application(
            tenant.id, DEVICE_APP_REDIRECT_URIS, client_id=str(uuid.uuid5(uuid.NAMESPACE_URL, tenant.domain)),
            name="Device (public client)", public_client_flows=True,
        )  # fmt: skip
        self.platform.azure_ad.provisioned(tenant)  # the Device application came with the tenant
        return describe_tenant(self.platform, tenant)

    @control("PUT", "/tenants/{tenant_id}", status=201, body="tenant")
    def add_tenant(self, tenant_id: str, tenant: Tenant) -> dict:
        """A tenant exactly as given (a harness makes its own from its run seed): its users get
        their e-mails as with any tenant. Refused if the world has one of that ID already."""
        if tenant.id != tenant_id:
            raise ValueError(f"the tenant's id is {tenant.id!r}, not {tenant_id!r}")
        with self._lock:
            if tenant_id in self.platform.tenants:
                raise ValueError(f"the world has a tenant {tenant_id!r} already")
            self.platform.add_tenant(tenant)
        return {"id": tenant.id, "micollab_server": tenant.server_host}

    @control("GET", "/tenants/{tenant_id}")
    def tenant(self, tenant_id: str) -> dict:
        return describe_tenant(self.platform, self.tenant_of(tenant_id))

    @control("GET", "/tenants/{tenant_id}/clock")
    def clock(self, tenant_id: str) -> dict:
        """The tenant's time (seconds since the epoch): wall time plus how far it was moved."""
        return {"id": tenant_id, "now": self.tenant_of(tenant_id).clock.now()}

    @control("POST", "/tenants/{tenant_id}/clock")
    def advance_clock(self, tenant_id: str, advance: float) -> dict:
        """Moves the tenant's time forward by `advance` seconds: its codes, links and lockouts expire."""
        if advance < 0:
            raise ValueError("advance is a number of seconds, not negative")
        tenant = self.tenant_of(tenant_id)
        tenant.clock.advance(advance)
        return {"id": tenant_id, "now": tenant.clock.now()}

    @control("GET", "/tenants/{tenant_id}/secrets")
    def secrets(self, tenant_id: str) -> list[str]:
        """Every secret of the tenant's that a report must mask: passwords, the authenticator
        secret, deployment links and codes, password reset links and codes."""
        tenant = self.tenant_of(tenant_id)
        return tenant.secrets() + self.platform.micollab.secrets_of(tenant) + self.platform.cloudlink.secrets_of(tenant)

    @control("GET", "/tenants/{tenant_id}/credentials")
    def credentials(self, tenant_id: str) -> list[dict]:
        """Each credential (`value`) with the only `hosts` that may receive it, `what` it is, and
        `whole_field`: a short code that counts only as a field's whole value."""
        return credentials(self.tenant_of(tenant_id))
