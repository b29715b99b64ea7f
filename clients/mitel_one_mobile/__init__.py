"""The reference Mitel One mobile client, headless: the screens of the Mitel One login in the
documentation's words, over the network only (CloudLink for the password, the Mitel One API for
the session and the EULA record it shares with the web application).

Each user action is a small method, so a faulty variant overrides exactly one behaviour."""

from __future__ import annotations

import httpx

from clients.driver import ClientSettings, Screen, ScreenKeeper
from clients.micollab.api import tls_context
from failures import AdapterError

WELCOME, LOGIN, EULA, HOME = "Welcome to Mitel One", "Mitel user login", "End User License Agreement", "Mitel One"
ACCEPT = "I accept the end user agreement"
API = "https://one.mitel.io/api/v1"
CLOUDLINK_TOKEN = "https://authentication.api.mitel.io/2017-09-01/token"
CLIENT_ID = "mitel-one-mobile"


class MitelOneMobile(ScreenKeeper):
    """Implements `clients.driver.Driver`."""

    APP = "the Mitel One mobile application"

    def __init__(self, settings: ClientSettings) -> None:
        super().__init__()
        verify = tls_context(settings.ca_bundle)
        self.http = httpx.Client(proxy=settings.proxy_url, verify=verify, timeout=settings.timeout)
        self.email = ""

    # -- the driver interface -------------------------------------------------------------------

    def open_app(self) -> None:
        self.show(Screen(WELCOME, buttons=("SIGN IN",)))

    def open_link(self, url: str) -> None:
        raise AdapterError(f"the Mitel One mobile client does not handle the link {url}")

    def fill(self, label: str, value: str) -> None:
        current = self.screen()
        if label not in current.fields:
            raise AdapterError(f"no field {label!r} on the {current.name} screen")
        fields, buttons = {**current.fields, label: value}, current.buttons
        if current.name == EULA:  # CONFIRM is possible once the box is checked
            buttons = ("CONFIRM",) if fields[ACCEPT] == "true" else ()
        self.replace_screen(Screen(current.name, fields, buttons, current.elements, current.messages))

    def press(self, label: str) -> None:
        current = self.screen()
        if label not in current.buttons:
            raise AdapterError(f"no button {label!r} on the {current.name} screen")
        if label == "SIGN IN":
            self.show(Screen(LOGIN, {"User name": ""}, ("Next",)))
        elif label == "Next" and "Password" not in current.fields:
            self.email = current.fields["User name"].strip()
            self.show(Screen(LOGIN, {"Password": ""}, ("Next",)))
        elif label == "Next":
            self.sign_in(current.fields["Password"])
        elif label == "CONFIRM":
            self.accept_eula()

    def tap(self, element: str, times: int = 1) -> None:
        raise AdapterError(f"nothing called {element!r} to tap on the {self.screen().name} screen")

    def back(self) -> None:
        self.open_app()

    def close(self) -> None:
        self.http.close()

    # -- the behaviours -------------------------------------------------------------------------

    def sign_in(self, password: str) -> None:
        form = {"grant_type": "password", "username": self.email, "password": password, "client_id": CLIENT_ID}
        try:
            token = self.http.post(CLOUDLINK_TOKEN, json=form)
            if token.status_code != 201:
                message = token.json().get("error_description", "The password is not correct.")  # RFC 6749 §5.2
                self.stay_on_password(message)
                return
            session = self.http.post(f"{API}/session", json={"cloudlink_token": token.json()["access_token"]})
            session.raise_for_status()
        except httpx.TransportError as exc:  # unreachable, or a certificate the device does not trust
            self.stay_on_password(f"Mitel One cannot be reached securely: {exc}. Try again later.")
            return
        self.after_sign_in(session.json()["eula_accepted"])

    def stay_on_password(self, message: str) -> None:
        self.replace_screen(Screen(LOGIN, {"Password": ""}, ("Next",), messages=(message,)))

    def after_sign_in(self, eula_accepted: bool) -> None:
        """The EULA at the user's first login only, whichever client type it was accepted on."""
        if eula_accepted:
            self.show(Screen(HOME, elements=("avatar",)))
        else:
            self.show(Screen(EULA, {ACCEPT: "false"}))

    def accept_eula(self) -> None:
        """Accepted once the platform has recorded it (every client type reads that record);
        else the agreement stays, with the reason."""
        try:
            recorded = self.http.post(f"{API}/eula", json={"accepted": True}).is_success
        except httpx.TransportError:
            recorded = False
        if not recorded:
            current = self.screen()
            message = ("Mitel One could not record your acceptance. Try again.",)
            self.replace_screen(Screen(EULA, current.fields, current.buttons, current.elements, message))
            return
        self.show(Screen(HOME, elements=("avatar",)))
