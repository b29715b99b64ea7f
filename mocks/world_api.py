"""The world's control API at world.harness.test, JSON in and out: every front's declared controls
and inspections (mocks/control.py), each route one front method, and the proxy's CA for a device
to fetch before it trusts anything. Documented route by route in docs/world-api.md (a self-test
holds the two together). It only calls the fronts; the protocols stay in the mocks."""

from __future__ import annotations

import json
from inspect import Parameter
from pathlib import Path
from typing import TYPE_CHECKING

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from mocks.azure_ad.front import AzureAdFront
from mocks.cloudlink.front import CloudLinkFront
from mocks.codecs import decode, encode, error_status, from_query
from mocks.control import READS, Control, controls, parameters, returns
from mocks.mail.front import MailFront
from mocks.micollab_server.front import MiCollabFront
from mocks.mitel_one.front import MitelOneFront
from mocks.world_front import WorldFront

if TYPE_CHECKING:
    from mocks.platform import Platform

# Each front of a world, by the attribute a world (mocks/fronts.py) keeps it under.
FRONTS = {
    "world": WorldFront,
    "mail": MailFront,
    "micollab": MiCollabFront,
    "cloudlink": CloudLinkFront,
    "azure_ad": AzureAdFront,
    "mitel_one": MitelOneFront,
}
CA_CERTIFICATE = "/ca-certificate"  # plain HTTP too, as mitmproxy's own mitm.it offers its CA


def route_table() -> list[tuple[str, str]]:
    """(method, path) of every route the control API serves."""
    declared = [c for front in FRONTS.values() for c in controls(front).values()]
    return [("GET", CA_CERTIFICATE), *((c.method, c.path) for c in declared)]


async def _json(request: Request):
    if not await request.body():
        return {}
    try:
        return await request.json()
    except ValueError:
        raise ValueError("the body is not JSON") from None


async def arguments(request: Request, declared: Control, method) -> dict:
    """The method's arguments from the path, and the query or the JSON body."""
    known = parameters(method)
    given = dict(request.path_params)
    if declared.body:
        given[declared.body] = await _json(request)
    elif declared.method in READS:
        given |= dict(request.query_params)
    else:
        body = await _json(request)
        if not isinstance(body, dict):
            raise ValueError("the body is a JSON object")
        given |= body
    unknown = sorted(set(given) - set(known))
    if unknown:
        raise ValueError(f"unknown {unknown}; known: {sorted(known)}")
    missing = [key for key, (p, _) in known.items() if p.default is Parameter.empty and key not in given]
    if missing:
        raise ValueError(f"{', '.join(missing)} required")
    textual = set(request.path_params) | (set(request.query_params) if declared.method in READS else set())
    return {known[key][0].name: _value(key, value, known[key][1], key in textual) for key, value in given.items()}


def _value(key: str, value, kind, textual: bool):
    try:
        return from_query(value, kind) if textual else decode(value, kind)
    except ValueError as exc:
        raise ValueError(f"{key}: {exc}" if key not in str(exc) else str(exc)) from None


def endpoint(method, declared: Control):
    """The route of one front method: arguments in, its result out as JSON."""
    kind = returns(method)

    async def answer(request: Request) -> Response:
        try:
            result = await run_in_threadpool(method, **await arguments(request, declared, method))
        except Exception as exc:
            status = error_status(exc)
            if status is None:
                raise
            return JSONResponse({"error": str(exc)}, status)
        return Response(json.dumps(encode(result, kind)), declared.status, media_type="application/json")

    return answer


def world_app(platform: Platform) -> Starlette:
    routes = [
        Route(declared.path, endpoint(getattr(getattr(platform, name), method), declared), methods=[declared.method])
        for name, front in FRONTS.items()
        for method, declared in controls(front).items()
    ]

    async def ca_certificate(request: Request) -> Response:
        """The CA that signs every simulated host's certificate, to install on a device."""
        if platform.ca_bundle is None:
            return JSONResponse({"error": "this world has no proxy, so no CA"}, 404)
        return Response(Path(platform.ca_bundle).read_bytes(), media_type="application/x-pem-file")

    return Starlette(routes=[Route(CA_CERTIFICATE, ca_certificate, methods=["GET"]), *routes])
