"""docs/world-api.md says what the standalone world really serves: every control route it
documents exists and every route the control API has is documented; the same for the mailbox
API; every tenant setting is a flag, a settings-file key and a documented row."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest
from starlette.routing import Route

from mocks import settings
from mocks.mail import MailStore, mailbox_app
from mocks.tenant import TenantSettings
from mocks.world_api import route_table

DOC = Path(__file__).resolve().parents[1] / "docs" / "world-api.md"
ROUTE = re.compile(r"^\| `(GET|POST|PUT|DELETE) (\S+)`", re.MULTILINE)


def section(title: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


def served(routes: list[Route], prefix: str = "") -> set[tuple[str, str]]:
    """(method, path) of each route, path converters left out ({id:int} is documented {id})."""
    plain = [(route.methods - {"HEAD"}, re.sub(r"\{(\w+):\w+\}", r"{\1}", route.path)) for route in routes]
    return {(method, prefix + path) for methods, path in plain for method in methods}


def test_the_control_api_is_documented_route_by_route():
    documented = set(ROUTE.findall(section("Control API")))
    assert documented == set(route_table())


def test_the_mailbox_api_is_documented_as_it_is_served():
    prefix = "https://mailbox.harness.test"
    documented = {(m, p) for m, p in ROUTE.findall(section("Inspection APIs")) if p.startswith(prefix)}
    routes = [r for r in mailbox_app(MailStore()).routes if not r.path.startswith("/_mock")]
    assert documented == served(routes, prefix)


def test_every_setting_is_documented_and_has_its_help():
    rows = set(re.findall(r"^\| `(\w+)` \|", section("Tenant settings"), re.MULTILINE))
    names = {field.name for field in settings.fields()}
    assert rows == names
    assert set(settings.HELP) == names


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tenants", type=int)
    parser.add_argument("--settings")
    settings.add_arguments(parser)
    return parser.parse_args(argv)


def test_every_setting_is_a_flag():
    args = parse("--mfa-required", "--no-cloudlink-password-set", "--lockout-threshold", "3", "--session-ttl", "60")
    assert settings.given(args) == {
        "mfa_required": True, "cloudlink_password_set": False, "lockout_threshold": 3, "session_ttl": 60.0,
    }  # fmt: skip


@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_a_settings_file_makes_one_tenant_per_entry_and_flags_win(tmp_path, suffix):
    path = tmp_path / f"world{suffix}"
    if suffix == ".json":
        path.write_text('{"mfa_required": true, "tenants": [{"cloudlink_auth": true}, {"lockout_threshold": 9}]}')
    else:
        path.write_text("mfa_required = true\n[[tenants]]\ncloudlink_auth = true\n[[tenants]]\nlockout_threshold = 9\n")
    first, second = settings.tenant_settings(parse("--settings", str(path), "--lockout-threshold", "4"))
    assert (first.mfa_required, first.cloudlink_auth, first.lockout_threshold) == (True, True, 4)
    assert (second.mfa_required, second.cloudlink_auth, second.lockout_threshold) == (True, False, 4)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"no_such": 1}, "unknown settings"),
        ({"mfa_required": "yes"}, "mfa_required must be bool"),
        ({"lockout_threshold": 2.5}, "whole number"),
        ({"lockout_threshold": True}, "lockout_threshold must be int"),
    ],
)
def test_settings_of_the_wrong_name_or_type_are_refused(values, message):
    with pytest.raises(ValueError, match=message):
        settings.settings_from(values)


def test_a_number_setting_takes_an_integer():
    assert settings.settings_from({"deployment_ttl": 60}).deployment_ttl == 60.0
    assert settings.settings_from({}) == TenantSettings()
