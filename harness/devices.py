"""The devices of one scenario: clients installed from the chosen adapters, each on the simulated
network under an ID of its own (harness.traffic), recorded, closed after."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from clients.adapters import NOT_APPLICABLE, Factory, declared_platforms
from clients.driver import ClientSettings
from clients.micollab_web import MiCollabWebClientDriver
from clients.web import WebAppDriver
from harness.browser import Browser
from harness.evidence import Evidence
from harness.products import MICOLLAB_CLIENT, MICOLLAB_WEB_CLIENT, MITEL_ONE_MOBILE, MITEL_ONE_WEB
from harness.recording import RecordingDriver, RecordingWebClient
from harness.traffic import ScenarioTraffic


@dataclass(frozen=True)
class Network:
    """How a device joins the simulated network: through the scenario's traffic (each device its
    own proxy identity), or, on the direct network that has no proxy, at `proxy_url`."""

    traffic: ScenarioTraffic | None
    proxy_url: str
    ca_bundle: str | None

    def settings_for(self, product: str) -> dict:
        proxy = self.traffic.proxy_url(self.traffic.new_device(product)) if self.traffic else self.proxy_url
        return {"proxy_url": proxy, "ca_bundle": self.ca_bundle}

    def lend_browser(self, product: str | None) -> None:
        if self.traffic:
            self.traffic.lend_browser(self.traffic.new_device(product) if product else None)


class Devices:
    def __init__(self, factory: Factory, mobile: Factory, network: Network, evidence: Evidence) -> None:
        self._factory = factory
        self._mobile = mobile
        self._network = network
        self._evidence = evidence
        self._holds_browser = False
        self._helpers: list[Browser] = []

    def install(self, platform: str, server_host: str | None = None, **version) -> RecordingDriver:
        """A client on `platform`; `version` may give `version` and `upgraded_from`."""
        if platform not in declared_platforms(self._factory):
            pytest.skip(f"{NOT_APPLICABLE}: the client does not run on {platform}")
        network = self._network.settings_for(MICOLLAB_CLIENT)
        settings = ClientSettings(platform=platform, server_host=server_host, **network, **version)
        name = f"{platform} #{len(self._evidence.drivers) + 1}"
        return self._recorded(RecordingDriver(self._factory(settings), name, is_product=True))

    def open_web_app(self, url: str) -> RecordingDriver:
        """The web application at `url` in the session's browser (see harness.fixtures.browser)."""
        self._borrow_browser(MITEL_ONE_WEB)
        return self._recorded(RecordingDriver(WebAppDriver(self.browser(), url), "browser"))

    def open_micollab_web_client(self, url: str) -> RecordingWebClient:
        """The MiCollab Web Client at `url` in the session's browser, its links and QR codes too."""
        self._borrow_browser(MICOLLAB_WEB_CLIENT)
        return self._recorded(RecordingWebClient(MiCollabWebClientDriver(self.browser(), url), "browser"))

    def mitel_one_mobile(self) -> RecordingDriver:
        """The Mitel One mobile client (`--mobile-client`): the other client type of the platform."""
        if self._network.ca_bundle is None:  # the direct network serves the MiCollab server only
            pytest.skip(f"{NOT_APPLICABLE}: the Mitel One mobile client needs the proxy's network")
        settings = ClientSettings(platform="Android", **self._network.settings_for(MITEL_ONE_MOBILE))
        return self._recorded(RecordingDriver(self._mobile(settings), "Mitel One mobile", is_product=True))

    def users_browser(self) -> Browser:
        """The user's own browser for a page an e-mail link opens: no product, not audited."""
        browser = Browser(**self._network.settings_for(None))
        self._helpers.append(browser)
        return browser

    def _borrow_browser(self, product: str) -> None:
        self._network.lend_browser(product)
        self._holds_browser = True

    def _recorded(self, driver: RecordingDriver) -> RecordingDriver:
        self._evidence.drivers.append(driver)
        return driver

    def close_all(self) -> None:
        """Closes every device; the browser is given back once its pages are gone."""
        for driver in self._evidence.drivers:
            driver.close()
        for helper in self._helpers:
            helper.close()
        if self._holds_browser:
            self._network.lend_browser(None)
