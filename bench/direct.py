"""The reference client speaking plain HTTP straight to the mocks' network front.

Only for `make bench`, to measure what the proxy costs: clients in production use always go
through the proxy over HTTPS, so this stays out of the client package.
"""

from __future__ import annotations

from clients.driver import ClientSettings
from clients.micollab import MiCollabClient
from clients.micollab.api import MiCollabApi


class DirectMiCollabClient(MiCollabClient):
    def __init__(self, settings: ClientSettings) -> None:
        super().__init__(settings)
        self.api = MiCollabApi(settings, scheme="http")
