"""The standalone world: the simulated platform without pytest, for a real device, a desktop build
or a client in another language. `python -m mocks serve` prints its description (describe.py):
all a client needs to be configured. Its control API is world_api.py, documented in
docs/world-api.md.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from mocks.azure_ad.endpoints import BASE_URL
from mocks.describe import describe_world
from mocks.platform import WORLD_HOST, Platform
from mocks.tenant import Tenant, TenantSettings
from mocks.world import World
from mocks.world_api import world_app

# Registered in every tenant of the standalone world, so a native client can sign in at once:
# a public client with the redirect URIs MSAL's desktop and mobile flows use.
DEVICE_APP_REDIRECT_URIS = ("http://localhost", f"{BASE_URL}/common/oauth2/nativeclient")


def new_tenant(world: World, settings: TenantSettings) -> Tenant:
    """A tenant of the standalone world, with a public client application in its Azure AD."""
    tenant = world.new_tenant(settings)
    world.platform.azure.register_app(
        tenant.azure_tenant_id, str(uuid.uuid5(uuid.NAMESPACE_URL, tenant.domain)), DEVICE_APP_REDIRECT_URIS,
        name="Device (public client)", public_client_flows=True,
    )  # fmt: skip
    return tenant


def serve(settings: list[TenantSettings], seed: int, web_app_dir: Path | None) -> tuple[Platform, World, dict]:
    platform = Platform(web_app_dir=web_app_dir).start()
    world = World(platform, seed, "standalone")
    platform.network.router.register(WORLD_HOST, world_app(platform, world, seed, new_tenant))
    made = [new_tenant(world, each) for each in settings]
    return platform, world, describe_world(platform, made, seed)
