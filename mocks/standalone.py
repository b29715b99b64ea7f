"""The standalone world: the simulated platform without pytest, for a real device, a desktop build
or a client in another language. `python -m mocks serve` prints its description (describe.py):
all a client needs to be configured. Its control API is world_api.py, documented in
docs/world-api.md.
"""

from __future__ import annotations

from pathlib import Path

from mocks.platform import Platform
from mocks.tenant import TenantSettings


def serve(
    settings: list[TenantSettings], seed: int, web_app_dir: Path | None, micollab_web_client: Path | None = None
) -> tuple[Platform, dict]:
    """Starts the world and makes its first tenants as the control API makes any (POST /tenants):
    the world a reset (POST /reset) returns to."""
    platform = Platform(web_app_dir=web_app_dir, micollab_web_client=micollab_web_client, seed=seed).start()
    for each in settings:
        platform.world.create_tenant(each)
    platform.world.mark_start()
    return platform, platform.world.describe()
