"""`python -m mocks serve`, and unmodified real clients (curl, httpx) on the simulated network:
production URLs through the proxy, the per-run CA trusted, unknown hosts refused and recorded,
the control API (docs/world-api.md) and the Mitel One platform at one.mitel.io."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest


@pytest.fixture
def device(standalone):
    return standalone.http


def test_the_world_describes_tenants_users_and_where_everything_is(standalone):
    tenant = standalone["tenants"][0]
    assert len(standalone["tenants"]) == 2
    user = tenant["users"][0]
    assert user["micollab_password"]
    assert user["deployment_link"].startswith(f"https://{tenant['micollab_server']}/")
    assert tenant["settings"]["lockout_threshold"] == 3
    assert Path(standalone["ca_certificate"]).exists()


def test_the_world_prints_what_a_client_needs_to_be_configured(standalone):
    tenant = standalone["tenants"][0]
    assert {"host", "port"} <= standalone["smtp"].keys()
    clients = {c["client_id"]: c["redirect_uris"] for c in standalone["cloudlink"]["clients"]}
    assert clients["mitel-one-web"] == ["https://one.mitel.io/sso/callback"]
    assert tenant["cloudlink_account_id"]
    assert tenant["account_number"]
    assert tenant["azure_ad"]["authority"].endswith(f"/{tenant['azure_tenant_id']}")
    assert tenant["azure_ad"]["applications"][0]["public_client_flows"] is True


def test_curl_reaches_the_micollab_server_at_its_production_url(standalone):
    curl = shutil.which("curl")
    assert curl, "curl is needed for this self-test: apt-get install curl"
    url = f"https://{standalone['tenants'][0]['micollab_server']}/api/v1/license"
    command = [
        curl,
        "--silent",
        "--fail",
        "--proxy",
        standalone["proxy"],
        "--cacert",
        standalone["ca_certificate"],
        url,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=30, check=True)
    assert "License Agreement" in json.loads(done.stdout)["title"]


def test_httpx_logs_in_and_reads_the_mailbox(standalone, device):
    tenant = standalone["tenants"][1]
    user = tenant["users"][0]
    login = {"username": user["login_id"], "password": user["micollab_password"]}
    answer = device.post(f"https://{tenant['micollab_server']}/api/v1/login", json=login)
    assert answer.status_code == 200
    mailbox = standalone["mailbox_api"].format(address=user["email"])
    subjects = [m["subject"] for m in device.get(mailbox).json()]
    assert subjects[:2] == ["Welcome to MiCollab", "MiCollab Client Deployment"]


def test_an_unknown_host_is_refused_and_recorded(standalone, device):
    assert device.get("https://www.example.org/").status_code == 502
    flows = device.get(standalone["inspection"]["proxy"]).json()
    assert any(f["host"] == "www.example.org" and f["refused"] for f in flows)


def test_the_control_api_creates_a_tenant_and_moves_its_clock(standalone, device):
    made = device.post(standalone["inspection"]["world"], json={"lockout_threshold": 2, "mfa_required": True})
    assert made.status_code == 201
    assert (made.json()["settings"]["lockout_threshold"], made.json()["settings"]["mfa_required"]) == (2, True)
    moved = device.post(f"{standalone['inspection']['world']}/{made.json()['id']}/clock", json={"advance": 3600})
    assert moved.status_code == 200
    for refused in ({"no_such_setting": 1}, {"lockout_threshold": "three"}, {"mfa_required": 1}):
        assert device.post(standalone["inspection"]["world"], json=refused).status_code == 400
    assert device.get(f"{standalone['inspection']['world']}/nobody").status_code == 404


def test_a_fault_set_through_the_inspection_api_reaches_the_device(standalone, device):
    host = standalone["tenants"][0]["micollab_server"]
    device.put(standalone["inspection"]["faults"], json={"host": host, "kind": "5xx", "status": 503})
    assert device.get(f"https://{host}/api/v1/license").status_code == 503
    device.delete(standalone["inspection"]["faults"])
    assert device.get(f"https://{host}/api/v1/license").status_code == 200


def test_mitel_one_serves_its_web_app_and_its_platform_api(standalone, device):
    assert "Welcome to Mitel One" in device.get(standalone["mitel_one"]["url"]).text
    tenant = standalone["tenants"][0]
    found = device.post(
        f"{standalone['mitel_one']['api']}/login/identify", json={"username": tenant["users"][0]["email"]}
    )
    assert found.json()["account_id"] == tenant["cloudlink_account_id"]
    assert device.get(f"{standalone['mitel_one']['api']}/me").status_code == 401


def test_a_mitel_one_event_sent_through_the_control_api_waits_in_the_inbox(standalone, device):
    tenant, user = standalone["tenants"][1], standalone["tenants"][1]["users"][0]
    event = {"kind": "message", "from": "Reception", "text": "Your visitor is here"}
    assert standalone.control("POST", f"/tenants/{tenant['id']}/mitel-one/events", **event) == {"notified_sessions": 0}
    token = device.post(
        standalone["cloudlink"]["token_endpoint"],
        json={"grant_type": "password", "username": user["email"], "password": user["cloudlink_password"],
              "client_id": "mitel-one-mobile"},
    ).json()["access_token"]  # fmt: skip
    session = device.post(f"{standalone['mitel_one']['api']}/session", json={"cloudlink_token": token})
    assert session.status_code == 200
    inbox = device.get(f"{standalone['mitel_one']['api']}/inbox").json()
    assert [m["text"] for m in inbox["unread_messages"]] == ["Your visitor is here"]
    device.post(f"{standalone['mitel_one']['api']}/logout")
