"""The devices of one scenario: clients installed from the chosen adapter, recorded, closed after."""

from __future__ import annotations

import pytest

from clients.adapters import NOT_APPLICABLE, Factory, declared_platforms
from clients.driver import ClientSettings
from clients.micollab_web import MiCollabWebClientDriver
from clients.mitel_one_mobile import MitelOneMobile
from clients.web import WebAppDriver
from harness.evidence import Evidence
from harness.recording import RecordingDriver, RecordingWebClient


class Devices:
    def __init__(self, factory: Factory, proxy_url: str, ca_bundle: str | None, evidence: Evidence) -> None:
        self._factory = factory
        self._network = {"proxy_url": proxy_url, "ca_bundle": ca_bundle}
        self._evidence = evidence

    def install(self, platform: str, server_host: str | None = None, **version) -> RecordingDriver:
        """A client on `platform`; `version` may give `version` and `upgraded_from`."""
        if platform not in declared_platforms(self._factory):
            pytest.skip(f"{NOT_APPLICABLE}: the client does not run on {platform}")
        settings = ClientSettings(platform=platform, server_host=server_host, **self._network, **version)
        name = f"{platform} #{len(self._evidence.drivers) + 1}"
        driver = RecordingDriver(self._factory(settings), name)
        self._evidence.drivers.append(driver)
        return driver

    def open_web_app(self, url: str) -> RecordingDriver:
        """The web application at `url` in the session's browser (see harness.fixtures.browser)."""
        driver = RecordingDriver(WebAppDriver(self.browser(), url), "browser")
        self._evidence.drivers.append(driver)
        return driver

    def open_micollab_web_client(self, url: str) -> RecordingWebClient:
        """The MiCollab Web Client at `url` in the session's browser, its links and QR codes too."""
        driver = RecordingWebClient(MiCollabWebClientDriver(self.browser(), url), "browser")
        self._evidence.drivers.append(driver)
        return driver

    def mitel_one_mobile(self) -> RecordingDriver:
        """The reference Mitel One mobile client: the other client type of the same platform."""
        driver = RecordingDriver(
            MitelOneMobile(ClientSettings(platform="Android", **self._network)), "Mitel One mobile"
        )
        self._evidence.drivers.append(driver)
        return driver

    def close_all(self) -> None:
        for driver in self._evidence.drivers:
            driver.close()
