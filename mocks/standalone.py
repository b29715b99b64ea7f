"""The standalone world: the simulated platform without pytest, for a real device or a person.

Its inspection API, at http(s)://world.harness.test through the proxy:
  GET  /tenants                        -> every tenant, with users, passwords and deployments
  POST /tenants        {settings…}     -> a new tenant (TenantSettings fields), as JSON
  POST /tenants/{id}/clock {"advance": seconds} -> moves that tenant's time forward
The proxy's own control API (faults, recorded flows, HAR) is at http://proxy.harness.test, the
mailbox API at https://mailbox.harness.test, and what each MiCollab server received at
https://micollab.<domain>/_mock/requests.
"""

from __future__ import annotations

import dataclasses
import threading

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from mocks.mail.reading import labelled_value, links
from mocks.micollab_server.mailer import DEPLOYMENT_SUBJECT
from mocks.platform import MAILBOX_HOST, PLATFORM_HOSTS, WORLD_HOST, Platform
from mocks.proxy import CONTROL_HOST
from mocks.tenant import Tenant, TenantSettings
from mocks.world import World


def describe_tenant(platform: Platform, tenant: Tenant) -> dict:
    users = []
    for user in tenant.users:
        deployment = platform.mail.wait_for(user.email, DEPLOYMENT_SUBJECT)
        users.append(
            dataclasses.asdict(user)
            | {
                "deployment_link": links(deployment)[0],
                "authentication_code": labelled_value(deployment, "Authentication Code"),
            }
        )
    return {
        "id": tenant.id,
        "company": tenant.company,
        "domain": tenant.domain,
        "micollab_server": tenant.server_host,
        "settings": dataclasses.asdict(tenant.settings),
        "users": users,
    }


def describe_world(platform: Platform, tenants: list[Tenant], seed: int) -> dict:
    scheme = platform.scheme
    return {
        "proxy": platform.proxy_url,
        "ca_certificate": platform.ca_bundle,
        "seed": seed,
        "hosts": {"micollab": [t.server_host for t in tenants], "patterns": list(PLATFORM_HOSTS)},
        "mailbox_api": f"{scheme}://{MAILBOX_HOST}/api/v1/mailboxes/{{address}}/messages",
        "inspection": {
            "world": f"{scheme}://{WORLD_HOST}/tenants",
            "proxy": f"http://{CONTROL_HOST}/flows",
            "faults": f"http://{CONTROL_HOST}/faults",
            "micollab_received": f"{scheme}://micollab.{{domain}}/_mock/requests",
        },
        "tenants": [describe_tenant(platform, t) for t in tenants],
    }


def world_app(platform: Platform, world: World) -> Starlette:
    lock = threading.Lock()

    def tenant_by_id(tenant_id: str) -> Tenant | None:
        return next((t for t in world.tenants if t.id == tenant_id), None)

    async def list_tenants(request: Request) -> Response:
        return JSONResponse([describe_tenant(platform, t) for t in world.tenants])

    async def create_tenant(request: Request) -> Response:
        fields = {f.name for f in dataclasses.fields(TenantSettings)}
        body = await request.json() if await request.body() else {}
        unknown = sorted(set(body) - fields)
        if unknown:
            return JSONResponse({"error": f"unknown settings {unknown}; known: {sorted(fields)}"}, 400)
        with lock:
            tenant = world.new_tenant(TenantSettings(**body))
        return JSONResponse(describe_tenant(platform, tenant), 201)

    async def advance_clock(request: Request) -> Response:
        tenant = tenant_by_id(request.path_params["tenant_id"])
        if tenant is None:
            return JSONResponse({"error": "no such tenant"}, 404)
        tenant.clock.advance(float((await request.json())["advance"]))
        return JSONResponse({"id": tenant.id, "now": tenant.clock.now()})

    return Starlette(
        routes=[
            Route("/tenants", list_tenants, methods=["GET"]),
            Route("/tenants", create_tenant, methods=["POST"]),
            Route("/tenants/{tenant_id}/clock", advance_clock, methods=["POST"]),
        ]
    )


def serve(tenants: int, seed: int, settings: TenantSettings) -> tuple[Platform, World, dict]:
    platform = Platform().start()
    world = World(platform, seed, "standalone")
    platform.network.router.register(WORLD_HOST, world_app(platform, world))
    made = [world.new_tenant(settings) for _ in range(tenants)]
    return platform, world, describe_world(platform, made, seed)
