"""Azure AD (Entra ID) over HTTP at login.microsoftonline.com; the tenant is the first path
segment (tenant ID or domain; common and organizations for discovery). Paths: endpoints.py.

GET  /{tenant}/v2.0/.well-known/openid-configuration   discovery
GET  /{tenant}/discovery/v2.0/keys                       JWKS
GET  /common/discovery/instance                          MSAL's instance discovery
GET  /common/userrealm/{username}                        MSAL's user realm discovery (Managed)
GET  /{tenant}/oauth2/v2.0/authorize                     authorization code + PKCE S256 -> "Sign in"
POST /{tenant}/login                                     every sign-in page posts here (ctx, step)
POST /{tenant}/oauth2/v2.0/token                         authorization_code | refresh_token |
                                                         password (ROPC) | client_credentials
GET  /{tenant}/oauth2/v2.0/logout                        signs out, back to post_logout_redirect_uri
GET|POST /{tenant}/saml2                                 SAML SSO (HTTP-Redirect | HTTP-POST binding)
GET  /{tenant}/federationmetadata/2007-06/federationmetadata.xml
GET  /_mock/health
"""

from __future__ import annotations

import base64
import binascii
import datetime
import uuid
from urllib.parse import unquote, urlencode, urlsplit

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from mocks.azure_ad import endpoints as ep
from mocks.azure_ad import errors, pages
from mocks.azure_ad.directory import AzureDirectory
from mocks.azure_ad.errors import AzureError, ToClient
from mocks.azure_ad.models import AuthorizationRequest, Grant, SamlRequest, SignIn
from mocks.azure_ad.saml import federation_metadata, parse_authn_request, saml_error, saml_response
from mocks.azure_ad.tokens import TokenIssuer

NO_STORE = {"Cache-Control": "no-store, no-cache", "Pragma": "no-cache"}


def _timestamp() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M:%SZ")


def error_body(error: AzureError) -> dict:
    """Entra's JSON error: the AADSTS code leads the description, trace and correlation IDs follow."""
    trace, correlation, timestamp = str(uuid.uuid4()), str(uuid.uuid4()), _timestamp()
    description = f"{error}\r\nTrace ID: {trace}\r\nCorrelation ID: {correlation}\r\nTimestamp: {timestamp}"
    return {
        "error": error.error, "error_description": description, "error_codes": [error.code],
        "timestamp": timestamp, "trace_id": trace, "correlation_id": correlation,
        "error_uri": f"{ep.BASE_URL}/error?code={error.code}",
    }  # fmt: skip


def json_error(error: AzureError) -> JSONResponse:
    return JSONResponse(error_body(error), error.status, headers=NO_STORE)


