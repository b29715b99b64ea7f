"""A device lab re-runs a probe from a clean world without starting it again: `python -m mocks
serve` as the README starts it, driven as a probe drives it (its printed JSON, the documented
control API, HTTP through its proxy with its CA), shows what the probe did in each mock's
inspections (sessions, codes outstanding, requests received, lockouts), and `POST /reset` puts
everything back as the world started. A world of its own: a reset would undo other tests' tenants."""

from __future__ import annotations

import time
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.standalone_world import StandaloneWorld, user

SETTINGS = ("--azure-ad-integrated", "--enable-mitel-credentials", "--mitel-one")
LOCKOUTS = ("--lockout-threshold", "2", "--azure-lockout-threshold", "2", "--azure-lockout-duration", "3600")


@pytest.fixture(scope="module")
def world():
    started = StandaloneWorld("--tenants", "1", "--seed", "13", *SETTINGS, *LOCKOUTS)
    yield started
    assert started.stop() == 0


@pytest.fixture(scope="module")
def tenant(world):
    return world["tenants"][0]


def get(world, path: str, **query):
    answer = world.http.get(world["control"].rstrip("/") + path, params=query)
    answer.raise_for_status()
    return answer.json()


def micollab_login(world, tenant: dict, password: str) -> int:
    body = {"username": user(tenant).login_id, "password": password}
    return world.http.post(f"https://{tenant['micollab_server']}/api/v1/login", json=body).status_code


def redeem_the_printed_link(world, tenant: dict) -> int:
    token = parse_qs(urlsplit(user(tenant).deployment_link).query)["token"][0]
    url = f"https://{tenant['micollab_server']}/api/v1/deployments/redeem"
    return world.http.post(url, json={"token": token}).status_code


def cloudlink_token(world, tenant: dict) -> str:
    body = {"grant_type": "password", "username": user(tenant).email, "password": user(tenant).cloudlink_password,
            "client_id": "mitel-one-mobile"}  # fmt: skip
    answer = world.http.post(world["cloudlink"]["token_endpoint"], json=body)
    assert answer.status_code in (200, 201), answer.text
    return answer.json()["access_token"]


def azure_password_grant(world, tenant: dict, password: str) -> int:
    device_app = tenant["azure_ad"]["applications"][0]["client_id"]
    form = {"grant_type": "password", "client_id": device_app, "username": user(tenant).upn, "password": password,
            "scope": "openid offline_access"}  # fmt: skip
    url = f"{tenant['azure_ad']['authority']}/oauth2/v2.0/token"
    return world.http.post(url, data=form).status_code


@pytest.fixture(scope="module")
def probed(world, tenant):
    """What a probe leaves behind in every mock: the new tenant it made, and the e-mails the
    world's tenant had before."""
    welcome = get(world, f"/mail/{user(tenant).email}/messages")
    assert micollab_login(world, tenant, user(tenant).micollab_password) == 200
    assert redeem_the_printed_link(world, tenant) == 200
    assert [micollab_login(world, tenant, "wrong") for _ in range(2)] == [401, 401]
    assert azure_password_grant(world, tenant, user(tenant).enterprise_password) == 200
    assert [azure_password_grant(world, tenant, f"wrong{n}") for n in range(2)] == [400, 400]
    reset = {"username": user(tenant).email, "account_id": tenant["cloudlink_account_id"]}
    assert world.http.post(f"{world['cloudlink']['api']}/password/reset", json=reset).status_code == 202
    mitel_one = world.client()
    session = mitel_one.post(
        f"{world['mitel_one']['api']}/session", json={"cloudlink_token": cloudlink_token(world, tenant)}
    )
    assert session.status_code == 200
    world.control("POST", f"/tenants/{tenant['id']}/mitel-one/eula")
    assert world.control("POST", f"/tenants/{tenant['id']}/mitel-one/events", kind="call", **{"from": "Ann"}) == {
        "notified_sessions": 1
    }
    world.control("POST", f"/tenants/{tenant['id']}/azure-ad/applications", redirect_uris=["https://app.example.com/"])
    world.control("POST", "/cloudlink/clients", redirect_uris=["https://app.example.com/"])
    world.control("POST", f"/tenants/{tenant['id']}/clock", advance=300)  # within the deployment session
    world.http.put(world["inspection"]["faults"], json={"host": "one.mitel.io", "kind": "5xx"})
    yield SimpleNamespace(tenant=world.new_tenant(), welcome=welcome)
    mitel_one.close()


