"""The MiCollab Client's CloudLink branch: the Unified login page in the embedded web view
(authorization code + PKCE S256, state, nonce), the code redeemed at CloudLink, and the CloudLink
access token handed to the MiCollab server for a MiCollab session."""

from __future__ import annotations

import base64
import hashlib
import secrets
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlencode, urlsplit

from clients.webview import WebView, WebViewError

if TYPE_CHECKING:
    from clients.micollab.client import MiCollabClient

CLOUDLINK_API = "authentication.api.mitel.io"
TOKEN_PATH = "/2017-09-01/token"


def pkce_pair() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
    return verifier, challenge


class CloudLinkSignIn:
    web_view = WebView  # the embedded browser; a class attribute so a variant can bring its own

    def __init__(self, client: MiCollabClient) -> None:
        self.client = client
        self.view: WebView | None = None
        self.request: dict = {}
        self.verifier = self.state = ""

    def showing(self) -> bool:
        return self.view is not None and self.view.page is not None

    def start(self, request: dict) -> None:
        """Opens the Unified login page the MiCollab server named, for this user."""
        self.request = request
        self.verifier, challenge = pkce_pair()
        self.state = secrets.token_urlsafe(16)
        query = self.authorization_query(request, challenge)
        self.view = self.web_view(self.client.api.http, request["redirect_uri"])
        self.step(lambda: self.view.load(f"{request['authorization_endpoint']}?{urlencode(query)}"))

    def authorization_query(self, request: dict, challenge: str) -> dict:
        return {
            "response_type": "code",
            "client_id": request["client_id"],
            "redirect_uri": request["redirect_uri"],
            "scope": "openid",
            "state": self.state,
            "nonce": secrets.token_urlsafe(16),
            "code_challenge": challenge,
            "code_challenge_method": "S256",
            "login_hint": request["login_hint"],
        }

    def fill(self, label: str, value: str) -> None:
        self.view.fill(label, value)
        self.client.replace_screen(self.view.page.screen())

    def press(self, label: str) -> None:
        self.step(lambda: self.view.press(label))

    def step(self, action) -> None:
        try:
            finished = action()
        except WebViewError as error:
            self.client.show_error(error.code)
            return
        if finished is None:
            self.client.show(self.view.page.screen())
        else:
            self.view = None
            self.finish(finished)

    def finish(self, redirect: str) -> None:
        answer = {k: v[0] for k, v in parse_qs(urlsplit(redirect).query).items()}
        if answer.get("state") != self.state or "code" not in answer:
            self.client.show_login_page()
            self.client.show_error("cloudlink_state" if "code" in answer else "cloudlink_denied")
            return
        self.client.log_in(lambda: self.session_for(answer["code"]), self.client.show_login_page)

    def session_for(self, code: str) -> dict:
        tokens = self.client.api.call(
            CLOUDLINK_API,
            "POST",
            TOKEN_PATH,
            grant_type="authorization_code",
            code=code,
            client_id=self.request["client_id"],
            redirect_uri=self.request["redirect_uri"],
            code_verifier=self.verifier,
        )
        server = self.client.server or ""
        return self.client.api.call(server, "POST", "/api/v1/login/cloudlink", cloudlink_token=tokens["access_token"])
