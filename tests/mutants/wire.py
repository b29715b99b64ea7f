"""Faulty variants of the reference MiCollab Client that only the wire shows: the OAuth values
of its CloudLink sign-in (SEC-OAUTH-1), what it uses more than once (SEC-OAUTH-2), and a password
sent where it must not go, in encodings a raw search would miss, or a token in a URL (SEC-CRED-1)."""

from __future__ import annotations

import base64
import contextlib
import json
import secrets
from urllib.parse import parse_qs, quote, urljoin, urlsplit

import httpx

from clients.micollab import MiCollabClient
from clients.micollab import screens as s
from clients.micollab.api import ApiError
from clients.micollab.client import DEPLOY_PATH
from clients.micollab.cloudlink import CLOUDLINK_API, TOKEN_PATH, CloudLinkSignIn
from clients.webview import WebView

# A CloudLink address that answers: the password goes to a platform host that does not own it.
CLOUDLINK_CONFIG = f"https://{CLOUDLINK_API}/2017-09-01/.well-known/openid-configuration"


class WithSignIn(MiCollabClient):
    """The reference client with another CloudLink sign-in (`sign_in`)."""

    sign_in = CloudLinkSignIn

    def __init__(self, settings) -> None:
        super().__init__(settings)
        self.cloudlink = self.sign_in(self)


# -- SEC-OAUTH-1 ------------------------------------------------------------------------------------


class StateUnchecked(CloudLinkSignIn):
    def finish(self, redirect: str) -> None:
        answer = {k: v[0] for k, v in parse_qs(urlsplit(redirect).query).items()}
        if "code" not in answer:
            super().finish(redirect)
            return
        self.client.log_in(lambda: self.session_for(answer["code"]), self.client.show_login_page)


class StateCheckedWhenPresent(CloudLinkSignIn):
    def finish(self, redirect: str) -> None:
        answer = {k: v[0] for k, v in parse_qs(urlsplit(redirect).query).items()}
        if "code" in answer and "state" not in answer:
            self.client.log_in(lambda: self.session_for(answer["code"]), self.client.show_login_page)
            return
        super().finish(redirect)


class ChecksTheStateOnlyWhenPresent(WithSignIn):
    """Compares CloudLink's answer with its own state only when the answer carries one."""

    breaks = ("SEC-OAUTH-1",)
    sign_in = StateCheckedWhenPresent


class IgnoresStateOnCallback(WithSignIn):
    """Takes any code CloudLink's answer carries, whatever its state."""

    breaks = ("SEC-OAUTH-1",)
    sign_in = StateUnchecked


class StateKept(CloudLinkSignIn):
    def authorization_query(self, request: dict, challenge: str) -> dict:
        self.state = self.__dict__.setdefault("first_state", self.state)
        return super().authorization_query(request, challenge)


class ReusesState(WithSignIn):
    """Makes one state, unguessable, and sends it with every sign-in of the device."""

    breaks = ("SEC-OAUTH-1",)
    sign_in = StateKept


class ShortState(CloudLinkSignIn):
    def authorization_query(self, request: dict, challenge: str) -> dict:
        self.state = secrets.token_hex(4)
        return super().authorization_query(request, challenge)


class LowEntropyState(WithSignIn):
    """A state of 32 random bits: fresh, but guessable."""

    breaks = ("SEC-OAUTH-1",)
    sign_in = ShortState


class NumericNonce(CloudLinkSignIn):
    def authorization_query(self, request: dict, challenge: str) -> dict:
        return super().authorization_query(request, challenge) | {"nonce": f"{secrets.randbelow(10**6):06d}"}


class LowEntropyNonce(WithSignIn):
    """A six-digit nonce."""

    breaks = ("SEC-OAUTH-1",)
    sign_in = NumericNonce


# -- SEC-OAUTH-2 ------------------------------------------------------------------------------------


class CodeRedeemedTwice(CloudLinkSignIn):
    def session_for(self, code: str) -> dict:
        session = super().session_for(code)
        with contextlib.suppress(ApiError):  # "checks" the code once more; CloudLink refuses it
            fields = {"client_id": self.request["client_id"], "redirect_uri": self.request["redirect_uri"]}
            grant = {"grant_type": "authorization_code", "code": code, "code_verifier": self.verifier}
            self.client.api.call(CLOUDLINK_API, "POST", TOKEN_PATH, **grant, **fields)
        return session


class RedeemsCodeTwice(WithSignIn):
    """Sends the authorization code to CloudLink's token endpoint a second time."""

    breaks = ("SEC-OAUTH-2",)
    sign_in = CodeRedeemedTwice


class CodeRedeemedAgainOnAFailure(CloudLinkSignIn):
    def session_for(self, code: str) -> dict:
        try:
            return super().session_for(code)
        except ApiError:  # the MiCollab server failed: the whole exchange again, with the same code
            return super().session_for(code)


