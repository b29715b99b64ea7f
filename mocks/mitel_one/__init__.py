"""The Mitel One platform at one.mitel.io: the web application's files (the reference app in
clients/mitel_one_web/static, or a variant a run names) and the platform's API (api.py) over its
rules (service.py): sign-in through CloudLink, sessions and their notifications, the EULA
record and each user's calls, messages and meeting invitations."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.responses import FileResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

WEB_HOST = "one.mitel.io"
# The app's routes and the page each one is.
PAGES = {
    "/": "index.html",
    "/login": "login.html",
    "/sso/callback": "sso.html",
    "/eula": "eula.html",
    "/home": "home.html",
    "/reset": "reset.html",
}


def web_app(directory: Path | None, api: list[Route]) -> Starlette:
    """The web application's pages at their routes, its API, and its other files as they are;
    the API alone when no web application is served."""
    if directory is None:
        return Starlette(routes=api)

    def page(name: str):
        async def serve(request) -> Response:
            return FileResponse(directory / name, media_type="text/html")

        return serve

    routes = [Route(path, page(name)) for path, name in PAGES.items()]
    return Starlette(routes=[*routes, *api, Mount("/", StaticFiles(directory=directory))])


from mocks.mitel_one.front import MitelOneFront  # noqa: E402  (the front serves web_app, above)

__all__ = ["PAGES", "WEB_HOST", "MitelOneFront", "web_app"]