def html(content: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(content, status, headers=NO_STORE)


def to_client(request: AuthorizationRequest, values: dict[str, str]) -> Response:
    """The answer to the app's redirect URI, in its response_mode (query by default for code)."""
    values = {k: v for k, v in values.items() if v} | ({"state": request.state} if request.state else {})
    if request.response_mode == "form_post":
        return html(pages.post_to(request.redirect_uri, values))
    separator = "#" if request.response_mode == "fragment" else ("&" if "?" in request.redirect_uri else "?")
    return RedirectResponse(f"{request.redirect_uri}{separator}{urlencode(values)}", 302)


def client_credentials(request: Request, form) -> tuple[str, str]:
    """client_id and client_secret from the body or HTTP Basic (client_secret_basic)."""
    kind, _, encoded = request.headers.get("authorization", "").partition(" ")
    if kind.lower() == "basic":
        try:
            user, _, secret = base64.b64decode(encoded, validate=True).decode(errors="replace").partition(":")
        except binascii.Error:
            return "", ""  # answered as a request without a client_id
        return unquote(user), unquote(secret)
    return str(form.get("client_id", "")), str(form.get("client_secret", ""))


def _relay(relay_state: str) -> dict[str, str]:
    return {"RelayState": relay_state} if relay_state else {}


def _required(form, *names: str) -> list[str]:
    for name in names:
        if not form.get(name):
            raise errors.missing(name)
    return [str(form[name]) for name in names]


class AzureApp:
    def __init__(self, directory: AzureDirectory) -> None:
        self.directory = directory
        self.tokens = TokenIssuer(directory.keys)

    # -- discovery ----------------------------------------------------------------------------------

    def tenant_id(self, name: str) -> str:
        """The tenant ID for URLs, or the `{tenantid}` template for common and organizations."""
        return "{tenantid}" if name.lower() in ep.MULTI_TENANT else self.directory.tenant(name).azure_tenant_id

    async def openid_configuration(self, request: Request) -> Response:
        return JSONResponse(ep.openid_configuration(self.tenant_id(request.path_params["tenant"])))

    async def keys(self, request: Request) -> Response:
        return JSONResponse(self.directory.keys.jwks(self.tenant_id(request.path_params["tenant"])))

    async def instance_discovery(self, request: Request) -> Response:
        authorize = urlsplit(request.query_params.get("authorization_endpoint", ""))
        tenant = authorize.path.strip("/").split("/")[0] or "common"
        metadata = {"preferred_network": ep.AZURE_HOST, "preferred_cache": "login.windows.net", "aliases": ep.ALIASES}
        discovery = ep.url(ep.DISCOVERY, tenant)
        return JSONResponse({"tenant_discovery_endpoint": discovery, "api-version": "1.1", "metadata": [metadata]})

    async def user_realm(self, request: Request) -> Response:
        """Whether a user name's domain is one of a tenant's (Managed: no federation) or unknown."""
        domain = request.path_params["username"].rpartition("@")[2].lower()
        try:
            self.directory.tenant(domain)
        except AzureError:
            return JSONResponse({"ver": "1.0", "account_type": "Unknown", "cloud_instance_name": "microsoftonline.com"})
        realm = {"ver": "1.0", "account_type": "Managed", "domain_name": domain}
        return JSONResponse(
            realm
            | {"cloud_instance_name": "microsoftonline.com", "cloud_audience_urn": "urn:federation:MicrosoftOnline"}
        )

    # -- the sign-in pages ------------------------------------------------------------------------

    async def authorize(self, request: Request) -> Response:
        tenant, query = self.directory.tenant(request.path_params["tenant"]), request.query_params
        names = ("client_id", "redirect_uri", "state", "code_challenge", "nonce", "scope")
        authorization = AuthorizationRequest(
            *(query.get(name, "") for name in names),
            response_mode=query.get("response_mode", "query"),
            response_type=query.get("response_type", ""),
            code_challenge_method=query.get("code_challenge_method", ""),
            login_hint=query.get("login_hint", ""),
        )
        try:
            sign_in = self.directory.authorize(tenant, authorization)
        except ToClient as refused:
            values = error_body(refused)
            return to_client(authorization, {k: values[k] for k in ("error", "error_description", "error_uri")})
        return self.page(sign_in)

    async def saml_sso(self, request: Request) -> Response:
        tenant = self.directory.tenant(request.path_params["tenant"])
        redirect_binding = request.method == "GET"
        params = request.query_params if redirect_binding else await request.form()
        authn = parse_authn_request(str(params.get("SAMLRequest", "")), deflated=redirect_binding)
        relay_state = str(params.get("RelayState", ""))
        sp = self.directory.saml_sp(tenant, authn.issuer, authn.acs_url)
        refusal = authn.refusal()
        if refusal is not None:  # to the SP's registered Reply URL, as a SAML error Response
            answer = saml_error(tenant.azure_tenant_id, sp, authn.id, refusal, tenant.clock.now())
            return html(pages.post_to(sp.acs_url, {"SAMLResponse": answer} | _relay(relay_state)))
        saml_request = SamlRequest(sp, authn.id, relay_state, authn.name_id_format, authn.sp_name_qualifier)
        sign_in = self.directory.begin_saml(tenant, saml_request)
        sign_in.login_hint = request.query_params.get("login_hint", "")
        return self.page(sign_in)

    def page(self, sign_in: SignIn, error: AzureError | None = None) -> Response:
        """The page for where the sign-in stands, with the error of the last step if it failed."""
        action, sid = ep.url(ep.LOGIN, sign_in.tenant.azure_tenant_id), sign_in.id
        stage = sign_in.stage()
        if stage == "username":
            return html(pages.sign_in(action, sid, sign_in.username or sign_in.login_hint, error))
        if stage == "password":
            return html(pages.enter_password(action, sid, sign_in.username, error))
        if stage == "code":
            return html(pages.enter_code(action, sid, error))
        return html(pages.stay_signed_in(action, sid))

    async def login(self, request: Request) -> Response:
        form = await request.form()
        sign_in = self.directory.sign_in(str(form.get("ctx", "")))
        steps = {
            "username": lambda: self.directory.submit_username(sign_in, str(form.get(pages.USERNAME, ""))),
            "password": lambda: self.directory.submit_password(sign_in, str(form.get(pages.PASSWORD, ""))),
            "code": lambda: self.directory.submit_code(sign_in, str(form.get(pages.CODE, ""))),
        }
        step = str(form.get("step", ""))
        if step == "kmsi" and sign_in.stage() == "kmsi":
            return self.finish(sign_in)
        try:
            steps.get(step, lambda: None)()
        except AzureError as refused:
            return self.page(sign_in, refused)
        return self.page(sign_in)

    def finish(self, sign_in: SignIn) -> Response:
        account, mfa, request = self.directory.complete(sign_in), sign_in.code_ok, sign_in.request
        if isinstance(request, SamlRequest):
            response = saml_response(self.directory.keys, account, request, mfa)
            return html(pages.post_to(request.sp.acs_url, {"SAMLResponse": response} | _relay(request.relay_state)))
        code = self.directory.issue_code(account, request, mfa)
        return to_client(request, {"code": code, "session_state": str(uuid.uuid4())})

    async def logout(self, request: Request) -> Response:
        """Back to post_logout_redirect_uri only if an app of the tenant registered it: no open redirect."""
        tenant = self.directory.tenant(request.path_params["tenant"])
        target = request.query_params.get("post_logout_redirect_uri", "")
        if target and self.directory.is_redirect_uri(tenant, target):
            return RedirectResponse(target, 302)
        return html(pages.page_signed_out())

    # -- tokens and metadata ----------------------------------------------------------------------

    async def token(self, request: Request) -> Response:
        tenant, form = self.directory.tenant(request.path_params["tenant"]), await request.form()
        client_id, secret = client_credentials(request, form)
        app = self.directory.authenticate_client(tenant, client_id, secret)
        kind = str(form.get("grant_type", ""))
        if kind == "client_credentials":
            return JSONResponse(self.app_token(tenant, app, str(form.get("scope", ""))), headers=NO_STORE)
        grant, scope = self.user_grant(tenant, kind, client_id, form)
        refresh = self.directory.issue_refresh_token(grant, scope) if "offline_access" in scope.split() else ""
        return JSONResponse(self.tokens.respond(grant, scope, refresh), headers=NO_STORE)

    def user_grant(self, tenant, kind: str, client_id: str, form) -> tuple[Grant, str]:
        """The user grant a token request stands for, and the scope it is answered with."""
        if kind == "authorization_code":
            code, redirect_uri = _required(form, "code", "redirect_uri")
            verifier = str(form.get("code_verifier", ""))
            grant = self.directory.redeem_code(tenant, code, client_id, redirect_uri, verifier)
            return grant, grant.scope
        if kind == "refresh_token":
            grant = self.directory.redeem_refresh_token(tenant, _required(form, "refresh_token")[0], client_id)
            return grant, str(form.get("scope", "")) or grant.scope
        if kind == "password":
            username, password, scope = _required(form, "username", "password", "scope")
            app = self.directory.app(tenant, client_id)
            return self.directory.password_grant(tenant, app, username, password, scope), scope
        raise errors.unsupported_grant(kind)

    def app_token(self, tenant, app, scope: str) -> dict:
        """Client credentials: a confidential client, one `<resource>/.default` scope."""
        if not app.client_secret:
            raise errors.confidential_only("client_credentials")
        if len(scope.split()) != 1 or not scope.endswith("/.default"):
            raise errors.default_scope_required(scope or "(none)")
        now = int(tenant.clock.now())
        return self.tokens.respond_for_app(app, tenant.azure_tenant_id, scope, now)

    async def metadata(self, request: Request) -> Response:
        tid = self.directory.tenant(request.path_params["tenant"]).azure_tenant_id
        return Response(federation_metadata(tid, self.directory.keys), media_type="application/xml")

    async def health(self, request: Request) -> Response:
        return PlainTextResponse("ok")


def azure_app(directory: AzureDirectory) -> Starlette:
    app = AzureApp(directory)
    pages_ = {ep.AUTHORIZE, ep.LOGIN, ep.SAML_SSO, ep.LOGOUT}

    def answer(handler, path: str):
        async def wrapped(request: Request) -> Response:
            try:
                return await handler(request)
            except AzureError as refused:  # pages show it; the APIs answer JSON, as Entra does
                return html(pages.failure(refused), refused.status) if path in pages_ else json_error(refused)

        return wrapped

    routes = {
        ep.INSTANCE_DISCOVERY: (app.instance_discovery, ["GET"]),
        ep.USER_REALM: (app.user_realm, ["GET"]),
        ep.DISCOVERY: (app.openid_configuration, ["GET"]),
        ep.KEYS: (app.keys, ["GET"]),
        ep.AUTHORIZE: (app.authorize, ["GET"]),
        ep.LOGIN: (app.login, ["POST"]),
        ep.TOKEN: (app.token, ["POST"]),
        ep.LOGOUT: (app.logout, ["GET"]),
        ep.SAML_SSO: (app.saml_sso, ["GET", "POST"]),
        ep.FEDERATION_METADATA: (app.metadata, ["GET"]),
        ep.HEALTH: (app.health, ["GET"]),
    }
    return Starlette(routes=[Route(path, answer(h, path), methods=m) for path, (h, m) in routes.items()])
