"""`python -m mocks serve`, and unmodified real clients (curl, httpx) on the simulated network:
production URLs through the proxy, the per-run CA trusted, unknown hosts refused and recorded."""

from __future__ import annotations

import json
import shutil
import signal
import ssl
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def standalone():
    command = [sys.executable, "-m", "mocks", "serve", "--tenants", "2", "--seed", "5", "--lockout-threshold", "3"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()  # the world prints one JSON line once everything is up
    if not line:
        process.kill()
        pytest.fail(f"python -m mocks serve printed nothing: {process.stderr.read()}")
    yield process, json.loads(line)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=15) == 0


@pytest.fixture(scope="module")
def device(standalone):
    """httpx as a device would be set up: the proxy setting and the CA trusted, nothing else."""
    _, world = standalone
    tls = ssl.create_default_context(cafile=world["ca_certificate"])
    with httpx.Client(proxy=world["proxy"], verify=tls, timeout=10) as client:
        yield client


def test_the_world_describes_tenants_users_and_where_everything_is(standalone):
    _, world = standalone
    assert len(world["tenants"]) == 2
    user = world["tenants"][0]["users"][0]
    assert user["micollab_password"]
    assert user["deployment_link"].startswith(f"https://{world['tenants'][0]['micollab_server']}/")
    assert world["tenants"][0]["settings"]["lockout_threshold"] == 3
    assert Path(world["ca_certificate"]).exists()


def test_curl_reaches_the_micollab_server_at_its_production_url(standalone):
    _, world = standalone
    curl = shutil.which("curl")
    assert curl, "curl is needed for this self-test: apt-get install curl"
    url = f"https://{world['tenants'][0]['micollab_server']}/api/v1/license"
    command = [curl, "--silent", "--fail", "--proxy", world["proxy"], "--cacert", world["ca_certificate"], url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=30, check=True)
    assert "License Agreement" in json.loads(done.stdout)["title"]


def test_httpx_logs_in_and_reads_the_mailbox(standalone, device):
    _, world = standalone
    tenant = world["tenants"][1]
    user = tenant["users"][0]
    login = {"username": user["login_id"], "password": user["micollab_password"]}
    answer = device.post(f"https://{tenant['micollab_server']}/api/v1/login", json=login)
    assert answer.status_code == 200
    mailbox = world["mailbox_api"].format(address=user["email"])
    assert [m["subject"] for m in device.get(mailbox).json()] == ["Welcome to MiCollab", "MiCollab Client Deployment"]


def test_an_unknown_host_is_refused_and_recorded(standalone, device):
    _, world = standalone
    assert device.get("https://www.example.org/").status_code == 502
    flows = device.get(world["inspection"]["proxy"]).json()
    assert any(f["host"] == "www.example.org" and f["refused"] for f in flows)


def test_the_inspection_api_creates_a_tenant_and_moves_its_clock(standalone, device):
    _, world = standalone
    made = device.post(world["inspection"]["world"], json={"lockout_threshold": 2})
    assert made.status_code == 201
    assert made.json()["settings"]["lockout_threshold"] == 2
    moved = device.post(f"{world['inspection']['world']}/{made.json()['id']}/clock", json={"advance": 3600})
    assert moved.status_code == 200
    refused = device.post(world["inspection"]["world"], json={"no_such_setting": 1})
    assert refused.status_code == 400


def test_a_fault_set_through_the_inspection_api_reaches_the_device(standalone, device):
    _, world = standalone
    host = world["tenants"][0]["micollab_server"]
    device.put(world["inspection"]["faults"], json={"host": host, "kind": "5xx", "status": 503})
    assert device.get(f"https://{host}/api/v1/license").status_code == 503
    device.delete(world["inspection"]["faults"])
    assert device.get(f"https://{host}/api/v1/license").status_code == 200
