"""The Mitel One platform's sign-in API, same-origin with the web app at one.mitel.io. A Mitel
One account is a CloudLink account: the Mitel account password is checked by CloudLink.

POST /api/v1/login/identify {"username"}        -> {"methods": ["password", "sso"?], "email"}
POST /api/v1/session        {"cloudlink_token"} -> 200 + session cookie | 401 {"error"}
(the web app signs in at CloudLink itself: the password never reaches Mitel One)
GET  /api/v1/me                                      -> {"name", "email"} | 401
POST /api/v1/logout                                  -> 204, the session ends
"""

from __future__ import annotations

import secrets
import threading

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from mocks.cloudlink.directory import CloudLinkDirectory, CloudLinkError

SESSION_COOKIE = "mitel_one_session"
WEB_CLIENT_ID = "mitel-one-web"


class MitelOneSessions:
    def __init__(self, cloudlink: CloudLinkDirectory, verify_cloudlink) -> None:
        self.cloudlink = cloudlink
        self.verify_cloudlink = verify_cloudlink  # checks a CloudLink token against CloudLink's key
        self._sessions: dict[str, object] = {}
        self._lock = threading.Lock()

    def methods(self, username: str) -> list[str]:
        """Password always; Single Sign On only where the IT administrator configured it. An
        unknown name gets the same answer as a known one without SSO."""
        accounts = self.cloudlink.accounts_of(self.email_of(username))
        sso = bool(accounts) and accounts[0].tenant.settings.mitel_one_sso
        return ["password", "sso"] if sso else ["password"]

    def email_of(self, username: str) -> str:
        """The user name is the e-mail, or the UPN of an Azure user: both lead to the account."""
        name = username.strip().lower()
        for entries in self.cloudlink.users.values():
            for entry in entries:
                if name in {entry.user.email.lower(), entry.user.upn.lower()}:
                    return entry.user.email
        return name

    def open_session(self, cloudlink_token: str) -> str:
        """A session for the holder of a CloudLink token issued to the web app."""
        claims = self.verify_cloudlink(cloudlink_token)
        if claims.get("aud") != WEB_CLIENT_ID:
            raise CloudLinkError(401, "invalid_token", "the token was issued to another application")
        entry = self.cloudlink.find(str(claims.get("email", "")))
        session = secrets.token_urlsafe(24)
        with self._lock:
            self._sessions[session] = entry
        return session

    def user(self, session: str):
        with self._lock:
            return self._sessions.get(session)

    def open_sessions(self, email: str) -> int:
        with self._lock:
            return sum(1 for entry in self._sessions.values() if entry.user.email == email)

    def end(self, session: str) -> None:
        with self._lock:
            self._sessions.pop(session, None)


def api_routes(sessions: MitelOneSessions) -> list[Route]:
    async def identify(request: Request) -> Response:
        username = str((await request.json()).get("username", ""))
        return JSONResponse({"methods": sessions.methods(username), "email": sessions.email_of(username)})

    async def login(request: Request) -> Response:
        body = await request.json()
        try:
            session = sessions.open_session(str(body.get("cloudlink_token", "")))
        except Exception as error:  # any refusal of the token means the same: no session
            return JSONResponse({"error": "invalid_token", "message": str(error)}, 401)
        answer = JSONResponse({"signed_in": True})
        answer.set_cookie(SESSION_COOKIE, session, httponly=True, secure=True, samesite="strict")
        return answer

    async def me(request: Request) -> Response:
        entry = sessions.user(request.cookies.get(SESSION_COOKIE, ""))
        if entry is None:
            return JSONResponse({"error": "not_signed_in"}, 401)
        return JSONResponse({"name": entry.user.name, "email": entry.user.email})

    async def logout(request: Request) -> Response:
        sessions.end(request.cookies.get(SESSION_COOKIE, ""))
        answer = Response(status_code=204)
        answer.delete_cookie(SESSION_COOKIE)
        return answer

    return [
        Route("/api/v1/login/identify", identify, methods=["POST"]),
        Route("/api/v1/session", login, methods=["POST"]),
        Route("/api/v1/me", me),
        Route("/api/v1/logout", logout, methods=["POST"]),
    ]
