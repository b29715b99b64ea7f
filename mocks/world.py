"""Builds one scenario's world: a fresh tenant made with Faker, seeded from the run seed and the
scenario's ID, so a failing scenario replays exactly with `--seed N` and tenants never collide.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from faker import Generator
from faker.providers.company.en_US import Provider as Companies
from faker.providers.lorem.en_US import Provider as Words
from faker.providers.misc.en_US import Provider as Miscellany
from faker.providers.person.en_US import Provider as People

from mocks.tenant import Tenant, TenantSettings, User

if TYPE_CHECKING:
    from mocks.platform import Platform


def scenario_seed(run_seed: int, scenario_id: str) -> int:
    digest = hashlib.sha256(f"{run_seed}\x00{scenario_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def tenant_faker(seed: int) -> Generator:
    """Faker with the providers a world is made from (names, companies, passwords, IDs, and the
    words of the messages colleagues send), seeded:
    `Faker()` loads all two dozen, a millisecond of every scenario."""
    fake = Generator()
    for provider in (People, Companies, Miscellany, Words):
        fake.add_provider(provider)
    fake.seed_instance(seed)
    return fake


class World:
    def __init__(self, platform: Platform, run_seed: int, scenario_id: str) -> None:
        self.platform = platform
        self.seed = scenario_seed(run_seed, scenario_id)
        self.faker = tenant_faker(self.seed)
        self.tenants: list[Tenant] = []

    def new_tenant(self, settings: TenantSettings | None = None, colleagues: int = 0, **user_traits) -> Tenant:
        """A tenant with one user (and `colleagues` more, after it), registered with every mock
        (which sends their e-mails)."""
        fake = self.faker
        settings = settings or TenantSettings()
        company = fake.company()
        # The seed's hex keeps domains unique across scenarios even when Faker repeats a name; the
        # company's part is short, as every browser scenario types the address a key at a time.
        slug = re.sub(r"[^a-z0-9]+", "-", company.lower()).strip("-")[:12].strip("-")
        tenant_id = f"{self.seed:016x}"[:10] + str(len(self.tenants))
        domain = f"{slug}-{tenant_id}.example.com"
        azure_domain = f"{slug.replace('-', '')}{tenant_id}.onmicrosoft.com"
        upn_domain = azure_domain if settings.azure_users else ""  # only a user in Azure AD has a UPN
        tenant = Tenant(
            id=tenant_id,
            company=company,
            domain=domain,
            settings=settings,
            users=[
                self._user(domain, upn_domain, **user_traits),
                *(self._user(domain, upn_domain) for _ in range(colleagues)),
            ],
            azure_tenant_id=str(fake.uuid4()),
            cloudlink_account_id=fake.numerify("##########"),
            account_number=fake.numerify("#######"),
            azure_domain=azure_domain,
        )
        self.tenants.append(tenant)
        self.platform.add_tenant(tenant)
        return tenant

    def _user(self, domain: str, azure_domain: str, **traits) -> User:
        """UPN, login ID and e-mail all differ, so a client that swaps one for another is caught:
        the e-mail and UPN local parts in mixed case, as the real services match them
        case-insensitively (and a mock that did not would be caught); the UPN at the Azure AD
        tenant's own domain, and only for a user in Azure AD (`azure_domain`); passwords in
        mixed case (Faker puts in at least one upper-case letter), matched exactly."""
        fake = self.faker
        first, last = fake.first_name(), fake.last_name()
        given, family = (re.sub(r"[^a-z]", "", part.lower()) for part in (first, last))
        user = User(
            name=f"{first} {last}",
            email=f"{given.capitalize()}.{family.capitalize()}@{domain}",
            login_id=f"{given[0]}{family[:17]}{fake.numerify('##')}",  # like john_smith: lower case, 2-21
            upn=f"{given.capitalize()}{family[0].upper()}@{azure_domain}" if azure_domain else "",
            micollab_password=fake.password(length=14, special_chars=True),
            favorites=tuple(fake.name() for _ in range(3)),
            cloudlink_password=fake.password(length=14, special_chars=True),
            enterprise_password=fake.password(length=16, special_chars=True),
            totp_secret=base64.b32encode(fake.binary(length=20)).decode(),
            azure_object_id=str(fake.uuid4()),
            new_password=fake.password(length=14, special_chars=True),
        )
        return replace(user, **traits)
