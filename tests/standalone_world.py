"""The standalone world as an outside client sees it: started as the README starts it, configured
only from its printed JSON and its documented control API (docs/world-api.md), reached through
its proxy with its CA trusted. Shared by the self-tests that run unmodified client libraries."""

from __future__ import annotations

import json
import signal
import ssl
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import httpx
import requests

ROOT = Path(__file__).resolve().parents[1]
ARGS = ("--tenants", "2", "--seed", "5", "--lockout-threshold", "3")


class StandaloneWorld:
    def __init__(self, *args: str) -> None:
        command = [sys.executable, "-m", "mocks", "serve", *args]
        self.process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()  # one JSON line once everything is up
        if not line:
            self.process.kill()
            raise RuntimeError(f"python -m mocks serve printed nothing: {self.process.stderr.read()}")
        self.description = json.loads(line)
        self.tls = ssl.create_default_context(cafile=self.description["ca_certificate"])
        self.http = self.client()

    def __getitem__(self, key: str):
        return self.description[key]

    def client(self, **options) -> httpx.Client:
        """httpx as a device is set up: the proxy and the CA, nothing else."""
        return httpx.Client(proxy=self["proxy"], verify=self.tls, timeout=15, **options)

    def requests_session(self) -> requests.Session:
        """A requests session set up the same way (MSAL's HTTP client)."""
        session = requests.Session()
        session.trust_env = False  # REQUESTS_CA_BUNDLE in the environment would override `verify`
        session.proxies = {"http": self["proxy"], "https": self["proxy"]}
        session.verify = self["ca_certificate"]
        return session

    def control(self, method: str, path: str, **body) -> dict | list:
        """The control API, JSON in and out; raises on a refusal."""
        answer = self.http.request(method, self["control"].rstrip("/") + path, json=body if body else None)
        answer.raise_for_status()
        return answer.json()

    def new_tenant(self, **settings) -> dict:
        return self.control("POST", "/tenants", **settings)

    def stop(self) -> int:
        self.http.close()
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=15)


def user(tenant: dict, index: int = 0) -> SimpleNamespace:
    """A tenant's user with attribute access (user.upn, user.enterprise_password)."""
    return SimpleNamespace(**tenant["users"][index])
