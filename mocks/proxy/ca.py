"""The proxy's CA, the harness's own: made once per checkout and given to every proxy, in the files
mitmproxy reads from its folder (`mitmproxy-ca.pem`: key and certificate; `mitmproxy-ca-cert.pem`:
the certificate a device trusts).

Its key is an elliptic-curve key (P-256), not the RSA-2048 key mitmproxy makes. mitmproxy signs
every certificate it makes with the CA's key and gives it the same key, so every TLS handshake
signs with it too: every scenario's tenant has host names of its own (a new certificate each),
and every device opens a connection or more per host. ECDSA signs in a fraction of RSA's time.
"""

from __future__ import annotations

import datetime
import shutil
import tempfile
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

KEY_AND_CERTIFICATE = "mitmproxy-ca.pem"
CERTIFICATE = "mitmproxy-ca-cert.pem"
NAME = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Login conformance harness CA")])
VALID = datetime.timedelta(days=3650)  # as mitmproxy's own CA
# As mitmproxy makes its CA: a CA for servers' certificates only.
CA_USAGE = x509.KeyUsage(
    digital_signature=False,
    content_commitment=False,
    key_encipherment=False,
    data_encipherment=False,
    key_agreement=False,
    key_cert_sign=True,
    crl_sign=True,
    encipher_only=False,
    decipher_only=False,
)


def make(folder: Path) -> None:
    """A new CA's files in `folder`."""
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(NAME)
        .issuer_name(NAME)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=2))  # a device whose clock is behind
        .not_valid_after(now + VALID)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(CA_USAGE, critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    pem = certificate.public_bytes(serialization.Encoding.PEM)
    private = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    (folder / KEY_AND_CERTIFICATE).write_bytes(private + pem)
    (folder / KEY_AND_CERTIFICATE).chmod(0o600)
    (folder / CERTIFICATE).write_bytes(pem)


def kept(cache: Path) -> Path:
    """The CA kept in `cache`, made first if there is none: whole or not at all (a folder renamed
    into place), and when two proxies make one at once, the first to finish is kept."""
    if (cache / KEY_AND_CERTIFICATE).exists():
        return cache
    cache.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="ca-", dir=cache.parent))
    make(scratch)
    try:
        scratch.rename(cache)
    except OSError:  # another proxy kept its CA first
        shutil.rmtree(scratch, ignore_errors=True)
    return cache