class RedeemsTheCodeAgainOnAFailure(WithSignIn):
    """When the MiCollab server fails the login that follows CloudLink, starts the exchange again
    and redeems the same authorization code a second time."""

    breaks = ("RES-5XX-1",)
    sign_in = CodeRedeemedAgainOnAFailure


class DoubleTapWebView(WebView):
    """Sends the second factor's Verify form twice (a double tap it does not debounce), and drops
    the second answer: only the wire shows it."""

    def press(self, label: str) -> str | None:
        if label != "Verify":
            return super().press(label)
        form = next(self.page.buttons()[label].iterancestors("form"))
        action, data = urljoin(self.page.url, form.get("action") or self.page.url), self._form_data(form)
        result = super().press(label)
        with contextlib.suppress(httpx.HTTPError):
            self.http.post(action, data=data)
        return result


class DoubleTapSignIn(CloudLinkSignIn):
    web_view = DoubleTapWebView


class SendsTheOneTimeCodeTwice(WithSignIn):
    """The second factor's code goes to Azure AD twice."""

    breaks = ("MC-CL-8",)
    sign_in = DoubleTapSignIn


class RedeemsDeploymentTwice(MiCollabClient):
    """Once deployed, redeems the same deployment again, and ignores the answer."""

    breaks = ("SEC-OAUTH-2",)

    def deploy(self, host: str, secret: str) -> None:
        super().deploy(host, secret)
        if self.screen().name in (s.LICENSE, s.IMPORT):  # deployed
            with contextlib.suppress(ApiError):
                self.api.call(host, "POST", "/api/v1/deployments/redeem", token=secret)


# -- SEC-CRED-1: the MiCollab password where it must not go ------------------------------------------


def on_the_side(client: MiCollabClient, method: str, url: str, **request) -> None:
    """A request beside the login; whatever it answers, the login goes on."""
    with contextlib.suppress(httpx.HTTPError):
        client.api.http.request(method, url, **request)


class PasswordBase64ToCloudLink(MiCollabClient):
    """Sends "login:password", base64-encoded in a header, to CloudLink."""

    breaks = ("SEC-CRED-1",)

    def submit_password(self) -> None:
        pair = base64.b64encode(f"{self.username}:{self.field(s.PASSWORD_FIELD)}".encode()).decode()
        on_the_side(self, "GET", CLOUDLINK_CONFIG, headers={"X-Diagnostics": pair})
        super().submit_password()


class PasswordCookieToCloudLink(MiCollabClient):
    """Keeps the password in a cookie, and sends it to CloudLink."""

    breaks = ("SEC-CRED-1",)

    def submit_password(self) -> None:
        on_the_side(self, "GET", CLOUDLINK_CONFIG, headers={"Cookie": f"mc_pw={quote(self.field(s.PASSWORD_FIELD))}"})
        super().submit_password()


class PasswordMultipartToCloudLink(MiCollabClient):
    """Uploads a diagnostics report (multipart/form-data) holding the password to CloudLink."""

    breaks = ("SEC-CRED-1",)

    def submit_password(self) -> None:
        report = json.dumps({"login": self.username, "password": self.field(s.PASSWORD_FIELD)})
        on_the_side(self, "POST", CLOUDLINK_CONFIG, files={"report": ("report.json", report, "application/json")})
        super().submit_password()


class PasswordInThePath(MiCollabClient):
    """Puts the password in a URL path, to the MiCollab server itself."""

    breaks = ("SEC-CRED-1",)

    def submit_password(self) -> None:
        secret = quote(self.field(s.PASSWORD_FIELD), safe="")
        on_the_side(self, "GET", f"https://{self.server}{DEPLOY_PATH}/{secret}")
        super().submit_password()


class SessionTokenInTheUrl(MiCollabClient):
    """Loads MiCollab Home with the session's access token in the query string as well."""

    breaks = ("SEC-CRED-1",)

    def show_home(self, home: dict) -> None:
        on_the_side(self, "GET", f"https://{self.server}/api/v1/home?access_token={self.access_token}")
        super().show_home(home)


WIRE_MUTANTS = [
    SessionTokenInTheUrl,
    IgnoresStateOnCallback,
    ChecksTheStateOnlyWhenPresent,
    ReusesState,
    LowEntropyState,
    LowEntropyNonce,
    RedeemsCodeTwice,
    RedeemsTheCodeAgainOnAFailure,
    SendsTheOneTimeCodeTwice,
    RedeemsDeploymentTwice,
    PasswordBase64ToCloudLink,
    PasswordCookieToCloudLink,
    PasswordMultipartToCloudLink,
    PasswordInThePath,
]
