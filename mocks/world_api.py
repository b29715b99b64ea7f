"""The standalone world's control API at world.harness.test, JSON in and out, documented route by
route in docs/world-api.md (a self-test holds the two together): the tenants and their settings
and clocks, applications registered in Azure AD and CloudLink, Mitel One events. It only calls
the mocks' own registration and inspection functions; the protocols stay in the mocks."""

from __future__ import annotations

import secrets
import threading
import uuid
from collections.abc import Callable

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from mocks.describe import describe_app, describe_client, describe_saml_app, describe_tenant, describe_world
from mocks.mitel_one.records import KINDS
from mocks.platform import Platform
from mocks.settings import settings_from
from mocks.tenant import Tenant, TenantSettings
from mocks.world import World


class Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


async def body_of(request: Request) -> dict:
    if not await request.body():
        return {}
    try:
        body = await request.json()
    except ValueError:
        raise Refused(400, "the body is not JSON") from None
    if not isinstance(body, dict):
        raise Refused(400, "the body is a JSON object")
    return body


def _strings(body: dict, name: str, required: bool = False) -> list[str]:
    values = body.get(name, [])
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values) or (required and not values):
        raise Refused(400, f"{name} is a {'non-empty ' if required else ''}list of strings")
    return values


class WorldApi:
    def __init__(self, platform: Platform, world: World, seed: int, new_tenant: Callable) -> None:
        self.platform, self.world, self.seed, self.new_tenant = platform, world, seed, new_tenant
        self.lock = threading.Lock()

    def tenant(self, request: Request) -> Tenant:
        found = next((t for t in self.world.tenants if t.id == request.path_params["tenant_id"]), None)
        if found is None:
            raise Refused(404, f"no tenant {request.path_params['tenant_id']!r}")
        return found

    async def describe(self, request: Request) -> Response:
        return JSONResponse(describe_world(self.platform, self.world.tenants, self.seed))

    async def list_tenants(self, request: Request) -> Response:
        return JSONResponse([describe_tenant(self.platform, t) for t in self.world.tenants])

    async def get_tenant(self, request: Request) -> Response:
        return JSONResponse(describe_tenant(self.platform, self.tenant(request)))

    async def create_tenant(self, request: Request) -> Response:
        try:
            settings = settings_from(await body_of(request), TenantSettings())
        except ValueError as exc:
            raise Refused(400, str(exc)) from None
        with self.lock:
            tenant = self.new_tenant(self.world, settings)
        return JSONResponse(describe_tenant(self.platform, tenant), 201)

    async def advance_clock(self, request: Request) -> Response:
        tenant, advance = self.tenant(request), (await body_of(request)).get("advance")
        if not isinstance(advance, int | float) or isinstance(advance, bool) or advance < 0:
            raise Refused(400, "advance is a number of seconds, not negative")
        tenant.clock.advance(float(advance))
        return JSONResponse({"id": tenant.id, "now": tenant.clock.now()})

    # -- Azure AD ---------------------------------------------------------------------------------

    async def list_azure_apps(self, request: Request) -> Response:
        return JSONResponse([describe_app(app) for app in self.platform.azure.apps_of(self.tenant(request))])

    async def register_azure_app(self, request: Request) -> Response:
        """An app registration: a new client ID unless given, a secret when confidential."""
        tenant, body = self.tenant(request), await body_of(request)
        client_id = str(body.get("client_id") or uuid.uuid4())
        secret = secrets.token_urlsafe(32) if body.get("confidential") else ""
        options = {
            "optional_claims": _strings(body, "optional_claims"),
            "public_client_flows": bool(body.get("public_client_flows", False)),
            "name": str(body.get("name", "")),
        }
        try:
            app = self.platform.azure.register_app(
                tenant.azure_tenant_id, client_id, _strings(body, "redirect_uris"), secret, **options
            )
        except ValueError as exc:
            raise Refused(400, str(exc)) from None
        return JSONResponse(describe_app(app), 201)

    async def list_saml_apps(self, request: Request) -> Response:
        sps = self.platform.azure.saml_sps_of(self.tenant(request))
        return JSONResponse([describe_saml_app(sp) for sp in sps])

    async def register_saml_app(self, request: Request) -> Response:
        """An enterprise application with SAML single sign-on: Identifier and Reply URL."""
        tenant, body = self.tenant(request), await body_of(request)
        if not isinstance(body.get("entity_id"), str) or not isinstance(body.get("acs_url"), str):
            raise Refused(400, "entity_id and acs_url are strings")
        options = {
            "signing": str(body.get("signing", "assertion")),
            "name_id_format": str(body.get("name_id_format", "")),
        }
        try:
            sp = self.platform.azure.register_saml_sp(
                tenant.azure_tenant_id, body["entity_id"], body["acs_url"], **options
            )
        except ValueError as exc:
            raise Refused(400, str(exc)) from None
        return JSONResponse(describe_saml_app(sp), 201)

    # -- CloudLink ---------------------------------------------------------------------------------

    async def list_cloudlink_clients(self, request: Request) -> Response:
        return JSONResponse([describe_client(c) for c in self.platform.cloudlink_clients.all()])

    async def register_cloudlink_client(self, request: Request) -> Response:
        body = await body_of(request)
        options = {"client_id": str(body.get("client_id", "")), "name": str(body.get("name", ""))}
        try:
            client = self.platform.cloudlink_clients.register(
                _strings(body, "redirect_uris"), confidential=bool(body.get("confidential", False)), **options
            )
        except ValueError as exc:
            raise Refused(400, str(exc)) from None
        return JSONResponse(describe_client(client), 201)

    # -- Mitel One ---------------------------------------------------------------------------------

    async def mitel_one_event(self, request: Request) -> Response:
        """A call, message or meeting invitation for a user: stored, and notified to their sessions."""
        tenant, body = self.tenant(request), await body_of(request)
        kind, email = body.get("kind"), str(body.get("email") or tenant.user.email)
        if kind not in KINDS:
            raise Refused(400, f"kind is one of {sorted(KINDS)}")
        sender, text = str(body.get("from", "")), str(body.get("text", ""))
        notified = self.platform.mitel_one.send(email, kind, sender, text, tenant.cloudlink_account_id)
        return JSONResponse({"notified_sessions": notified}, 201)

    async def mitel_one_notifications(self, request: Request) -> Response:
        tenant = self.tenant(request)
        email = request.query_params.get("email") or tenant.user.email
        service = self.platform.mitel_one
        delivered = service.notifications_delivered(email, tenant.cloudlink_account_id)
        return JSONResponse({"email": email, "delivered": delivered, "open_sessions": service.open_sessions(email)})

    def routes(self) -> list[Route]:
        return [
            Route("/", self.describe, methods=["GET"]),
            Route("/tenants", self.list_tenants, methods=["GET"]),
            Route("/tenants", self.create_tenant, methods=["POST"]),
            Route("/tenants/{tenant_id}", self.get_tenant, methods=["GET"]),
            Route("/tenants/{tenant_id}/clock", self.advance_clock, methods=["POST"]),
            Route("/tenants/{tenant_id}/azure-ad/applications", self.list_azure_apps, methods=["GET"]),
            Route("/tenants/{tenant_id}/azure-ad/applications", self.register_azure_app, methods=["POST"]),
            Route("/tenants/{tenant_id}/azure-ad/saml-applications", self.list_saml_apps, methods=["GET"]),
            Route("/tenants/{tenant_id}/azure-ad/saml-applications", self.register_saml_app, methods=["POST"]),
            Route("/tenants/{tenant_id}/mitel-one/events", self.mitel_one_event, methods=["POST"]),
            Route("/tenants/{tenant_id}/mitel-one/notifications", self.mitel_one_notifications, methods=["GET"]),
            Route("/cloudlink/clients", self.list_cloudlink_clients, methods=["GET"]),
            Route("/cloudlink/clients", self.register_cloudlink_client, methods=["POST"]),
        ]


def world_app(platform: Platform, world: World, seed: int, new_tenant: Callable) -> Starlette:
    api = WorldApi(platform, world, seed, new_tenant)

    async def refused(request: Request, exc: Refused) -> Response:
        return JSONResponse({"error": str(exc)}, exc.status)

    return Starlette(routes=api.routes(), exception_handlers={Refused: refused})
