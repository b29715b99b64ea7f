"""A provider's RS256 signing key and its JWKS (joserfc), for the identity providers' JWTs."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric import rsa
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey


class SigningKey:
    """One RSA key per provider, made once per test session (2048-bit: tens of milliseconds)."""

    def __init__(self, kid: str, private_key: rsa.RSAPrivateKey | None = None) -> None:
        self.kid = kid
        self.private_key = private_key or rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self._jwk = RSAKey.import_key(self.private_key, parameters={"kid": kid, "use": "sig", "alg": "RS256"})
        self._public = KeySet.import_key_set({"keys": [self.public_jwk()]})

    def public_jwk(self) -> dict:
        return self._jwk.as_dict(private=False)

    def jwks(self) -> dict:
        return {"keys": [self.public_jwk()]}

    def sign(self, claims: dict) -> str:
        return jwt.encode({"typ": "JWT", "alg": "RS256", "kid": self.kid}, claims, self._jwk)

    def verify(self, token: str) -> dict:
        """The claims of a token this key signed (signature only); raises joserfc's errors otherwise."""
        return jwt.decode(token, self._public, algorithms=["RS256"]).claims
