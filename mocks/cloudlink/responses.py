"""CloudLink's answers in HTTP terms: RFC 6749 §5.2 error bodies (at /token with its error codes
and statuses), client authentication (RFC 6749 §2.3.1), and x-mitel-correlation-id on every API
response."""

from __future__ import annotations

import base64
import binascii
import uuid
from urllib.parse import unquote

from starlette.requests import Request
from starlette.responses import JSONResponse

from mocks.cloudlink.clients import invalid_client
from mocks.cloudlink.directory import CloudLinkError
from mocks.cloudlink.federation import BASE

CORRELATION_HEADER = "x-mitel-correlation-id"
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}  # RFC 6749 §5.1
# RFC 6749 §5.2's error codes; any other refusal at /token is one of these.
TOKEN_ERRORS = {"invalid_request", "invalid_client", "invalid_grant", "unauthorized_client", "unsupported_grant_type"}


def error_response(error: CloudLinkError) -> JSONResponse:
    headers = {"Retry-After": str(error.extra["retry_after"])} if "retry_after" in error.extra else {}
    extra = {k: v for k, v in error.extra.items() if k != "retry_after"}
    body = {"error": error.code, "error_description": str(error)} | extra
    if error.status == 401 and error.code == "invalid_client":
        headers["WWW-Authenticate"] = 'Basic realm="CloudLink"'
    return JSONResponse(body, error.status, headers=headers | NO_STORE)


def token_error(error: CloudLinkError) -> CloudLinkError:
    """A refusal at /token in RFC 6749 §5.2's terms: 400 with its error codes (401 for a failed
    client authentication); a rate limit keeps its 429 and Retry-After."""
    if error.status == 429:
        return error
    if error.code == "invalid_client":
        return CloudLinkError(401, error.code, str(error), **error.extra)
    code = error.code if error.code in TOKEN_ERRORS else "invalid_grant"
    code = "invalid_request" if error.code == "multiple_accounts" else code
    return CloudLinkError(400, code, str(error), **error.extra)


def client_credentials(request: Request, body: dict[str, str]) -> tuple[str, str]:
    """client_id and client_secret from HTTP Basic (RFC 6749 §2.3.1, form-encoded) or the body."""
    kind, _, encoded = request.headers.get("authorization", "").partition(" ")
    if kind.lower() != "basic":
        return body.get("client_id", ""), body.get("client_secret", "")
    try:
        user, _, secret = base64.b64decode(encoded, validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        raise invalid_client("The Authorization header cannot be read.") from None
    return unquote(user), unquote(secret)


class CorrelationId:
    """ASGI middleware: every API response (under /2017-09-01) carries x-mitel-correlation-id."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(BASE):
            await self.app(scope, receive, send)
            return
        given = dict(scope["headers"]).get(CORRELATION_HEADER.encode(), b"")
        value = given[:128] or str(uuid.uuid4()).encode()

        async def send_with_id(message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), (CORRELATION_HEADER.encode(), value)]}
            await send(message)

        await self.app(scope, receive, send_with_id)
