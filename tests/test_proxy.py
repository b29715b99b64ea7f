"""The proxy: a simulated host answers where the real one listens, and each scenario's flows are
kept apart and a finished scenario's let go of, so a long run neither searches nor holds the flows
of the scenarios before it."""

from __future__ import annotations

import ssl

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec

from mocks.platform import Platform
from mocks.proxy import ca


@pytest.fixture(scope="module")
def platform():
    started = Platform(direct=False, require_identity=True).start()
    yield started
    started.stop()


def visit(platform: Platform, device: str, url: str = "") -> httpx.Response:
    tls = ssl.create_default_context(cafile=platform.ca_bundle)
    with httpx.Client(proxy=platform.proxy.device_url(device), verify=tls) as client:
        return client.get(url or platform.mailbox_url + "/_mock/ready").raise_for_status()


def test_a_simulated_host_answers_on_its_schemes_port_only(platform):
    assert visit(platform, "s9.harness.1", platform.mailbox_url + ":443/_mock/ready").status_code == 200
    with pytest.raises(httpx.HTTPStatusError) as answered:
        visit(platform, "s9.harness.1", platform.mailbox_url + ":36008/_mock/ready")
    assert answered.value.response.status_code == 502
    assert "connection_refused" in answered.value.response.headers["proxy-status"]


def test_the_ca_is_made_once_with_an_elliptic_curve_key_and_kept(tmp_path):
    folder = ca.kept(tmp_path / "ca")
    made = (folder / ca.KEY_AND_CERTIFICATE).read_bytes()
    assert ca.kept(tmp_path / "ca") == folder
    assert (folder / ca.KEY_AND_CERTIFICATE).read_bytes() == made
    certificate = x509.load_pem_x509_certificate((folder / ca.CERTIFICATE).read_bytes())
    assert isinstance(certificate.public_key(), ec.EllipticCurvePublicKey)
    assert certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca


def test_every_tenants_host_gets_a_trusted_certificate_past_the_proxys_store_of_a_hundred(platform):
    """Each scenario's tenant has host names of its own: the proxy makes a certificate for each
    and lets the oldest go past a hundred (serve.expire)."""
    for tenant in range(105):
        url = f"https://micollab.tenant{tenant}.example.com/_mock/nowhere"
        with pytest.raises(httpx.HTTPStatusError) as answered:  # verified TLS, then the mock's 404
            visit(platform, f"s8.harness.{tenant}", url)
        assert answered.value.response.status_code == 404


def test_a_scenario_sees_its_own_flows_and_forgetting_them_leaves_the_others(platform):
    proxy = platform.proxy
    visit(platform, "s1.micollab-client.1")
    visit(platform, "s2.micollab-client.1")
    visit(platform, "s2.harness.2")
    assert [f["device"] for f in proxy.flows(device="s2.")] == ["s2.micollab-client.1", "s2.harness.2"]
    proxy.forget("s2.")  # told with the next call
    assert proxy.flows(device="s2.") == []
    assert [f["device"] for f in proxy.flows(device="s1.")] == ["s1.micollab-client.1"]
    assert "s1.micollab-client.1" in [f["device"] for f in proxy.flows()]  # every owner's, in order


def test_forgetting_through_the_control_api_needs_one_owner_named(platform):
    with httpx.Client(proxy=platform.proxy.url) as control:
        answer = control.delete("http://proxy.harness.test/flows", params={"device": ""})
    assert answer.status_code == 400
    assert "name one owner" in answer.text
