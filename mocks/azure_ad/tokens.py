"""Azure AD's signing key and the tokens it signs: the JWKS, v2.0 ID tokens, access tokens and the
token endpoint's answer. One RSA key signs both the JWTs and the SAML responses, as in Entra,
where the JWKS's x5c is the SAML signing certificate and `kid` is that certificate's x5t."""

from __future__ import annotations

import base64
import datetime
import hashlib
import json
import secrets
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from mocks.azure_ad.endpoints import issuer, saml_entity_id
from mocks.signing import SigningKey

if TYPE_CHECKING:
    from mocks.azure_ad.models import Grant, OidcApp

TOKEN_TTL = 3600  # ID and access tokens: one hour
CERTIFICATE_NAME = "Microsoft Azure Federated SSO Certificate"  # the name Entra gives SAML signing certificates
GRAPH = "00000003-0000-0000-c000-000000000000"  # Microsoft Graph's application ID: the default resource
OIDC_SCOPES = frozenset({"openid", "profile", "email", "offline_access"})


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _self_signed(key: rsa.RSAPrivateKey) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, CERTIFICATE_NAME)])
    now = datetime.datetime.now(datetime.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=3 * 365))  # Entra's certificates last three years
    )
    return builder.sign(key, hashes.SHA256())


class SigningKeys(SigningKey):
    """Made once per directory: a 2048-bit RSA key (~30 ms), its self-signed certificate for SAML,
    and Entra's key ID, the certificate's SHA-1 thumbprint."""

    def __init__(self) -> None:
        private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.certificate = _self_signed(private_key)
        der = self.certificate.public_bytes(serialization.Encoding.DER)
        self.certificate_b64 = base64.b64encode(der).decode()  # as in X509Certificate and x5c
        super().__init__(b64url(hashlib.sha1(der).digest()), private_key)  # x5t is SHA-1 (RFC 7517)

    def jwks(self, tenant: str = "common") -> dict:
        """Entra's JWKS entry, with the tenant's issuer (`{tenantid}` for common and organizations)."""
        public = self.public_jwk()
        entry = {"kty": "RSA", "use": "sig", "kid": self.kid, "x5t": self.kid, "n": public["n"], "e": public["e"]}
        entry |= {"x5c": [self.certificate_b64], "cloud_instance_name": "microsoftonline.com", "issuer": issuer(tenant)}
        return {"keys": [entry]}


def pairwise_subject(object_id: str, client_id: str) -> str:
    """Entra's `sub`: stable for one user and one application, different for every other app."""
    return b64url(hashlib.sha256(f"{object_id}|{client_id}".encode()).digest())


def client_info(object_id: str, tenant_id: str) -> str:
    """What MSAL reads to name the account in its cache: base64url JSON {uid, utid}."""
    return b64url(json.dumps({"uid": object_id, "utid": tenant_id}).encode())


def id_token_claims(grant: Grant, now: int) -> dict:
    """The v2.0 ID token, as Entra's ID token claims reference lists it: `sid` names the sign-in
    session; `name`, `preferred_username` and `oid` come with the profile scope, `email` with the
    email scope (or as an optional claim); `upn` only as an optional claim of the app registration
    (v2.0 tokens left it out of the defaults), with the profile scope."""
    user, tid, scopes = grant.account.user, grant.account.tenant.azure_tenant_id, set(grant.scope.split())
    optional = set(grant.app.optional_claims)
    claims = {
        "aud": grant.client_id, "iss": issuer(tid), "iat": now, "nbf": now, "exp": now + TOKEN_TTL,
        "sub": pairwise_subject(user.azure_object_id, grant.client_id), "tid": tid, "sid": grant.sid,
        "uti": secrets.token_urlsafe(16), "ver": "2.0",
    }  # fmt: skip
    if "profile" in scopes:
        claims |= {"name": user.name, "preferred_username": user.upn, "oid": user.azure_object_id}
        claims |= {"upn": user.upn} if "upn" in optional else {}
    if "email" in scopes or "email" in optional:
        claims["email"] = user.email
    if grant.nonce:
        claims["nonce"] = grant.nonce
    return claims


