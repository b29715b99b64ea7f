"""An embedded web view without a browser engine, for the native reference clients: it follows
redirects one hop at a time (so the app can catch its own redirect URI), keeps cookies, reads
the page's forms and labels with lxml, submits them, and posts auto-submitting forms (SAML) by
itself. Pages become `Screen`s named by their <h1>, as a user would name them."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx
import lxml.html

from clients.driver import Screen

MAX_HOPS = 20
WEB_SCHEMES = {"http", "https"}


class WebViewError(Exception):
    """The page could not be loaded: `code` says how ("unreachable", "timed_out", "http")."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code


@dataclass
class Page:
    url: str
    document: lxml.html.HtmlElement
    values: dict[str, str] = field(default_factory=dict)  # what the user typed, by field name

    def heading(self) -> str:
        for tag in ("h1", "title"):
            found = self.document.find(f".//{tag}")
            if found is not None and found.text_content().strip():
                return found.text_content().strip()
        return urlsplit(self.url).netloc

    def labelled_inputs(self) -> dict[str, lxml.html.HtmlElement]:
        """Visible inputs by label: <label for>, else aria-label, else placeholder."""
        labels = {el.get("for"): el.text_content().strip() for el in self.document.iter("label") if el.get("for")}
        found = {}
        for element in self.document.iter("input", "textarea", "select"):
            if element.get("type") in {"hidden", "submit", "button", "image"}:
                continue
            label = labels.get(element.get("id")) or element.get("aria-label") or element.get("placeholder")
            if label:
                found[label] = element
        return found

    def buttons(self) -> dict[str, lxml.html.HtmlElement]:
        found = {}
        for element in self.document.iter("button", "input"):
            if element.tag == "button" or element.get("type") in {"submit", "image"}:
                found[(element.text_content() or element.get("value") or "").strip()] = element
        return found

    def screen(self) -> Screen:
        fields = {
            label: self.values.get(el.get("name", ""), el.get("value") or "")
            for label, el in self.labelled_inputs().items()
        }
        # A message is what the page gives as one (an alert, a status); its other text is content.
        alerts = [el.text_content().strip() for el in self.document.iter() if el.get("role") in {"alert", "status"}]
        texts = [el.text_content().strip() for el in self.document.iter("p") if el.get("role") is None]
        return Screen(
            self.heading(), fields, tuple(self.buttons()), tuple(t for t in texts if t), tuple(m for m in alerts if m)
        )

    def auto_submit_form(self) -> lxml.html.FormElement | None:
        """A form the page posts by itself: one followed by a script that submits it."""
        scripts = " ".join(el.text_content() for el in self.document.iter("script"))
        forms = self.document.forms
        return forms[0] if forms and ".submit()" in scripts else None


class WebView:
    def __init__(self, http: httpx.Client, app_redirect: str) -> None:
        self.http = http
        self.app_redirect = app_redirect  # where the web view hands the result back to the app
        self.page: Page | None = None

    def load(self, url: str) -> str | None:
        """Loads `url`; returns the app redirect URL if the flow ended there, else None."""
        return self._request("GET", url)

    def fill(self, label: str, value: str) -> None:
        element = self.page.labelled_inputs()[label]
        self.page.values[element.get("name", "")] = value

    def press(self, label: str) -> str | None:
        button = self.page.buttons()[label]
        form = next(button.iterancestors("form"))
        data = self._form_data(form)
        if button.get("name"):
            data[button.get("name")] = button.get("value") or label
        return self._submit(form, data)

    def _form_data(self, form: lxml.html.FormElement) -> dict[str, str]:
        data = {}
        for element in form.inputs:
            name = element.get("name")
            if name and element.get("type") not in {"submit", "button", "image"}:
                data[name] = self.page.values.get(name, element.get("value") or "")
        return data

    def _submit(self, form: lxml.html.FormElement, data: dict[str, str]) -> str | None:
        action = urljoin(self.page.url, form.get("action") or self.page.url)
        return self._request((form.get("method") or "GET").upper(), action, data)

    def _request(self, method: str, url: str, data: dict | None = None) -> str | None:
        for _ in range(MAX_HOPS):
            if url.startswith(self.app_redirect) or urlsplit(url).scheme not in WEB_SCHEMES:
                return url
            answer = self._send(method, url, data)
            if answer.is_redirect:
                method, data, url = "GET", None, urljoin(url, answer.headers["location"])
                continue
            self.page = Page(str(answer.url), lxml.html.fromstring(answer.text or "<html></html>"))
            form = self.auto_submit(self.page)
            if form is None:
                return None
            method, url, data = "POST", urljoin(self.page.url, form.get("action")), self._form_data(form)
        raise WebViewError("http", f"more than {MAX_HOPS} redirects")

    def auto_submit(self, page: Page) -> lxml.html.FormElement | None:
        """The form a page posts by itself, as a browser running its script would."""
        return page.auto_submit_form()

    def _send(self, method: str, url: str, data: dict | None) -> httpx.Response:
        try:
            return self.http.request(method, url, data=data)
        except httpx.TimeoutException as exc:
            raise WebViewError("timed_out", str(exc)) from exc
        except httpx.HTTPError as exc:
            raise WebViewError("unreachable", str(exc)) from exc
