"""Azure AD's rules (codes, PKCE, nonce, smart lockout, the authenticator code) and its HTTP face,
run for real on loopback: the sign-in pages are read by their labels with lxml.html, as a user
reads them, and posted as a browser posts them."""

from __future__ import annotations

import base64
import zlib
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import lxml.html
import pyotp
import pytest
from joserfc import jwt
from joserfc.jwk import KeySet

from mocks.azure_ad import AZURE_HOST, AzureDirectory, AzureError
from mocks.azure_ad.directory import CODE_TTL, AuthorizationRequest, s256
from mocks.azure_ad.errors import ToClient
from mocks.azure_ad.tokens import TokenIssuer
from mocks.tenant import Tenant, TenantSettings, User

VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"  # RFC 7636 appendix B
CLIENT, REDIRECT = "11112222-3333-4444-5555-666677778888", "https://app.example.com/callback"
SCOPE = "openid profile email offline_access"
USER = User(
    "Ann Lee", "ann.lee@acme.example.com", "alee", "alee@acme.example.com", "MiCollab-pw1",
    enterprise_password="Entra-pw1!", totp_secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
    azure_object_id="0f0e0d0c-0b0a-0908-0706-050403020100",
)  # fmt: skip


def new_tenant(number: int = 1, **settings) -> Tenant:
    guid = f"{number:08x}-aaaa-bbbb-cccc-dddddddddddd"
    return Tenant(f"t{number}", "Acme", f"acme{number}.example.com", TenantSettings(**settings), [USER],
                  azure_tenant_id=guid)  # fmt: skip


def directory_with(**settings) -> tuple[AzureDirectory, Tenant]:
    directory, tenant = AzureDirectory(), new_tenant(**settings)
    directory.add_tenant(tenant)
    directory.register_app(tenant.azure_tenant_id, CLIENT, [REDIRECT])
    return directory, tenant


def request(**changes) -> AuthorizationRequest:
    values = {"client_id": CLIENT, "redirect_uri": REDIRECT, "state": "st-1", "code_challenge": s256(VERIFIER),
              "nonce": "n-0S6", "scope": SCOPE} | changes  # fmt: skip
    return AuthorizationRequest(**values)


def signed_in_code(directory: AzureDirectory, tenant: Tenant) -> str:
    sign_in = directory.authorize(tenant, request())
    directory.submit_username(sign_in, USER.upn)
    directory.submit_password(sign_in, USER.enterprise_password)
    return directory.issue_code(directory.complete(sign_in), sign_in.request, mfa=False)


def refused(call, *args) -> AzureError:
    with pytest.raises(AzureError) as caught:
        call(*args)
    return caught.value


# -- the rules -----------------------------------------------------------------------------------


def test_a_code_is_redeemed_once_with_its_verifier_and_carries_the_nonce():
    directory, tenant = directory_with()
    code = signed_in_code(directory, tenant)
    grant = directory.redeem_code(tenant, code, CLIENT, REDIRECT, VERIFIER)
    claims = directory.keys.verify(TokenIssuer(directory.keys).respond(grant, grant.scope)["id_token"])
    assert (claims["nonce"], claims["aud"], claims["preferred_username"]) == ("n-0S6", CLIENT, USER.upn)
    assert refused(directory.redeem_code, tenant, code, CLIENT, REDIRECT, VERIFIER).code == 54005


@pytest.mark.parametrize(
    ("client_id", "redirect_uri", "verifier", "aadsts"),
    [
        (CLIENT, REDIRECT, "wrong-verifier", 501481),
        (CLIENT, REDIRECT, "", 501481),
        (CLIENT, "https://app.example.com/elsewhere", VERIFIER, 500112),
        ("another-client", REDIRECT, VERIFIER, 70000),
    ],
)
def test_a_code_is_refused_to_anyone_else_and_stays_usable(client_id, redirect_uri, verifier, aadsts):
    directory, tenant = directory_with()
    code = signed_in_code(directory, tenant)
    assert refused(directory.redeem_code, tenant, code, client_id, redirect_uri, verifier).code == aadsts
    assert directory.redeem_code(tenant, code, CLIENT, REDIRECT, VERIFIER).client_id == CLIENT