def access_token_claims(grant: Grant, scope: str, now: int) -> dict:
    """An access token for the app's own API (api://<client>/...: v2.0) or, by default, Microsoft
    Graph (v1.0, issued by sts.windows.net; clients must not validate Graph tokens)."""
    user, tid = grant.account.user, grant.account.tenant.azure_tenant_id
    resource_scopes = [s for s in scope.split() if s not in OIDC_SCOPES]
    own = [s.rsplit("/", 1) for s in resource_scopes if s.startswith(f"api://{grant.client_id}/")]
    claims = {"iat": now, "nbf": now, "exp": now + TOKEN_TTL, "oid": user.azure_object_id, "tid": tid}
    claims |= {"name": user.name, "uti": secrets.token_urlsafe(16), "sub": pairwise_subject(user.azure_object_id, "")}
    if own:
        scp = " ".join(name for _, name in own)
        return claims | {"aud": grant.client_id, "iss": issuer(tid), "azp": grant.client_id, "scp": scp, "ver": "2.0"}
    scp = " ".join(s.rsplit("/", 1)[-1] for s in resource_scopes) or "User.Read"
    graph = {"aud": GRAPH, "iss": saml_entity_id(tid), "appid": grant.client_id, "scp": scp, "ver": "1.0"}
    return claims | graph | {"upn": user.upn, "unique_name": user.upn}


def app_token_claims(app: OidcApp, tenant_id: str, scope: str, now: int) -> dict:
    """An app-only access token (client credentials) for `<resource>/.default`: Graph's (v1.0)
    or the app's own API's (v2.0); `idtyp` app, the service principal as `oid` and `sub`."""
    resource = scope.split(maxsplit=1)[0].removesuffix("/.default")
    claims = {"iat": now, "nbf": now, "exp": now + TOKEN_TTL, "tid": tenant_id, "idtyp": "app"}
    claims |= {"oid": app.object_id, "sub": app.object_id, "uti": secrets.token_urlsafe(16)}
    if resource in {f"api://{app.client_id}", app.client_id}:
        return claims | {"aud": app.client_id, "iss": issuer(tenant_id), "azp": app.client_id, "ver": "2.0"}
    return claims | {"aud": GRAPH, "iss": saml_entity_id(tenant_id), "appid": app.client_id, "ver": "1.0"}


class TokenIssuer:
    def __init__(self, keys: SigningKeys) -> None:
        self.keys = keys

    def respond(self, grant: Grant, scope: str, refresh_token: str = "") -> dict:
        """The token endpoint's 200 answer. An ID token with `openid`; a refresh token when the
        caller made one (Entra gives one only for `offline_access`)."""
        now = int(grant.account.tenant.clock.now())
        account = grant.account
        answer = {
            "token_type": "Bearer", "scope": scope, "expires_in": TOKEN_TTL, "ext_expires_in": TOKEN_TTL,
            "access_token": self.keys.sign(access_token_claims(grant, scope, now)),
            "client_info": client_info(account.user.azure_object_id, account.tenant.azure_tenant_id),
        }  # fmt: skip
        if refresh_token:
            answer["refresh_token"] = refresh_token
        if "openid" in scope.split():
            answer["id_token"] = self.keys.sign(id_token_claims(grant, now))
        return answer

    def respond_for_app(self, app: OidcApp, tenant_id: str, scope: str, now: int) -> dict:
        """The client credentials grant's answer: an access token alone, no refresh token."""
        token = self.keys.sign(app_token_claims(app, tenant_id, scope, now))
        return {"token_type": "Bearer", "expires_in": TOKEN_TTL, "ext_expires_in": TOKEN_TTL, "access_token": token}
