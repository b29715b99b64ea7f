"""The reference MiCollab Client: a screen machine that does what the documentation says.

Screens follow `screens.py`. Each user action is a small method, so a mutant (a faulty variant
used to prove the scenarios can fail) overrides exactly one behaviour.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
from urllib.parse import parse_qs, urlsplit

from clients.driver import ClientSettings, Screen, ScreenKeeper
from clients.micollab import screens as s
from clients.micollab.api import ApiError, MiCollabApi
from clients.micollab.cloudlink import CloudLinkSignIn
from failures import AdapterError

DEPLOY_PATH = "/micollab/deploy"


class MiCollabClient(ScreenKeeper):
    """Implements `clients.driver.Driver` in-process; talks to the MiCollab server only over HTTP."""

    APP = "the MiCollab Client application"

    def __init__(self, settings: ClientSettings) -> None:
        super().__init__()
        self.settings = settings
        self.api = MiCollabApi(settings)
        self.server: str | None = settings.server_host
        self.username: str | None = None  # who logs in: set by a deployment or typed by the user
        self.deployment_session: str | None = None
        self.favorites: tuple[str, ...] = ()
        self.access_token: str | None = None
        self.cached_method = self.upgrade_quirk()
        self.cloudlink = CloudLinkSignIn(self)

    # -- the driver interface -----------------------------------------------------------------

    def open_app(self) -> None:
        if self._screen is None:
            self.show_start_screen()

    def open_link(self, url: str) -> None:
        parts = urlsplit(url)
        token = parse_qs(parts.query).get("token", [""])[0]
        if parts.path != DEPLOY_PATH:
            raise AdapterError(f"the MiCollab Client does not handle the link {url}")
        self.open_app()
        if not token:  # the client's own link, cut short: the user is told, as for a bad code
            self.show_start_screen()
            self.show_error("unknown_deployment")
            return
        self.deploy(parts.hostname or "", token)

    def fill(self, label: str, value: str) -> None:
        if self.cloudlink.showing():
            self.cloudlink.fill(label, value)
            return
        current = self.screen()
        if label not in current.fields:
            raise AdapterError(f"no field {label!r} on the {current.name} screen (fields: {list(current.fields)})")
        self._screen = Screen(current.name, {**current.fields, label: value}, current.buttons, current.elements)

    def press(self, label: str) -> None:
        current = self.screen()
        if label not in current.buttons:
            raise AdapterError(f"no button {label!r} on the {current.name} screen (buttons: {list(current.buttons)})")
        if self.cloudlink.showing():
            self.cloudlink.press(label)
        else:
            self.actions()[(current.name, label)]()

    def tap(self, element: str, times: int = 1) -> None:
        current = self.screen()
        if element not in current.elements:
            raise AdapterError(f"no element {element!r} on the {current.name} screen")
        if element == s.MITEL_LOGO and times >= s.MANUAL_LOGIN_TAPS:
            self.show_manual_login()

    def back(self) -> None:
        if self.screen().name == s.PASSWORD:
            self.cached_method = None
            self.show_login_page()

    def close(self) -> None:
        self.api.close()

    # -- what each button does ----------------------------------------------------------------

    def actions(self) -> dict:
        return {
            (s.AUTH_CODE, s.APPLY): self.apply_code,
            (s.IMPORT, s.IMPORT_BUTTON): self.import_user_data,
            (s.LICENSE, s.ACCEPT): self.accept_license,
            (s.LOGIN, s.NEXT): self.submit_username,
            (s.MANUAL_LOGIN, s.NEXT): self.submit_manual_login,
            (s.PASSWORD, s.APPLY): self.submit_password,
            (s.PASSWORD, s.BACK): self.back,
            (s.HOME, s.LOGOUT): self.logout,
        }

    def apply_code(self) -> None:
        code = self.field(s.AUTH_CODE_FIELD).strip()
        try:
            host, secret = base64.urlsafe_b64decode(code + "=" * (-len(code) % 4)).decode().split("|", 1)
        except (binascii.Error, UnicodeDecodeError, ValueError):
            self.show_error("malformed_code")
            return
        self.deploy(host, secret)

    def deploy(self, host: str, secret: str) -> None:
        """Redeems a deployment (link or code) at its server, then Import or the license."""
        try:
            answer = self.api.call(host, "POST", "/api/v1/deployments/redeem", token=secret)
        except ApiError as error:
            self.show_start_screen()
            self.show_api_error(error, host=host)
            return
        self.server, self.username = host, answer["login_id"]
        self.deployment_session = answer["deployment_session"]
        if answer["first_login"]:
            self.show_license()
        else:
            self.show(Screen(s.IMPORT, buttons=(s.IMPORT_BUTTON,)))

    def import_user_data(self) -> None:
        data = self.call("GET", "/api/v1/userdata", auth=("Deployment", self.deployment_session))
        if data is not None:
            self.favorites = tuple(data.get("favorites", ()))
            self.show_license()

    def accept_license(self) -> None:
        if self.username:
            self.show_password_page()
        else:
            self.show_login_page()

    def submit_username(self) -> None:
        self.identify(self.field(s.USERNAME_FIELD).strip())

    def submit_manual_login(self) -> None:
        self.server = self.field(s.SERVER_HOSTNAME_FIELD).strip().lower()
        self.identify(self.field(s.MANUAL_LOGIN_ID_FIELD).strip())

    def identify(self, username: str) -> None:
        self.username = username
        if self.cached_method == "password":  # see upgrade_quirk()
            self.show_password_page()
            return
        answer = self.call("POST", "/api/v1/login/identify", username=username)
        if answer is None:
            return
        if answer["method"] == "password":
            self.show_password_page()
        else:
            self.cloudlink.start(answer["cloudlink"])

    def upgrade_quirk(self) -> str | None:
        """Documented for 9.3: a mobile client upgraded from 9.2 after the server's upgrade keeps
        9.2's login method, so its first Next shows the password page, not Single Sign-On. Back on
        the password page forgets it; the username and Next then reach Single Sign-On. A known
        issue, not a requirement: the reference keeps it, as the documented product has it."""
        settings = self.settings
        mobile = settings.platform in {"iOS", "Android"}
        upgraded = (settings.upgraded_from or "").startswith("9.2") and settings.version.startswith("9.3")
        return "password" if mobile and upgraded else None

    def submit_password(self) -> None:
        password = self.field(s.PASSWORD_FIELD)
        server = self.server or ""
        self.log_in(
            lambda: self.api.call(server, "POST", "/api/v1/login", username=self.username, password=password),
            self.show_password_page,
        )

    def log_in(self, get_session, on_failure) -> None:
        """The progressing screen while the server opens the session and MiCollab Home loads;
        on any failure, `on_failure`'s screen with the error and no session kept."""
        self.show(Screen(s.PROGRESSING))
        try:
            self.access_token = get_session()["access_token"]
            home = self.api.call(self.server or "", "GET", "/api/v1/home", auth=("Bearer", self.access_token))
        except ApiError as error:
            self.abandon_session()
            on_failure()
            self.show_api_error(error)
            return
        self.show_home(home)

    def show_home(self, home: dict) -> None:
        greeting = (f"Welcome, {home['display_name']}",)
        self.show(Screen(s.HOME, buttons=(s.LOGOUT,), elements=self.favorites, messages=greeting))

    def abandon_session(self) -> None:
        """A session the user never saw must not stay open on the server."""
        if self.access_token:
            with contextlib.suppress(ApiError):  # the server is failing: its session expires on its own
                self.api.call(self.server or "", "POST", "/api/v1/logout", auth=("Bearer", self.access_token))
            self.access_token = None

    def logout(self) -> None:
        """The session ended on the server, then the login page. A server that does not end it
        leaves MiCollab Home with the error (the session is still open there: the user may try
        again); one that no longer knows the session (401) has ended it already."""
        try:
            self.api.call(self.server or "", "POST", "/api/v1/logout", auth=("Bearer", self.access_token))
        except ApiError as error:
            if error.status != 401:
                self.show_api_error(error)
                return
        self.access_token = None
        self.show_login_page()

    # -- screens --------------------------------------------------------------------------------

    def show_start_screen(self) -> None:
        """A client that knows its server (from installation) starts at the license agreement;
        one that does not starts where a deployment's authentication code is pasted."""
        if self.server:
            self.show_license()
        else:
            self.show(self.code_screen())

    @staticmethod
    def code_screen() -> Screen:
        return Screen(s.AUTH_CODE, {s.AUTH_CODE_FIELD: ""}, (s.APPLY,), (s.MITEL_LOGO,))

    def show_license(self) -> None:
        terms = self.call("GET", "/api/v1/license")
        if terms is not None:
            self.show(Screen(s.LICENSE, buttons=(s.ACCEPT,), messages=(terms["title"], terms["text"])))

    def show_login_page(self) -> None:
        self.show(Screen(s.LOGIN, {s.USERNAME_FIELD: ""}, (s.NEXT,), (s.MITEL_LOGO,)))

    def show_password_page(self) -> None:
        self.show(Screen(s.PASSWORD, {s.PASSWORD_FIELD: ""}, (s.APPLY, s.BACK)))

    def show_manual_login(self) -> None:
        self.show(Screen(s.MANUAL_LOGIN, {s.SERVER_HOSTNAME_FIELD: "", s.MANUAL_LOGIN_ID_FIELD: ""}, (s.NEXT,)))

    def show_api_error(self, error: ApiError, host: str | None = None) -> None:
        minutes = max(1, -(-error.retry_after // 60))
        self.show_error(error.code, host=host or self.server, minutes=minutes)

    def show_error(self, code: str, **details) -> None:
        template = s.MESSAGES.get(code, s.MESSAGES["server_error"])
        message = template.format(**{"host": self.server, "detail": code, "minutes": 1, **details})
        current = self._screen or self.code_screen()
        self._screen = Screen(current.name, current.fields, current.buttons, current.elements, (message,))

    # -- helpers --------------------------------------------------------------------------------

    def field(self, label: str) -> str:
        return self.screen().fields.get(label, "")

    def call(self, method: str, path: str, auth: tuple[str, str | None] | None = None, **body) -> dict | None:
        """A call to this client's server; a refusal is shown on the current screen (None)."""
        try:
            return self.api.call(self.server or "", method, path, auth=auth, **body)
        except ApiError as error:
            self.show_api_error(error)
            return None