def test_a_code_expires_after_ten_minutes_of_the_tenants_clock():
    directory, tenant = directory_with()
    code = signed_in_code(directory, tenant)
    tenant.clock.advance(CODE_TTL + 1)
    error = refused(directory.redeem_code, tenant, code, CLIENT, REDIRECT, VERIFIER)
    assert (error.code, error.error) == (70008, "invalid_grant")


def test_a_code_of_another_tenant_is_unknown_here():
    directory, tenant = directory_with()
    other = new_tenant(2)
    directory.add_tenant(other)
    assert (
        refused(directory.redeem_code, other, signed_in_code(directory, tenant), CLIENT, REDIRECT, VERIFIER).code
        == 9002313
    )


@pytest.mark.parametrize(
    ("changes", "aadsts", "to_client"),
    [
        ({"code_challenge": ""}, 9002325, True),
        ({"code_challenge_method": "plain"}, 9002325, True),
        ({"response_type": "token"}, 700054, True),
        ({"scope": ""}, 900144, True),
        ({"client_id": "unknown"}, 700016, False),
        ({"redirect_uri": "https://evil.example.com/cb"}, 50011, False),
    ],
)
def test_an_authorization_request_needs_a_known_client_its_redirect_uri_and_pkce_s256(changes, aadsts, to_client):
    directory, tenant = directory_with()
    error = refused(directory.authorize, tenant, request(**changes))
    assert (error.code, isinstance(error, ToClient)) == (aadsts, to_client)


def test_tenants_are_found_by_id_or_domain():
    directory, tenant = directory_with()
    assert directory.tenant(tenant.azure_tenant_id.upper()) is directory.tenant(tenant.domain) is tenant
    assert refused(directory.tenant, "contoso.example.com").code == 90002


def test_an_unknown_user_is_told_so():
    directory, tenant = directory_with()
    assert (
        refused(directory.submit_username, directory.authorize(tenant, request()), "nobody@acme1.example.com").code
        == 50034
    )


def distinct_wrong_passwords(directory, sign_in, count: int) -> None:
    for attempt in range(count):
        assert refused(directory.submit_password, sign_in, f"wrong-{attempt}").code == 50126


def test_smart_lockout_locks_at_the_threshold_then_lets_the_user_in_after_the_duration():
    directory, tenant = directory_with(azure_lockout_threshold=3, azure_lockout_duration=60)
    sign_in = directory.authorize(tenant, request())
    directory.submit_username(sign_in, USER.upn)
    distinct_wrong_passwords(directory, sign_in, 3)
    assert refused(directory.submit_password, sign_in, USER.enterprise_password).code == 50053
    tenant.clock.advance(61)
    directory.submit_password(sign_in, USER.enterprise_password)
    assert sign_in.stage() == "kmsi"


def test_smart_lockout_does_not_count_the_same_wrong_password_twice():
    directory, tenant = directory_with(azure_lockout_threshold=3)
    sign_in = directory.authorize(tenant, request())
    directory.submit_username(sign_in, USER.upn)
    for _ in range(5):
        assert refused(directory.submit_password, sign_in, "the-same-typo").code == 50126
    directory.submit_password(sign_in, USER.enterprise_password)


def test_after_a_lockout_one_more_failure_locks_again_for_longer():
    directory, tenant = directory_with(azure_lockout_threshold=2, azure_lockout_duration=60)
    sign_in = directory.authorize(tenant, request())
    directory.submit_username(sign_in, USER.upn)
    distinct_wrong_passwords(directory, sign_in, 2)
    tenant.clock.advance(61)
    assert refused(directory.submit_password, sign_in, "wrong-again").code == 50126
    tenant.clock.advance(61)
    assert refused(directory.submit_password, sign_in, USER.enterprise_password).code == 50053
    tenant.clock.advance(60)
    directory.submit_password(sign_in, USER.enterprise_password)


@pytest.mark.parametrize(("mfa_required", "stage"), [(False, "kmsi"), (True, "code")])
def test_the_authenticator_code_is_asked_only_when_mfa_is_required(mfa_required, stage):
    directory, tenant = directory_with(mfa_required=mfa_required)
    sign_in = directory.authorize(tenant, request())
    directory.submit_username(sign_in, USER.upn)
    directory.submit_password(sign_in, USER.enterprise_password)
    assert sign_in.stage() == stage


