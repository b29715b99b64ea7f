"""The browser driver: a clear message when Chromium is missing, and Chromium's own traffic kept
off the network."""

from __future__ import annotations

import pytest

from clients import web
from harness.errors import HarnessError


def test_a_missing_browser_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setattr(web, "CHROMIUM", tmp_path / "no-chromium")
    with pytest.raises(HarnessError, match=r"Chromium is not installed: run `make setup`"):
        web.Browser("http://127.0.0.1:9", "unused.pem")


def test_the_default_search_engine_points_nowhere():
    """Debian's Chromium opens its search engine's start page at launch; ours is a closed port."""
    provider = web.PREFERENCES["default_search_provider"]
    assert provider["search_url"].startswith("http://127.0.0.1:9/")


def test_the_ca_is_trusted_by_its_public_key_hash(tmp_path):
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "harness test CA")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(1).not_valid_before(now).not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    pem = tmp_path / "ca.pem"
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    assert len(web.spki_hash(str(pem))) == 44  # base64 of a SHA-256 digest
