"""One scenario's tenant: a company, its users and its settings. Plain data shared by all mocks."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from mocks.clock import Clock

HOUR = 3600.0
DAY = 24 * HOUR


@dataclass(frozen=True)
class TenantSettings:
    """Every knob a scenario may turn; defaults are the documented or usual production values."""

    cloudlink_auth: bool = False  # CloudLink-based Authentication enabled for the tenant's users
    server_version: str = "9.8"
    deployment_ttl: float = 7 * DAY  # validity of a deployment link / authentication code
    deployment_session_ttl: float = 10 * 60  # how long a redeemed deployment may import user data
    session_ttl: float = 8 * HOUR  # MiCollab client session
    lockout_threshold: int = 5  # wrong passwords in a row that lock the account
    lockout_duration: float = 30 * 60
    # CloudLink and Azure AD
    azure_ad_integrated: bool = False  # the CloudLink account federates sign-in to Azure AD
    enable_mitel_credentials: bool = False  # CloudLink Portal option: CloudLink passwords work too
    mfa_required: bool = False  # Azure AD asks for a second factor (TOTP) after the password
    cloudlink_password_set: bool = True  # the user followed the CloudLink welcome e-mail's link
    password_setup_ttl: float = 4 * DAY  # the CloudLink welcome e-mail's set-up link
    azure_lockout_threshold: int = 10  # Entra smart lockout
    azure_lockout_duration: float = 60.0
    # Mitel One
    mitel_one: bool = False  # a Mitel One license is assigned to the users: the Mitel One welcome e-mail
    mitel_one_sso: bool = False  # the IT administrator configured Single Sign-On for the account
    # ... but kept Azure AD's old signing certificate in the account's SSO configuration
    sso_certificate_outdated: bool = False

    @property
    def azure_users(self) -> bool:
        """The users are in Azure AD, with a UPN: "the UPN field from Azure AD" (MiCollab) is an
        Azure AD user's, and the UPN is a Mitel One user name "if you are an Azure user with SSO"."""
        return self.azure_ad_integrated or self.mitel_one_sso


@dataclass(frozen=True)
class User:
    name: str
    email: str
    login_id: str
    upn: str  # "" for a user who is not in Azure AD
    micollab_password: str
    logged_in_before: bool = False  # not the first login: there is user data to import
    favorites: tuple[str, ...] = ()  # the user data a client imports
    cloudlink_password: str = ""  # set up through the CloudLink welcome e-mail
    enterprise_password: str = ""  # the Azure AD (Entra ID) password
    totp_secret: str = ""  # base32, for the Azure AD second factor
    azure_object_id: str = ""  # Entra `oid`
    new_password: str = ""  # what the user chooses at "Reset your Password"


@dataclass
class Tenant:
    id: str
    company: str
    domain: str
    settings: TenantSettings
    users: list[User]
    clock: Clock = field(default_factory=Clock)
    azure_tenant_id: str = ""  # Entra `tid`, a GUID
    cloudlink_account_id: str = ""
    account_number: str = ""  # the Mitel One Account Number, sent in the Mitel One welcome e-mail
    azure_domain: str = ""  # the Azure AD tenant's initial domain (<name>.onmicrosoft.com): its UPNs'

    @property
    def server_host(self) -> str:
        return f"micollab.{self.domain}"

    def unknown_upn(self) -> str:
        """A UPN no directory knows: the user's login ID at the Azure AD domain, as a user might
        mistype it (and as a client that turned UPNs into login IDs would find an account)."""
        return f"{self.user.login_id}@{self.azure_domain}"

    @property
    def user(self) -> User:
        """The scenario's user: most scenarios have exactly one."""
        return self.users[0]

    def secrets(self) -> list[str]:
        """Values that must never reach a report unmasked."""
        values = [
            (u.micollab_password, u.cloudlink_password, u.enterprise_password, u.totp_secret, u.new_password)
            for u in self.users
        ]
        return [value for group in values for value in group if value]


def tenant_json(tenant: Tenant) -> dict:
    """A tenant as plain data, its clock left out: the world that runs it keeps the time."""
    value = {f.name: getattr(tenant, f.name) for f in dataclasses.fields(Tenant) if f.name != "clock"}
    users = [dataclasses.asdict(user) for user in tenant.users]
    return value | {"settings": dataclasses.asdict(tenant.settings), "users": users}


def tenant_from_json(value: dict) -> Tenant:
    """A tenant from `tenant_json`'s form, with a clock of its own; ValueError when it is not one."""
    try:
        users = [User(**(user | {"favorites": tuple(user.get("favorites", ()))})) for user in value["users"]]
        fields = {k: v for k, v in value.items() if k not in ("settings", "users")}
        return Tenant(**fields, settings=TenantSettings(**value["settings"]), users=users)
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"not a tenant: {exc}") from None