def test_an_authenticator_code_works_once_and_only_within_a_step_of_now():
    directory, tenant = directory_with(mfa_required=True)
    tenant.clock.advance(31 - tenant.clock.now() % 30)  # a second into a time step: no step ends during the test
    totp, now = pyotp.TOTP(USER.totp_secret), tenant.clock.now()
    first, second = (directory.authorize(tenant, request()) for _ in range(2))
    for sign_in in (first, second):
        directory.submit_username(sign_in, USER.upn)
        directory.submit_password(sign_in, USER.enterprise_password)
    assert refused(directory.submit_code, first, totp.at(now, counter_offset=-2)).code == 500121
    directory.submit_code(first, totp.at(now, counter_offset=-1))
    assert refused(directory.submit_code, second, totp.at(now, counter_offset=-1)).code == 500121
    directory.submit_code(second, totp.at(now))
    assert (first.stage(), second.stage()) == ("kmsi", "kmsi")


# -- over HTTP ----------------------------------------------------------------------------------------


class Loopback(httpx.HTTPTransport):
    """Sends https://login.microsoftonline.com/... to the mock on loopback, as the harness's proxy
    does: plain HTTP, Host login.microsoftonline.com, X-Forwarded-Proto https."""

    def __init__(self, server_url: str) -> None:
        super().__init__()
        self.target = httpx.URL(server_url)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.host == AZURE_HOST:
            request.url = request.url.copy_with(scheme="http", host=self.target.host, port=self.target.port)
            request.headers["Host"], request.headers["X-Forwarded-Proto"] = AZURE_HOST, "https"
        return super().handle_request(request)


class SignInPages:
    """A user at Entra's pages: fields found by their <label>, buttons by their text, one form."""

    def __init__(self, http: httpx.Client) -> None:
        self.http, self.response, self.values = http, None, {}

    def open(self, url: str) -> httpx.Response:
        self.response, self.values = self.http.get(url), {}
        return self.response

    @property
    def document(self) -> lxml.html.HtmlElement:
        return lxml.html.fromstring(self.response.text)

    @property
    def heading(self) -> str:
        return self.document.findtext(".//h1")

    def alert(self) -> lxml.html.HtmlElement | None:
        found = self.document.xpath('//*[@id="error"][@role="alert"]')
        return found[0] if found else None

    def fill(self, label: str, value: str) -> None:
        [target] = [el for el in self.document.iter("label") if el.text_content() == label]
        self.values[self.document.get_element_by_id(target.get("for")).name] = value

    def press(self, label: str) -> httpx.Response:
        [form] = self.document.forms
        data = {i.name: i.value or "" for i in form.inputs if i.name and i.get("type") != "submit"} | self.values
        [button] = [b for b in form.iter("button", "input") if label in {b.text_content(), b.get("value")}]
        if button.get("name"):
            data[button.get("name")] = button.get("value")
        self.response, self.values = self.http.post(form.action, data=data), {}
        return self.response

    def sign_in(self, user: User, code: str = "") -> httpx.Response:
        self.fill("Email, phone, or Skype", user.upn)
        self.press("Next")
        self.fill("Password", user.enterprise_password)
        self.press("Sign in")
        if code:
            self.fill("Code", code)
            self.press("Verify")
        return self.press("Yes")


@pytest.fixture
def http(azure):
    with httpx.Client(transport=Loopback(azure[1].url), timeout=10) as client:
        yield client


TENANT_NUMBERS = iter(range(100, 10_000))


@pytest.fixture
def tenant_of(azure):
    def make(**settings) -> Tenant:
        tenant = new_tenant(next(TENANT_NUMBERS), **settings)
        azure[0].add_tenant(tenant)
        azure[0].register_app(tenant.azure_tenant_id, CLIENT, [REDIRECT])
        return tenant

    return make


def authorize_url(tenant: Tenant, **params) -> str:
    query = {"client_id": CLIENT, "redirect_uri": REDIRECT, "response_type": "code", "scope": SCOPE, "state": "st-1",
             "nonce": "n-0S6", "code_challenge": s256(VERIFIER), "code_challenge_method": "S256"} | params  # fmt: skip
    return f"https://{AZURE_HOST}/{tenant.azure_tenant_id}/oauth2/v2.0/authorize?{urlencode(query)}"


