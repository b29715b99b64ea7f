"""A signing key with its JWKS, for the identity providers' JWTs (joserfc, RS256)."""

from __future__ import annotations

from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey


class SigningKey:
    """One RSA key per provider, made once per test session: 2048-bit generation costs ~0.1 s."""

    def __init__(self, kid: str) -> None:
        self.kid = kid
        self._key = RSAKey.generate_key(2048, parameters={"kid": kid, "use": "sig", "alg": "RS256"}, private=True)
        self._public = KeySet.import_key_set(self.jwks())

    def jwks(self) -> dict:
        return {"keys": [self._key.as_dict(private=False)]}

    def sign(self, claims: dict) -> str:
        return jwt.encode({"alg": "RS256", "kid": self.kid, "typ": "JWT"}, claims, self._key)

    def verify(self, token: str) -> dict:
        """The claims of a token this key signed; raises joserfc's errors otherwise."""
        return jwt.decode(token, self._public, algorithms=["RS256"]).claims
