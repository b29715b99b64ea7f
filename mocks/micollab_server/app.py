"""The MiCollab server's HTTP API. The tenant is the one whose server host the request names.

POST /api/v1/deployments/redeem   {"token"}            -> 200 {login_id, display_name, first_login,
                                                          deployment_session} | 404 | 410 {error}
GET  /api/v1/userdata             Authorization: Deployment <deployment_session> -> {favorites}
GET  /api/v1/license                                   -> {title, text}
POST /api/v1/login/identify       {"username"}         -> {method: "password" | "cloudlink", server_version,
                                                          cloudlink: {authorization_endpoint, client_id,
                                                          redirect_uri, login_hint}}
POST /api/v1/login/cloudlink      {"cloudlink_token"}  -> as /api/v1/login: the client signed in on the
                                                          CloudLink Unified login page (authorization code
                                                          + PKCE, redeemed at CloudLink's /token) and hands
                                                          over the CloudLink access token, which the server
                                                          verifies against CloudLink's signing keys
POST /api/v1/login                {"username", "password"} -> 200 {access_token, expires_in}
                                                          | 401 {error} | 423 {error} + Retry-After
GET  /api/v1/home                 Authorization: Bearer <access_token> -> {display_name, ...}
POST /api/v1/logout               Authorization: Bearer <access_token> -> 204
GET  /micollab/deploy?token=...   the deployment link itself: a page for a browser without the client
GET  /_mock/requests              inspection: what this tenant's server received (mocks/received.py)
/ucs/micollab/...                 the MiCollab Web Client's pages and API (web_client.py)
"""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from mocks.micollab_server.directory import (
    AccountLocked,
    MiCollabDirectory,
    ServerError,
    ServerTenant,
    UnknownServer,
)
from mocks.micollab_server.web_client import web_client_routes

LICENSE = {
    "title": "MiCollab Client End User License Agreement",
    "text": "By clicking Accept you agree to the terms of the Mitel End User License Agreement.",
}


def _bearer(request: Request, scheme: str) -> str:
    kind, _, token = request.headers.get("authorization", "").partition(" ")
    return token if kind.lower() == scheme.lower() else ""


async def _json_field(request: Request, *names: str) -> list[str]:
    try:
        body = await request.json()
    except ValueError:
        body = None
    if not isinstance(body, dict) or not all(isinstance(body.get(n), str) for n in names):
        raise ServerError("invalid_request", f"a JSON object with {', '.join(names)} is required")
    return [body[n] for n in names]


def _refusal(exc: ServerError) -> Response:
    headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, AccountLocked) else None
    return JSONResponse({"error": exc.code, "error_description": str(exc)}, exc.status, headers=headers)


def micollab_app(directory: MiCollabDirectory, web_client: Path | None = None, requests=None) -> Starlette:
    """`web_client`: the folder of the MiCollab Web Client's pages, served at /ucs/micollab/;
    `requests(host=…)`: what the servers received (mocks/received.py)."""

    def tenant_of(request: Request) -> ServerTenant:
        host = request.headers.get("host", "").rsplit(":", 1)[0]
        state = directory.tenant(host)
        if state is None:
            raise UnknownServer("unknown_server", f"no MiCollab server answers at {host}")
        return state

    def endpoint(handler):
        async def wrapped(request: Request) -> Response:
            try:
                return await handler(request, tenant_of(request))
            except ServerError as exc:
                return _refusal(exc)

        return wrapped

    async def redeem(request: Request, state: ServerTenant) -> Response:
        [token] = await _json_field(request, "token")
        account, session = directory.redeem(state, token)
        user = account.user
        return JSONResponse(
            {
                "login_id": user.login_id,
                "display_name": user.name,
                "first_login": not account.logged_in_before,
                "deployment_session": session,
            }
        )

    async def user_data(request: Request, state: ServerTenant) -> Response:
        return JSONResponse(directory.export_user_data(state, _bearer(request, "Deployment")))

    async def license_agreement(request: Request, state: ServerTenant) -> Response:
        return JSONResponse(LICENSE)

    async def identify(request: Request, state: ServerTenant) -> Response:
        [username] = await _json_field(request, "username")
        return JSONResponse(directory.identify(state, username))

    async def login(request: Request, state: ServerTenant) -> Response:
        username, password = await _json_field(request, "username", "password")
        _, token = directory.login(state, username, password)
        return JSONResponse(
            {"access_token": token, "token_type": "Bearer", "expires_in": int(state.tenant.settings.session_ttl)}
        )

    async def login_cloudlink(request: Request, state: ServerTenant) -> Response:
        [token] = await _json_field(request, "cloudlink_token")
        _, session = directory.login_with_cloudlink(state, token)
        ttl = int(state.tenant.settings.session_ttl)
        return JSONResponse({"access_token": session, "token_type": "Bearer", "expires_in": ttl})

    async def home(request: Request, state: ServerTenant) -> Response:
        return JSONResponse(directory.home(state, _bearer(request, "Bearer")))

    async def logout(request: Request, state: ServerTenant) -> Response:
        directory.logout(state, _bearer(request, "Bearer"))
        return Response(status_code=204)

    async def deploy_page(request: Request, state: ServerTenant) -> Response:
        return HTMLResponse("<!doctype html><title>MiCollab</title><p>Opening MiCollab Client…</p>")

    async def received(request: Request, state: ServerTenant) -> Response:
        found = await run_in_threadpool(requests, host=state.tenant.server_host) if requests else []
        return JSONResponse(found)

    routes = {
        "/api/v1/deployments/redeem": (redeem, ["POST"]),
        "/api/v1/userdata": (user_data, ["GET"]),
        "/api/v1/license": (license_agreement, ["GET"]),
        "/api/v1/login/identify": (identify, ["POST"]),
        "/api/v1/login": (login, ["POST"]),
        "/api/v1/login/cloudlink": (login_cloudlink, ["POST"]),
        "/api/v1/home": (home, ["GET"]),
        "/api/v1/logout": (logout, ["POST"]),
        "/micollab/deploy": (deploy_page, ["GET"]),
        "/_mock/requests": (received, ["GET"]),
    }
    api = [Route(path, endpoint(h), methods=m) for path, (h, m) in routes.items()]
    pages = web_client_routes(directory, web_client, endpoint) if web_client is not None else []
    return Starlette(routes=[*api, *pages])
