"""The MiCollab Web Client as the MiCollab server serves it, at /ucs/micollab/ (the address the
welcome e-mail gives): its pages (the reference web client in clients/micollab_web/static, or a
variant a run names) and the API they call, same-origin.

GET  /ucs/micollab/                       the log-on page
GET  /ucs/micollab/home                   the Web Client: User Profile > Settings > General > Self Deployment
POST /ucs/micollab/api/logon {"username", "password"} -> 204 + session cookie | 401 {error} | 423 {error}
GET  /ucs/micollab/api/me                 -> {display_name, login_id} | 401
POST /ucs/micollab/api/self-deployment    -> {link, qr_code}: a fresh single-use deployment link, the kind
                                             the deployment e-mail carries, and its QR code (an SVG data URI)
POST /ucs/micollab/api/logoff             -> 204, the Web Client session ends
"""

from __future__ import annotations

from pathlib import Path

import segno
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from mocks.micollab_server.directory import WEB, MiCollabDirectory, NotAuthorised, ServerTenant
from mocks.micollab_server.mailer import deployment_link

WEB_CLIENT_PATH = "/ucs/micollab"
SESSION_COOKIE = "micollab_web_session"
PAGES = {"/": "index.html", "/home": "home.html"}  # the Web Client's routes and the page each one is
QR_SCALE = 5  # pixels per module: large enough for a camera, and for the harness's screenshot


def qr_code(text: str) -> str:
    """The QR code of `text` as an SVG data URI (segno)."""
    return segno.make(text, error="m").svg_data_uri(scale=QR_SCALE, border=4)


def web_client_routes(directory: MiCollabDirectory, pages: Path, endpoint) -> list:
    """The Web Client's pages and API; `endpoint(handler)` gives a handler its tenant and turns
    the directory's refusals into HTTP answers (see app.py)."""

    def session_of(request: Request) -> str:
        session = request.cookies.get(SESSION_COOKIE, "")
        if not session:
            raise NotAuthorised("invalid_token", "not logged on to MiCollab Web Client")
        return session

    async def logon(request: Request, state: ServerTenant) -> Response:
        body = await request.json()
        username, password = str(body.get("username", "")), str(body.get("password", ""))
        _, session = directory.login(state, username, password, kind=WEB)
        answer = Response(status_code=204)
        answer.set_cookie(SESSION_COOKIE, session, path=WEB_CLIENT_PATH, secure=True, httponly=True, samesite="strict")
        return answer

    async def me(request: Request, state: ServerTenant) -> Response:
        return JSONResponse(directory.web_user(state, session_of(request)))

    async def self_deployment(request: Request, state: ServerTenant) -> Response:
        deployment = directory.self_deployment(state, session_of(request))
        scheme = request.headers.get("x-forwarded-proto", request.url.scheme)
        link = deployment_link(state.tenant, deployment, scheme)
        return JSONResponse({"link": link, "qr_code": qr_code(link)})

    async def logoff(request: Request, state: ServerTenant) -> Response:
        directory.logout(state, request.cookies.get(SESSION_COOKIE, ""), kind=WEB)
        answer = Response(status_code=204)
        answer.delete_cookie(SESSION_COOKIE, path=WEB_CLIENT_PATH)
        return answer

    def page(name: str):
        async def serve(request: Request, state: ServerTenant) -> Response:
            return FileResponse(pages / name, media_type="text/html")

        return serve

    api = {
        "/api/logon": (logon, ["POST"]),
        "/api/me": (me, ["GET"]),
        "/api/self-deployment": (self_deployment, ["POST"]),
        "/api/logoff": (logoff, ["POST"]),
    }
    routes = [Route(WEB_CLIENT_PATH + path, endpoint(page(name))) for path, name in PAGES.items()]
    routes += [Route(WEB_CLIENT_PATH + path, endpoint(h), methods=m) for path, (h, m) in api.items()]
    return [*routes, Mount(WEB_CLIENT_PATH, StaticFiles(directory=pages))]
