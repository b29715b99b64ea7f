"""Tenant settings from the edge: command-line flags, a settings file and JSON bodies, each read
once into a frozen TenantSettings. Every field of TenantSettings is a flag of its own."""

from __future__ import annotations

import argparse
import dataclasses
import json
import tomllib
from pathlib import Path

from mocks.tenant import TenantSettings

# What each setting means, for --help and docs/world-api.md; times are in seconds.
HELP = {
    "cloudlink_auth": "CloudLink-based Authentication enabled for the tenant's MiCollab users",
    "server_version": "the MiCollab server's version (e.g. 9.8)",
    "deployment_ttl": "how long a deployment link / authentication code stays valid (seconds)",
    "deployment_session_ttl": "how long a redeemed deployment may import the user data (seconds)",
    "session_ttl": "how long a MiCollab client session lasts (seconds)",
    "lockout_threshold": "wrong MiCollab passwords in a row that lock the account",
    "lockout_duration": "how long a locked MiCollab account stays locked (seconds)",
    "azure_ad_integrated": "the CloudLink account federates sign-in to the company's Azure AD (SAML)",
    "enable_mitel_credentials": "CloudLink Portal's Enable Mitel Credentials: CloudLink passwords work too",
    "mfa_required": "Azure AD asks for a second factor (authenticator code, TOTP) after the password",
    "cloudlink_password_set": "the users already set their CloudLink password (else: a set-up link by e-mail)",
    "password_setup_ttl": "how long the CloudLink welcome e-mail's set-up link stays valid (seconds)",
    "azure_lockout_threshold": "Entra smart lockout: wrong passwords before the account locks",
    "azure_lockout_duration": "Entra smart lockout: the first lockout's length (seconds; doubles after)",
    "mitel_one": "a Mitel One license is assigned to the users: the Mitel One welcome e-mail with the Account Number",
    "mitel_one_sso": "the IT administrator configured Single Sign-On for the Mitel One account",
    "sso_certificate_outdated": "CloudLink's SSO configuration keeps an outdated Azure AD signing certificate",
}


def fields() -> list[dataclasses.Field]:
    return list(dataclasses.fields(TenantSettings))


TYPES = {"bool": bool, "int": int, "float": float, "str": str}


def _kind(field: dataclasses.Field) -> type:
    """bool, int, float or str, as the field is annotated."""
    return TYPES.get(str(field.type), type(field.default))


def _value(field: dataclasses.Field, value):
    """`value` as the field's type; raises ValueError naming the setting otherwise."""
    kind = _kind(field)
    if kind is bool and isinstance(value, bool):
        return value
    if kind in (int, float) and isinstance(value, int | float) and not isinstance(value, bool):
        if kind is int and value != int(value):
            raise ValueError(f"{field.name} must be a whole number, not {value!r}")
        return kind(value)
    if kind is str and isinstance(value, str):
        return value
    raise ValueError(f"{field.name} must be {kind.__name__}, not {value!r}")


def settings_from(values: dict, base: TenantSettings | None = None) -> TenantSettings:
    """TenantSettings from a JSON object of settings over `base`; unknown names are refused."""
    known = {field.name: field for field in fields()}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ValueError(f"unknown settings {unknown}; known: {sorted(known)}")
    changes = {name: _value(known[name], value) for name, value in values.items()}
    return dataclasses.replace(base or TenantSettings(), **changes)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """One flag per setting (--cloudlink-auth / --no-cloudlink-auth for a yes-or-no one)."""
    group = parser.add_argument_group("tenant settings (over the settings file's; defaults as shown)")
    for field in fields():
        flag, kind = f"--{field.name.replace('_', '-')}", _kind(field)
        text = f"{HELP.get(field.name, field.name)} (default: {field.default})"
        if kind is bool:
            group.add_argument(flag, dest=field.name, action=argparse.BooleanOptionalAction, default=None, help=text)
        else:
            group.add_argument(flag, dest=field.name, type=kind, default=None, metavar=kind.__name__.upper(), help=text)


def given(args: argparse.Namespace) -> dict:
    """The settings a command line gave."""
    return {field.name: getattr(args, field.name) for field in fields() if getattr(args, field.name) is not None}


def read_file(path: Path) -> tuple[dict, list[dict]]:
    """A settings file (.json or .toml): settings for every tenant, and an optional `tenants`
    list of per-tenant settings, one tenant each."""
    text = path.read_text(encoding="utf-8")
    document = tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)
    if not isinstance(document, dict):
        raise ValueError(f"{path}: a settings file holds one object of settings")
    tenants = document.pop("tenants", [])
    if not isinstance(tenants, list) or not all(isinstance(t, dict) for t in tenants):
        raise ValueError(f"{path}: `tenants` is a list of objects of settings")
    return document, tenants


def tenant_settings(args: argparse.Namespace) -> list[TenantSettings]:
    """Each tenant's settings: defaults, then the file's, then its own entry, then the flags."""
    common, entries = read_file(Path(args.settings)) if args.settings else ({}, [])
    flags = given(args)
    count = args.tenants if args.tenants is not None else max(len(entries), 1)
    base = settings_from(common)
    return [settings_from((entries[i] if i < len(entries) else {}) | flags, base) for i in range(count)]
