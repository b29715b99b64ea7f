"""A world as the harness uses it, whether it runs in this process (mocks/platform.py) or in
another (mocks/remote_world.py): one front per mock, and what the harness reads of them for a
scenario's evidence and wire audit. Steps use only the fronts, so they cannot tell the two apart."""

from __future__ import annotations

from mocks.tenant import Tenant


class Fronts:
    mail = micollab = cloudlink = azure_ad = mitel_one = world = None  # each world sets its own

    def forget_tenants(self, tenants: list[Tenant]) -> None:
        """A finished scenario's tenants, which nothing reads any more: a world in this process lets
        them go (mocks/platform.py); a world elsewhere keeps them until its reset (its memory is
        not this run's, and another harness may be reading it)."""

    def mails_of(self, tenants: list[Tenant]) -> list[tuple[str, bytes]]:
        """Every e-mail the tenants' users received, named for a report."""
        return [
            (f"e-mail {m.id} to {user.email}: {m.subject}", m.raw)
            for tenant in tenants
            for user in tenant.users
            for m in self.mail.messages(user.email)
        ]

    def secrets_of(self, tenants: list[Tenant]) -> list[str]:
        """Passwords, deployment tokens and codes: masked wherever evidence is written."""
        return [s for tenant in tenants for s in self.world.secrets(tenant.id)]

    def credentials_of(self, tenants: list[Tenant]) -> list[tuple]:
        """(value, the only hosts that may receive it, what it is, whole field only) for the wire audit."""
        found = [c for tenant in tenants for c in self.world.credentials(tenant.id)]
        return [(c["value"], tuple(c["hosts"]), c["what"], c["whole_field"]) for c in found]
