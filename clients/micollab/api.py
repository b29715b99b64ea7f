"""The MiCollab server's API as the client calls it: over HTTP, through the device's proxy."""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from functools import cache

import httpx

from clients.driver import ClientSettings

# What a proxy answers when it cannot reach the server: the server is down, not failing.
GATEWAY_ERRORS = {502, 504}


@cache
def tls_context(ca_bundle: str | None) -> ssl.SSLContext:
    """One TLS context per CA bundle: building one costs ~40 ms, far more than a login."""
    return ssl.create_default_context(cafile=ca_bundle)


@dataclass
class ApiError(Exception):
    """The server refused (`code` from its answer) or could not be reached (`code` = unreachable)."""

    code: str
    status: int = 0
    retry_after: int = 0
    detail: str = ""


class MiCollabApi:
    def __init__(self, settings: ClientSettings, scheme: str = "https") -> None:
        self._scheme = scheme
        self.http = httpx.Client(
            proxy=settings.proxy_url, verify=tls_context(settings.ca_bundle), timeout=settings.timeout
        )

    def call(self, host: str, method: str, path: str, auth: tuple[str, str | None] | None = None, **json) -> dict:
        headers = {"Authorization": f"{auth[0]} {auth[1]}"} if auth else {}
        try:
            answer = self.http.request(method, f"{self._scheme}://{host}{path}", json=json or None, headers=headers)
        except httpx.TimeoutException as exc:
            raise ApiError("timed_out", detail=str(exc)) from exc
        except httpx.HTTPError as exc:
            raise ApiError("unreachable", detail=str(exc)) from exc
        return self._body(answer)

    @staticmethod
    def _body(answer: httpx.Response) -> dict:
        if answer.status_code in GATEWAY_ERRORS and "json" not in answer.headers.get("content-type", ""):
            raise ApiError("unreachable", answer.status_code, detail=f"HTTP {answer.status_code} from the proxy")
        try:
            body = answer.json() if answer.content else {}
        except ValueError:
            raise ApiError("server_error", answer.status_code, detail=f"HTTP {answer.status_code}") from None
        if answer.is_success and isinstance(body, dict):
            return body
        code = body.get("error", "server_error") if isinstance(body, dict) else "server_error"
        retry_after = int(answer.headers.get("retry-after", "0") or 0)
        raise ApiError(code, answer.status_code, retry_after, f"HTTP {answer.status_code}")

    def close(self) -> None:
        self.http.close()
