"""The mailbox HTTP API: read-only access to the store, one mailbox (recipient address) at a time.

GET /api/v1/mailboxes/{address}/messages                 -> [{id, from, to, subject}]
GET /api/v1/mailboxes/{address}/messages/{id}.eml        -> the raw message (message/rfc822)
GET /api/v1/mailboxes/{address}/wait?subject=S&timeout=T -> the newest match, waiting server-side
GET /_mock/ready                                         -> 200 once serving
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from mocks.mail.store import MailStore, MailTimeout

MAX_WAIT_SECONDS = 30.0


def mailbox_app(store: MailStore) -> Starlette:
    async def list_messages(request: Request) -> Response:
        messages = store.messages_for(request.path_params["address"])
        return JSONResponse([m.summary() for m in messages])

    async def raw_message(request: Request) -> Response:
        message = store.get(request.path_params["address"], request.path_params["id"])
        if message is None:
            return JSONResponse({"error": "no such message in this mailbox"}, status_code=404)
        return Response(message.raw, media_type="message/rfc822")

    async def wait(request: Request) -> Response:
        timeout = min(float(request.query_params.get("timeout", "5")), MAX_WAIT_SECONDS)
        subject = request.query_params.get("subject", "")
        try:
            message = await store.arrival(request.path_params["address"], subject, timeout)
        except MailTimeout as exc:
            return JSONResponse({"error": str(exc)}, status_code=408)
        return JSONResponse(message.summary())

    async def ready(request: Request) -> Response:
        return PlainTextResponse("ready")

    return Starlette(
        routes=[
            Route("/api/v1/mailboxes/{address}/messages", list_messages),
            Route("/api/v1/mailboxes/{address}/messages/{id:int}.eml", raw_message),
            Route("/api/v1/mailboxes/{address}/wait", wait),
            Route("/_mock/ready", ready),
        ]
    )
