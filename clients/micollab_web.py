"""The MiCollab Web Client in the user's browser: the web application driver, and what the
user does there that no other web application has, for the self-deployment of the PC or MAC
client (User Profile > Settings > General > Self Deployment: the QR code, Open MiCollab).

A browser driven by Selenium cannot hand a link to a desktop application, so the operating
system's hand-off is simulated: `click_link` clicks the link as the user does and returns the
address the browser was sent to, which the caller gives the running client (`open_link`).
"""

from __future__ import annotations

import io

import zxingcpp
from PIL import Image
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.support.wait import WebDriverWait

from clients.web import POLL, SETTLE_TIMEOUT, WebAppDriver, as_screen, missing

# What can be tapped beyond buttons: links by their text, images and labelled elements by name.
READ_ELEMENTS = """() => {
  const named = el => el.matches('a[href]') ? el.innerText.trim() : (el.getAttribute('aria-label') || el.alt || '');
  const found = [...document.querySelectorAll('a[href], [aria-label], img[alt]')].filter(visible).map(named);
  return [...new Set(found.filter(Boolean))];
}"""
IMAGES_DRAWN = "return [...document.images].filter(i => i.getClientRects().length).every(i => i.complete);"


class MiCollabWebClientDriver(WebAppDriver):
    """`clients.driver.Driver` for the MiCollab Web Client, with its links and QR codes."""

    EXTRA_ELEMENTS = READ_ELEMENTS

    def link_target(self, label: str) -> str:
        """Where the visible link called `label` points, as the browser resolves it."""
        return self._visible_link(label).get_property("href")

    def click_link(self, label: str) -> str | None:
        """Clicks the link called `label`; the address the browser was sent to (in this tab or a
        new one), or None if it went nowhere. The user is back on the Web Client afterwards."""
        link = self._visible_link(label)
        web, before, tabs = self._web, self._web.current_url, set(self._web.window_handles)
        link.click()
        try:
            WebDriverWait(web, SETTLE_TIMEOUT, POLL).until(
                lambda _: set(web.window_handles) != tabs or web.current_url != before
            )
        except TimeoutException:
            return None
        new_tabs = set(web.window_handles) - tabs
        opened = self._read_new_tab(new_tabs.pop()) if new_tabs else self._read_and_come_back()
        self._seen(as_screen(self._settled("screen")))
        return opened

    def _visible_link(self, label: str):
        return self._settled("link", label) or missing(f"a link {label!r}")

    def _read_new_tab(self, tab: str) -> str:
        web, home = self._web, self._web.current_window_handle
        web.switch_to.window(tab)
        WebDriverWait(web, SETTLE_TIMEOUT, POLL).until(lambda _: web.current_url not in {"about:blank", ""})
        opened = web.current_url
        web.close()
        web.switch_to.window(home)
        return opened

    def _read_and_come_back(self) -> str:
        opened = self._web.current_url
        self._web.back()
        return opened

    def qr_codes(self) -> list[str]:
        """The text of every QR code on the screen, read from a screenshot as a camera would."""
        WebDriverWait(self._web, SETTLE_TIMEOUT, POLL).until(lambda web: web.execute_script(IMAGES_DRAWN))
        return qr_codes_in(self.screenshot())


def qr_codes_in(png: bytes) -> list[str]:
    """The text of every QR code in a PNG image (zxing-cpp)."""
    image = Image.open(io.BytesIO(png))
    return [found.text for found in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]