def redirect_query(response: httpx.Response) -> dict[str, str]:
    assert response.status_code == 302, response.text
    location = urlsplit(response.headers["location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == REDIRECT
    return {k: v[0] for k, v in parse_qs(location.query).items()}


def redeem(http: httpx.Client, tenant: Tenant, code: str, verifier: str = VERIFIER) -> httpx.Response:
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT, "client_id": CLIENT,
            "code_verifier": verifier}  # fmt: skip
    return http.post(f"https://{AZURE_HOST}/{tenant.azure_tenant_id}/oauth2/v2.0/token", data=form)


def test_a_full_sign_in_with_mfa_gives_an_id_token_the_published_keys_validate(http, tenant_of):
    tenant = tenant_of(mfa_required=True)
    pages = SignInPages(http)
    pages.open(authorize_url(tenant))
    assert pages.heading == "Sign in"
    answer = redirect_query(pages.sign_in(USER, pyotp.TOTP(USER.totp_secret).at(tenant.clock.now())))
    assert answer["state"] == "st-1"
    token = redeem(http, tenant, answer["code"])
    assert token.status_code == 200
    assert token.headers["cache-control"].startswith("no-store")
    discovery = http.get(f"https://{AZURE_HOST}/{tenant.domain}/v2.0/.well-known/openid-configuration").json()
    keys = KeySet.import_key_set(http.get(discovery["jwks_uri"]).json())
    claims = jwt.decode(token.json()["id_token"], keys).claims
    jwt.JWTClaimsRegistry(
        iss={"essential": True, "value": f"https://{AZURE_HOST}/{tenant.azure_tenant_id}/v2.0"},
        aud={"essential": True, "value": CLIENT}, nonce={"essential": True, "value": "n-0S6"},
        exp={"essential": True}, tid={"essential": True, "value": tenant.azure_tenant_id},
    ).validate(claims)  # fmt: skip
    info = base64.urlsafe_b64decode(token.json()["client_info"] + "==")
    assert info == f'{{"uid": "{USER.azure_object_id}", "utid": "{tenant.azure_tenant_id}"}}'.encode()


def test_every_page_has_one_post_form_and_every_field_a_label_and_an_aria_label(http, tenant_of):
    tenant = tenant_of(mfa_required=True)
    pages = SignInPages(http)
    pages.open(authorize_url(tenant, login_hint=USER.upn))
    headings, code = [], pyotp.TOTP(USER.totp_secret).at(tenant.clock.now())
    steps = [("Email, phone, or Skype", None, "Next"), ("Password", USER.enterprise_password, "Sign in")]
    for label, value, button in [*steps, ("Code", code, "Verify")]:
        [form] = pages.document.forms
        assert form.method == "POST"
        assert pages.document.findtext(".//title") == "Sign in to your account"
        for field in (i for i in form.inputs if i.get("type") not in {"hidden", "submit"}):
            assert pages.document.xpath(f'//label[@for="{field.get("id")}"]'), field.name
            assert field.get("aria-label"), field.name
        headings.append(pages.heading)
        if value is None:
            assert form.fields["loginfmt"] == USER.upn  # prefilled from login_hint
        else:
            pages.fill(label, value)
        pages.press(button)
    assert [*headings, pages.heading] == ["Sign in", "Enter password", "Enter code", "Stay signed in?"]
    assert pages.document.xpath("//p[contains(., 'Do this to reduce')]")


@pytest.mark.parametrize(
    ("username", "password", "message", "aadsts"),
    [
        ("nobody@acme.example.com", None, "We couldn't find an account with that username.", "AADSTS50034"),
        (USER.upn, "not-it", "Your account or password is incorrect.", "AADSTS50126"),
    ],
)
def test_a_refused_step_shows_entras_words_and_code_on_the_same_page(
    http, tenant_of, username, password, message, aadsts
):
    pages = SignInPages(http)
    pages.open(authorize_url(tenant_of()))
    pages.fill("Email, phone, or Skype", username)
    pages.press("Next")
    if password is not None:
        pages.fill("Password", password)
        pages.press("Sign in")
    assert pages.response.status_code == 200
    assert pages.alert().text_content().startswith(message)
    assert pages.alert().get("data-aadsts") == aadsts
    assert f"Error code: {aadsts}" in pages.document.text_content()


def test_a_lockout_shows_on_the_password_page(http, tenant_of):
    tenant = tenant_of(azure_lockout_threshold=2)
    pages = SignInPages(http)
    pages.open(authorize_url(tenant))
    pages.fill("Email, phone, or Skype", USER.upn)
    pages.press("Next")
    for password in ("wrong-1", "wrong-2", USER.enterprise_password):
        pages.fill("Password", password)
        pages.press("Sign in")
    assert (pages.heading, pages.alert().get("data-aadsts")) == ("Enter password", "AADSTS50053")
    assert pages.alert().text_content().startswith("Your account is temporarily locked")


def test_a_reused_code_of_the_authenticator_app_is_refused(http, tenant_of):
    tenant = tenant_of(mfa_required=True)
    code = pyotp.TOTP(USER.totp_secret).at(tenant.clock.now())
    first = SignInPages(http)
    first.open(authorize_url(tenant))
    redirect_query(first.sign_in(USER, code))
    second = SignInPages(http)
    second.open(authorize_url(tenant))
    second.fill("Email, phone, or Skype", USER.upn)
    second.press("Next")
    second.fill("Password", USER.enterprise_password)
    second.press("Sign in")
    second.fill("Code", code)
    second.press("Verify")
    assert second.heading == "Enter code"
    assert second.alert().text_content() == "You didn't enter the expected verification code. Please try again."


def test_form_post_hands_the_code_over_in_a_self_submitting_form(http, tenant_of):
    pages = SignInPages(http)
    pages.open(authorize_url(tenant_of(), response_mode="form_post"))
    pages.sign_in(USER)
    [form] = pages.document.forms
    assert (form.method, form.action, form.fields["state"]) == ("POST", REDIRECT, "st-1")
    assert form.fields["code"]
    assert "submit()" in pages.document.findtext(".//script")
    assert pages.document.xpath("//noscript//button[normalize-space()='Continue']")


def test_an_authorization_request_without_pkce_goes_back_to_the_app_with_an_error(http, tenant_of):
    answer = redirect_query(http.get(authorize_url(tenant_of(), code_challenge="", code_challenge_method="")))
    assert (answer["error"], answer["state"]) == ("invalid_request", "st-1")
    assert answer["error_description"].startswith("AADSTS9002325: Proof Key for Code Exchange is required")


def test_an_unregistered_redirect_uri_stays_on_an_entra_error_page(http, tenant_of):
    page = http.get(authorize_url(tenant_of(), redirect_uri="https://evil.example.com/cb"))
    assert page.status_code == 400
    alert = lxml.html.fromstring(page.text).get_element_by_id("error")
    assert (alert.get("role"), alert.get("data-aadsts")) == ("alert", "AADSTS50011")


def signed_in(http, tenant: Tenant) -> str:
    pages = SignInPages(http)
    pages.open(authorize_url(tenant))
    return redirect_query(pages.sign_in(USER))["code"]


def test_token_errors_are_answered_as_entra_answers_them(http, tenant_of):
    tenant = tenant_of()
    code = signed_in(http, tenant)
    mismatch = redeem(http, tenant, code, "a" * 43)
    assert (mismatch.status_code, mismatch.json()["error_codes"]) == (400, [501481])
    assert redeem(http, tenant, code).status_code == 200
    again = redeem(http, tenant, code).json()
    assert again["error"] == "invalid_grant"
    assert again["error_description"].startswith("AADSTS54005: OAuth2 Authorization code was already redeemed")
    assert {"timestamp", "trace_id", "correlation_id"} <= again.keys()
    late = signed_in(http, tenant)
    tenant.clock.advance(CODE_TTL + 1)
    assert redeem(http, tenant, late).json()["error_codes"] == [70008]


def test_a_refresh_token_gives_new_tokens(http, tenant_of):
    tenant = tenant_of()
    first = redeem(http, tenant, signed_in(http, tenant)).json()
    form = {"grant_type": "refresh_token", "refresh_token": first["refresh_token"], "client_id": CLIENT, "scope": SCOPE}
    again = http.post(f"https://{AZURE_HOST}/{tenant.azure_tenant_id}/oauth2/v2.0/token", data=form)
    assert again.status_code == 200
    assert again.json()["refresh_token"] != first["refresh_token"]
    keys = KeySet.import_key_set(http.get(f"https://{AZURE_HOST}/{tenant.azure_tenant_id}/discovery/v2.0/keys").json())
    assert "nonce" not in jwt.decode(again.json()["id_token"], keys).claims  # a refreshed ID token has no nonce


def test_discovery_documents(http, tenant_of):
    tenant = tenant_of()
    tid = tenant.azure_tenant_id
    config = http.get(f"https://{AZURE_HOST}/{tid}/v2.0/.well-known/openid-configuration").json()
    assert config["authorization_endpoint"] == f"https://{AZURE_HOST}/{tid}/oauth2/v2.0/authorize"
    assert config["token_endpoint"] == f"https://{AZURE_HOST}/{tid}/oauth2/v2.0/token"
    assert config["jwks_uri"] == f"https://{AZURE_HOST}/{tid}/discovery/v2.0/keys"
    assert config["subject_types_supported"] == ["pairwise"]
    assert "code_challenge_methods_supported" not in config  # Entra's document does not list it
    common = http.get(f"https://{AZURE_HOST}/common/v2.0/.well-known/openid-configuration").json()
    assert common["issuer"] == f"https://{AZURE_HOST}/{{tenantid}}/v2.0"
    [key] = http.get(config["jwks_uri"]).json()["keys"]
    assert key["kid"] == key["x5t"]
    assert key["x5c"]
    instance = http.get(f"https://{AZURE_HOST}/common/discovery/instance", params={"api-version": "1.1"}).json()
    assert "sts.windows.net" in instance["metadata"][0]["aliases"]
    assert http.get(f"https://{AZURE_HOST}/_mock/health").text == "ok"
    unknown = http.get(f"https://{AZURE_HOST}/nowhere.example.com/v2.0/.well-known/openid-configuration")
    assert (unknown.status_code, unknown.json()["error"]) == (400, "invalid_tenant")


def test_logout_goes_back_only_to_a_registered_redirect_uri(http, tenant_of):
    logout = f"https://{AZURE_HOST}/{tenant_of().azure_tenant_id}/oauth2/v2.0/logout"
    back = http.get(logout, params={"post_logout_redirect_uri": REDIRECT})
    assert (back.status_code, back.headers["location"]) == (302, REDIRECT)
    elsewhere = http.get(logout, params={"post_logout_redirect_uri": "https://evil.example.com/"})
    assert lxml.html.fromstring(elsewhere.text).findtext(".//h1") == "You signed out of your account"


def authn_request(issuer: str, request_id: str = "_req-1", doctype: str = "") -> bytes:
    return (
        f'{doctype}<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" '
        f'xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="{request_id}" Version="2.0">'
        f"<saml:Issuer>{issuer}</saml:Issuer></samlp:AuthnRequest>"
    ).encode()


def test_saml_sign_in_posts_a_response_to_the_registered_acs_url(azure, http, tenant_of):
    tenant, sp = tenant_of(), "https://sp.example.com/saml"
    azure[0].register_saml_sp(tenant.azure_tenant_id, sp, f"{sp}/acs")
    deflater = zlib.compressobj(wbits=-15)
    saml_request = base64.b64encode(deflater.compress(authn_request(sp)) + deflater.flush()).decode()
    pages = SignInPages(http)
    query = urlencode({"SAMLRequest": saml_request, "RelayState": "r1"})
    pages.open(f"https://{AZURE_HOST}/{tenant.azure_tenant_id}/saml2?{query}")
    pages.sign_in(USER)
    [form] = pages.document.forms
    assert (form.action, form.fields["RelayState"]) == (f"{sp}/acs", "r1")
    assert b'InResponseTo="_req-1"' in base64.b64decode(form.fields["SAMLResponse"])


@pytest.mark.parametrize(
    ("issuer", "doctype", "aadsts"),
    [
        ("https://unknown.example.com", "", "AADSTS700016"),
        ("https://sp.example.com/saml", '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', "AADSTS75005"),
    ],
)
def test_saml_requests_from_unknown_sps_or_with_entities_are_refused(azure, http, tenant_of, issuer, doctype, aadsts):
    tenant = tenant_of()
    azure[0].register_saml_sp(tenant.azure_tenant_id, "https://sp.example.com/saml", "https://sp.example.com/acs")
    posted = base64.b64encode(authn_request(issuer, doctype=doctype)).decode()
    page = http.post(f"https://{AZURE_HOST}/{tenant.azure_tenant_id}/saml2", data={"SAMLRequest": posted})
    assert page.status_code == 400
    assert lxml.html.fromstring(page.text).get_element_by_id("error").get("data-aadsts") == aadsts
