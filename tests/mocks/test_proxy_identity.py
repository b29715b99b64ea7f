"""Traffic belongs to whoever sent it: the proxy knows each flow's device by its proxy user name,
asks a device that gives none (407), and tells a browser's own requests from its pages'."""

from __future__ import annotations

import ssl

import httpx
import pytest

from harness.traffic import ScenarioTraffic
from mocks.platform import Platform

CHECKIN = "https://android.clients.google.com/checkin"  # Chromium's push-messaging check-in


@pytest.fixture(scope="module")
def platform():
    running = Platform(require_identity=True).start()
    yield running
    running.stop()


@pytest.fixture
def tls(platform):
    return ssl.create_default_context(cafile=platform.ca_bundle)


def send(proxy: str, tls, url: str, **headers) -> int:
    with httpx.Client(proxy=proxy, verify=tls, timeout=10) as client:
        return client.post(url, content=b"x", headers=headers).status_code


def test_a_device_that_gives_no_name_is_asked_for_it(platform, tls):
    with pytest.raises(httpx.ProxyError, match="407"):
        send(platform.proxy_url, tls, f"{platform.mailbox_url}/_mock/ready")


def test_each_flow_is_its_devices_and_the_proxy_credentials_stay_with_the_proxy(platform, tls):
    traffic = ScenarioTraffic(platform.proxy)
    device = traffic.new_device("MiCollab Client")
    send(traffic.proxy_url(device), tls, f"{platform.mailbox_url}/_mock/ready")
    [flow] = traffic.flows()
    assert flow["device"] == device
    assert "proxy-authorization" not in {name.lower() for name in flow["request_headers"]}
    assert ScenarioTraffic(platform.proxy).flows() == []  # another scenario's devices sent nothing


def test_the_browsers_own_requests_are_shown_but_never_the_apps(platform, tls):
    traffic = ScenarioTraffic(platform.proxy)
    send(platform.browser_proxy_url, tls, CHECKIN)  # lent to nobody: nobody's
    traffic.lend_browser(traffic.new_device("Mitel One web application"))
    send(platform.browser_proxy_url, tls, CHECKIN)  # the browser's own, while the app holds it
    send(platform.browser_proxy_url, tls, "https://tracker.example/", **{"Sec-Fetch-Site": "cross-site"})
    traffic.lend_browser(None)
    assert [f["host"] for f in traffic.flows()] == ["tracker.example"]  # a page's request: the app's
    assert [f["host"] for f in traffic.browser_own()] == ["android.clients.google.com"]
    unowned = [f for f in platform.proxy.flows() if f["browser_own"] and not f["device"]]
    assert unowned, "the browser's request outside any scenario is recorded too"
