"""The Mitel One platform's API, same-origin with the web app at one.mitel.io; the mobile client
calls it too. The Mitel account password never reaches it: clients sign in at CloudLink.

POST /api/v1/login/identify {"username", "account_number"?} -> {"methods", "email", "account_id"}
                                 | 409 account_number_required | 422 invalid_account_number
POST /api/v1/session  {"cloudlink_token"} -> 200 {"eula_accepted"} + session cookie | 401
GET  /api/v1/me       -> {"name", "email", "eula_accepted"} | 401
GET  /api/v1/eula     -> {"title", "text"}: the agreement every client type shows
POST /api/v1/eula     {"accepted": true} -> 204: the acceptance, shared by every client type
GET  /api/v1/inbox    -> {"missed_calls", "unread_messages", "meeting_invitations"}
GET  /api/v1/events   -> text/event-stream: a `call`, `message` or `invitation` event as it
                         comes, for as long as the session lasts
POST /api/v1/logout   -> 204: the session ends and its event streams close
Errors are {"error", "message"}.
"""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from mocks.mitel_one.service import MitelOne, MitelOneError
from mocks.mitel_one.sessions import STREAM_CLOSED, Session

SESSION_COOKIE = "mitel_one_session"
# The agreement the clients show (its words are the harness's: the document prints none).
EULA = {
    "title": "Mitel End User License Agreement",
    "text": "This agreement is between you and Mitel Networks Corporation. It governs your use of Mitel One on "
    "every type of Mitel One client, web and mobile. Mitel grants you a licence to use the software for your "
    "company's business only; you may not copy, modify or resell it.",
}
NOT_SIGNED_IN = JSONResponse({"error": "not_signed_in", "message": "Sign in to Mitel One."}, 401)


async def _body(request: Request) -> dict:
    try:
        body = await request.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


class MitelOneApi:
    def __init__(self, service: MitelOne) -> None:
        self.service = service

    def _session(self, request: Request) -> Session | None:
        return self.service.sessions.get(request.cookies.get(SESSION_COOKIE, ""))

    async def identify(self, request: Request) -> Response:
        body = await _body(request)
        try:
            answer = self.service.identify(str(body.get("username", "")), str(body.get("account_number", "")))
        except MitelOneError as error:
            return JSONResponse({"error": error.code, "message": str(error)}, error.status)
        return JSONResponse(answer)

    async def login(self, request: Request) -> Response:
        body = await _body(request)
        try:
            token, session = self.service.open_session(str(body.get("cloudlink_token", "")))
        except Exception as error:  # any refusal of the token means the same: no session
            return JSONResponse({"error": "invalid_token", "message": str(error)}, 401)
        answer = JSONResponse({"eula_accepted": self.service.records.eula_accepted(session.user_key)})
        answer.set_cookie(SESSION_COOKIE, token, httponly=True, secure=True, samesite="strict")
        return answer

    async def me(self, request: Request) -> Response:
        session = self._session(request)
        if session is None:
            return NOT_SIGNED_IN
        accepted = self.service.records.eula_accepted(session.user_key)
        return JSONResponse({"name": session.name, "email": session.email, "eula_accepted": accepted})

    async def agreement(self, request: Request) -> Response:
        return JSONResponse(EULA)

    async def eula(self, request: Request) -> Response:
        session = self._session(request)
        if session is None:
            return NOT_SIGNED_IN
        if (await _body(request)).get("accepted") is not True:
            return JSONResponse({"error": "not_accepted", "message": "Accept the agreement to go on."}, 422)
        self.service.records.accept_eula(session.user_key, session.client_type)
        return Response(status_code=204)

    async def inbox(self, request: Request) -> Response:
        session = self._session(request)
        return NOT_SIGNED_IN if session is None else JSONResponse(self.service.records.inbox(session.user_key))

    async def events(self, request: Request) -> Response:
        session = self._session(request)
        if session is None:
            return NOT_SIGNED_IN
        queue = self.service.sessions.subscribe(session)

        async def stream():
            try:
                yield ": connected\n\n"
                while (event := await queue.get()) is not STREAM_CLOSED:
                    yield f"event: {event['kind']}\ndata: {json.dumps(event)}\n\n"
            finally:
                self.service.sessions.unsubscribe(session, queue)

        return StreamingResponse(stream(), media_type="text/event-stream", headers={"Cache-Control": "no-store"})

    async def logout(self, request: Request) -> Response:
        self.service.sessions.end(request.cookies.get(SESSION_COOKIE, ""))
        answer = Response(status_code=204)
        answer.delete_cookie(SESSION_COOKIE)
        return answer

    def routes(self) -> list[Route]:
        return [
            Route("/api/v1/login/identify", self.identify, methods=["POST"]),
            Route("/api/v1/session", self.login, methods=["POST"]),
            Route("/api/v1/me", self.me),
            Route("/api/v1/eula", self.agreement, methods=["GET"]),
            Route("/api/v1/eula", self.eula, methods=["POST"]),
            Route("/api/v1/inbox", self.inbox),
            Route("/api/v1/events", self.events),
            Route("/api/v1/logout", self.logout, methods=["POST"]),
        ]