def test_each_mock_shows_what_the_probe_did(world, tenant, probed):
    server, tenant_id = tenant["micollab_server"], tenant["id"]
    assert {s["kind"] for s in get(world, f"/micollab/{server}/sessions/all")} == {"client", "deployment"}
    assert get(world, f"/micollab/{server}/codes") == []  # the e-mailed deployment was used
    assert {r["path"] for r in get(world, f"/micollab/{server}/requests")} >= {
        "/api/v1/login", "/api/v1/deployments/redeem"
    }  # fmt: skip
    assert [s["kind"] for s in get(world, f"/tenants/{tenant_id}/cloudlink/sessions")] == ["refresh_token"]
    codes = get(world, f"/tenants/{tenant_id}/cloudlink/codes")
    assert [(c["kind"], c["email"], len(c["code"])) for c in codes] == [("password_reset", user(tenant).email, 6)]
    assert any(r["path"].endswith("/password/reset") for r in get(world, "/cloudlink/requests"))
    assert [s["upn"] for s in get(world, f"/tenants/{tenant_id}/azure-ad/sessions")] == [user(tenant).upn]
    assert [a["upn"] for a in get(world, f"/tenants/{tenant_id}/azure-ad/lockouts")] == [user(tenant).upn]
    assert len(get(world, "/azure-ad/requests")) >= 3
    assert [s["client_type"] for s in get(world, f"/tenants/{tenant_id}/mitel-one/sessions")] == ["mobile"]
    assert get(world, f"/tenants/{tenant_id}/mitel-one/notifications")["delivered"] == 1
    assert [r["path"] for r in get(world, "/mitel-one/requests")] == ["/api/v1/session"]
    assert get(world, f"/tenants/{tenant_id}/clock")["now"] - time.time() > 290


def test_a_fronts_own_reset_keeps_every_tenant_and_what_it_was_made_with(world, tenant, probed):
    made = probed.tenant
    server = made["micollab_server"]
    assert micollab_login(world, made, user(made).micollab_password) == 200
    assert world.control("POST", "/micollab/reset") == {"servers": get(world, "/micollab")["servers"]}
    assert get(world, f"/micollab/{server}/sessions/all") == []
    assert get(world, f"/micollab/{tenant['micollab_server']}/requests") == []
    assert [c["link"] for c in get(world, f"/micollab/{server}/codes")] == [user(made).deployment_link]
    made_with = get(world, f"/mail/{user(made).email}/messages")
    world.control("POST", "/mail/reset")
    assert get(world, f"/mail/{user(made).email}/messages") == made_with
    assert get(world, f"/mail/{user(tenant).email}/messages") == probed.welcome  # the reset e-mail gone


def test_a_reset_returns_to_the_world_as_it_started(world, tenant, probed):
    described = world.control("POST", "/reset")
    assert [t["id"] for t in described["tenants"]] == [tenant["id"]]
    assert described["tenants"][0]["azure_ad"]["applications"] == tenant["azure_ad"]["applications"]
    assert described["cloudlink"]["clients"] == world["cloudlink"]["clients"]
    assert world.http.get(f"{world['control']}tenants/{probed.tenant['id']}").status_code == 404
    assert abs(get(world, f"/tenants/{tenant['id']}/clock")["now"] - time.time()) < 30
    tenant_id, server = tenant["id"], tenant["micollab_server"]
    for path in (
        f"/micollab/{server}/sessions/all", f"/micollab/{server}/requests", f"/tenants/{tenant_id}/cloudlink/sessions",
        f"/tenants/{tenant_id}/cloudlink/codes", "/cloudlink/requests", f"/tenants/{tenant_id}/azure-ad/sessions",
        f"/tenants/{tenant_id}/azure-ad/codes", f"/tenants/{tenant_id}/azure-ad/lockouts", "/azure-ad/requests",
        f"/tenants/{tenant_id}/mitel-one/sessions", "/mitel-one/requests",
    ):  # fmt: skip
        assert get(world, path) == [], path
    assert get(world, f"/tenants/{tenant_id}/mitel-one/notifications")["delivered"] == 0
    assert get(world, f"/mail/{user(tenant).email}/messages") == probed.welcome
    assert world.http.get(world["mitel_one"]["url"]).status_code == 200  # the fault is cleared


def test_after_a_reset_the_probe_runs_again_as_it_first_did(world, tenant, probed):
    world.control("POST", "/reset")
    assert [c["link"] for c in get(world, f"/micollab/{tenant['micollab_server']}/codes")] == [
        user(tenant).deployment_link
    ]
    assert redeem_the_printed_link(world, tenant) == 200
    assert micollab_login(world, tenant, user(tenant).micollab_password) == 200  # no lockout left
    assert azure_password_grant(world, tenant, user(tenant).enterprise_password) == 200
    with world.client() as mitel_one:
        login = mitel_one.post(
            f"{world['mitel_one']['api']}/session", json={"cloudlink_token": cloudlink_token(world, tenant)}
        )
        assert login.json()["eula_accepted"] is False
    again = world.new_tenant()  # the same tenant as made before the reset
    assert (again["id"], again["users"][0]["email"]) == (probed.tenant["id"], user(probed.tenant).email)
