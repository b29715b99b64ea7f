"""CloudLink over HTTP: the authentication API (authentication.api.mitel.io/2017-09-01) and the
Unified login page (auth.mitel.io), one app answering both hosts.

Documented publicly (Mitel's developer samples, the Azure AD "Mitel Connect" tutorial) and kept:
  POST /2017-09-01/authorize  form username, password, account_id, client_id -> {"code"}
  POST /2017-09-01/token      JSON or form, grant_type authorization_code | password | refresh_token
                              -> 201 {access_token, refresh_token, token_type, expires_in}
  SAML SP entity ID and Reply URL https://authentication.api.mitel.io/2017-09-01/saml2/<account>
  Sign-on URL https://auth.mitel.io/authorize?client_id=...
Chosen here, where nothing public says: PKCE (S256 only) on both authorize paths, the JWKS at
/2017-09-01/.well-known/jwks and an OpenID configuration beside it, the page paths under
/authorize/<transaction>/..., error bodies {"error", "error_description"} as RFC 6749 §5.2 has
them (Mitel publishes its own error shape nowhere): at /token 400 (401 invalid_client) with
RFC 6749's error codes, the account states (locked, password not set, federated) as
invalid_grant; at the /authorize API 409 for an e-mail in several accounts, 422 for account
states; 429 + Retry-After when rate-limited; `x-mitel-correlation-id` on every API response (the
caller's own when it sends one; seen in Mitel's own tooling, its format is not published);
client authentication at /token with client_secret_basic or client_secret_post for a
confidential client (clients.py);
`idp=enterprise` with a `login_hint` on the Unified login page goes straight to the account's
enterprise identity provider (an application's "Single Sign On" button); a refused enterprise
sign-in goes back to the application's redirect URI with `error=access_denied` (RFC 6749
§4.1.2.1); "Reset your Password": POST /2017-09-01/password/reset {username, account_id?} -> 202
always (nothing tells who exists), an e-mail with a link to /password/reset/<token> on the login
host and a six-digit code that the page asks for with the new password.

Inspection (the harness's, not CloudLink's): PUT /_mock/forgeries {email, kind} forges the answer
to that user's next sign-in (forgery.py: kind `state` or `code`); GET /_mock/forgeries lists them.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from urllib.parse import urlencode

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from mocks.cloudlink import pages
from mocks.cloudlink.clients import Clients
from mocks.cloudlink.directory import ACCESS_TOKEN_TTL, CloudLinkDirectory, CloudLinkError, CloudLinkUser
from mocks.cloudlink.federation import BASE, Federation, SamlRefused
from mocks.cloudlink.limits import RateLimiter
from mocks.cloudlink.mailer import reset_email
from mocks.cloudlink.responses import NO_STORE, CorrelationId, client_credentials, error_response, token_error
from mocks.signing import SigningKey

API = "https://authentication.api.mitel.io"
ISSUER = f"{API}{BASE}"
LOGIN_PAGE = "https://auth.mitel.io"
WEB_ORIGINS = ("https://one.mitel.io",)


async def form_or_json(request: Request) -> dict[str, str]:
    if request.headers.get("content-type", "").startswith("application/json"):
        try:
            body = await request.json()
        except json.JSONDecodeError:
            return {}
        return {k: str(v) for k, v in body.items()} if isinstance(body, dict) else {}
    return {k: str(v) for k, v in (await request.form()).items()}


def principal_id(entry: CloudLinkUser) -> str:
    return hashlib.sha256(f"{entry.account_id}:{entry.user.email}".encode()).hexdigest()[:32]


class Tokens:
    def __init__(self, directory: CloudLinkDirectory, key: SigningKey) -> None:
        self.directory, self.key = directory, key

    def issue(self, entry: CloudLinkUser, client_id: str, nonce: str = "", scope: str = "") -> dict:
        now = int(entry.tenant.clock.now())
        claims = {
            "iss": ISSUER,
            "aud": client_id,
            "sub": principal_id(entry),
            "accountId": entry.account_id,
            "email": entry.user.email,
            "name": entry.user.name,
            "iat": now,
            "exp": now + int(ACCESS_TOKEN_TTL),
        }
        answer = {
            "access_token": self.key.sign(claims),
            "refresh_token": self.directory.new_refresh_token(entry),
            "token_type": "Bearer",
            "expires_in": int(ACCESS_TOKEN_TTL),
        }
        if "openid" in scope.split():
            answer["id_token"] = self.key.sign(claims | ({"nonce": nonce} if nonce else {}))
        return answer


class CloudLinkApp:
    """Routes for both hosts; each handler turns CloudLink's refusals into its answers."""

    def __init__(
        self,
        directory: CloudLinkDirectory,
        key: SigningKey,
        federation: Federation,
        clients: Clients,
        mailer=None,
        limiter: RateLimiter | None = None,
    ) -> None:
        self.directory, self.key, self.federation = directory, key, federation
        self.clients = clients
        self.mailer = mailer  # sends e-mails over SMTP; `scheme` for the links in them
        self.tokens = Tokens(directory, key)
        self.limiter = limiter or RateLimiter()
        self.saml_requests: dict[str, str] = {}  # transaction -> AuthnRequest ID

    # -- the API ----------------------------------------------------------------------------------

    async def api_authorize(self, request: Request) -> Response:
        body = await form_or_json(request)
        try:
            self.check_pkce(body)
            entry = self.directory.find(body.get("username", ""), body.get("account_id", ""))
            self.limiter.attempt(entry)
            self.directory.check_password(entry, body.get("password", ""))
        except CloudLinkError as error:
            return error_response(error)
        args = (body.get("client_id", ""), body.get("redirect_uri", ""), body.get("code_challenge", ""), "")
        return JSONResponse({"code": self.directory.issue_code(entry, *args, scope=body.get("scope", ""))})

    async def api_token(self, request: Request) -> Response:
        body = await form_or_json(request)
        try:
            client_id, secret = client_credentials(request, body)
            self.clients.authenticate(client_id, secret)
            entry, nonce, scope = self.grant(body | {"client_id": client_id})
        except CloudLinkError as error:
            return error_response(token_error(error))
        return JSONResponse(self.tokens.issue(entry, client_id, nonce, scope), 201, headers=NO_STORE)

    def grant(self, body: dict[str, str]) -> tuple[CloudLinkUser, str, str]:
        """The user a grant stands for, the nonce to echo and the scope granted."""
        kind = body.get("grant_type", "")
        if kind == "authorization_code":
            grant = self.directory.redeem_code(
                body.get("code", ""),
                body.get("client_id", ""),
                body.get("code_verifier", ""),
                body.get("redirect_uri", ""),
            )
            return grant.user, grant.nonce, grant.scope
        if kind == "password":
            entry = self.directory.find(body.get("username", ""), body.get("account_id", ""))
            self.limiter.attempt(entry)
            self.directory.check_password(entry, body.get("password", ""))
            return entry, "", body.get("scope", "")
        if kind == "refresh_token":
            return self.directory.use_refresh_token(body.get("refresh_token", "")), "", body.get("scope", "")
        raise CloudLinkError(400, "unsupported_grant_type", f"grant_type {kind!r} is not supported")

    @staticmethod
    def check_pkce(params: dict[str, str]) -> None:
        if params.get("code_challenge") and params.get("code_challenge_method") != "S256":
            raise CloudLinkError(400, "invalid_request", "code_challenge_method must be S256")

    async def jwks(self, request: Request) -> Response:
        return JSONResponse(self.key.jwks())

    async def openid_configuration(self, request: Request) -> Response:
        return JSONResponse(
            {
                "issuer": ISSUER,
                "authorization_endpoint": f"{LOGIN_PAGE}/authorize",
                "token_endpoint": f"{ISSUER}/token",
                "jwks_uri": f"{ISSUER}/.well-known/jwks",
                "response_types_supported": ["code"],
                "grant_types_supported": ["authorization_code", "password", "refresh_token"],
                "code_challenge_methods_supported": ["S256"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "scopes_supported": ["openid", "profile", "email"],
                "token_endpoint_auth_methods_supported": ["none", "client_secret_basic", "client_secret_post"],
            }
        )

    # -- the Unified login page -----------------------------------------------------------------

    async def login_page(self, request: Request) -> Response:
        query = request.query_params
        redirect_uri, client_id = query.get("redirect_uri", ""), query.get("client_id", "")
        if not self.clients.redirect_uri_ok(client_id, redirect_uri):
            return HTMLResponse(
                pages.failure("This application is not registered with CloudLink.", "invalid_client"), 400
            )
        if query.get("response_type") != "code" or not query.get("code_challenge"):
            return HTMLResponse(pages.failure("Sign-in requests must use PKCE (S256).", "invalid_request"), 400)
        try:
            self.check_pkce(dict(query))
        except CloudLinkError as error:
            return HTMLResponse(pages.failure(str(error), error.code), 400)
        transaction = self.directory.begin(
            client_id, redirect_uri, query.get("state", ""), query["code_challenge"], query.get("nonce", ""),
            query.get("login_hint", ""), query.get("scope", ""),
        )  # fmt: skip
        accounts = self.directory.accounts_of(transaction.login_hint)
        if query.get("idp") == "enterprise" and accounts and accounts[0].integrated:
            transaction.user = accounts[0]  # the hint names a user whose account federates to Azure AD
            return self.to_enterprise(transaction)
        return HTMLResponse(pages.sign_in(transaction.id, transaction.login_hint))

    async def submit_email(self, request: Request) -> Response:
        transaction = self.directory.transaction(request.path_params["tx"])
        email = str((await request.form()).get("email", "")).strip()
        accounts = self.directory.accounts_of(email)
        if not accounts:
            return HTMLResponse(
                pages.sign_in(transaction.id, email, "We can't find a CloudLink account with that e-mail.")
            )
        transaction.user = accounts[0]
        if transaction.user.integrated and not transaction.user.accepts_mitel_credentials():
            return self.to_enterprise(transaction)
        offer = transaction.user.integrated
        return HTMLResponse(pages.authorization(transaction.id, email, offer_enterprise=offer))

    async def submit_password(self, request: Request) -> Response:
        transaction = self.directory.transaction(request.path_params["tx"])
        entry, password = transaction.user, str((await request.form()).get("password", ""))
        try:
            self.limiter.attempt(entry)
            self.directory.check_password(entry, password)
        except CloudLinkError as error:
            page = pages.authorization(transaction.id, entry.user.email, entry.integrated, str(error))
            return HTMLResponse(page, 200)
        return self.back_to_client(transaction)

    async def choose_enterprise(self, request: Request) -> Response:
        return self.to_enterprise(self.directory.transaction(request.path_params["tx"]))

    def to_enterprise(self, transaction) -> Response:
        entry = transaction.user
        url, request_id = self.federation.sign_in_url(entry.account_id, entry.tenant.azure_tenant_id, transaction.id)
        self.saml_requests[transaction.id] = request_id
        return RedirectResponse(url, 302)

    async def saml_consume(self, request: Request) -> Response:
        form = await request.form()
        transaction = self.directory.transaction(str(form.get("RelayState", "")))
        entry = transaction.user
        try:
            name_id = self.federation.consume(
                entry.account_id, entry.tenant.azure_tenant_id, str(form.get("SAMLResponse", "")),
                self.saml_requests.pop(transaction.id, ""),
            )  # fmt: skip
        except SamlRefused as refused:
            return self.refused_to_client(transaction, f"Your company's sign-in could not be verified: {refused}")
        if name_id.lower() not in {entry.user.upn.lower(), entry.user.email.lower()}:
            return HTMLResponse(pages.failure("You signed in as someone else.", "saml_subject"), 403)
        return self.back_to_client(transaction)

    def back_to_client(self, transaction) -> Response:
        return self.redirect_to_client(transaction, **self.directory.answer(transaction))

    def refused_to_client(self, transaction, description: str) -> Response:
        self.directory.end(transaction)
        return self.redirect_to_client(transaction, error="access_denied", error_description=description)

    @staticmethod
    def redirect_to_client(transaction, **answer: str) -> Response:
        """The sign-in's answer, with its `state` (unless the answer brings one), to the
        application's redirect URI; an empty value is left out (no state: none was sent, or a
        forgery has none)."""
        separator = "&" if "?" in transaction.redirect_uri else "?"
        query = urlencode({name: value for name, value in {"state": transaction.state, **answer}.items() if value})
        return RedirectResponse(f"{transaction.redirect_uri}{separator}{query}", 302)

    # -- "Reset your Password" ---------------------------------------------------------------------

    async def api_reset(self, request: Request) -> Response:
        body = await form_or_json(request)
        entries = self.directory.accounts_of(body.get("username", ""))
        chosen = [e for e in entries if body.get("account_id", "") in ("", e.account_id)]
        self.mailer.send(*(reset_email(self.directory.begin_reset(entry), self.mailer.scheme) for entry in chosen))
        return Response(status_code=202)

    async def reset_page(self, request: Request) -> Response:
        token = request.path_params["token"]
        try:
            self.directory.reset(token)
        except CloudLinkError as error:
            return HTMLResponse(pages.failure(str(error), error.code), error.status)
        return HTMLResponse(pages.reset(token))

    async def reset_submit(self, request: Request) -> Response:
        token, form = request.path_params["token"], await request.form()
        if form.get("password") != form.get("confirm"):
            return HTMLResponse(pages.reset(token, "The passwords do not match."))
        try:
            self.directory.finish_reset(token, str(form.get("code", "")), str(form.get("password", "")))
        except CloudLinkError as error:
            if error.code == "invalid_code":
                return HTMLResponse(pages.reset(token, str(error)))
            return HTMLResponse(pages.failure(str(error), error.code), error.status)
        return HTMLResponse(pages.reset_done())

    # -- the CloudLink welcome e-mail's set-up link -----------------------------------------------

    async def setup_page(self, request: Request) -> Response:
        token = request.path_params["token"]
        try:
            self.directory.setup_link(token)
        except CloudLinkError as error:
            return HTMLResponse(pages.failure(str(error), error.code), error.status)
        return HTMLResponse(pages.setup(token))

    async def setup_submit(self, request: Request) -> Response:
        token, form = request.path_params["token"], await request.form()
        if form.get("password") != form.get("confirm"):
            return HTMLResponse(pages.setup(token, "The passwords do not match."))
        try:
            self.directory.set_password(token, str(form.get("password", "")))
        except CloudLinkError as error:
            return HTMLResponse(pages.failure(str(error), error.code), error.status)
        return HTMLResponse(pages.setup_done())

    # -- inspection: forged answers ------------------------------------------------------------

    async def forge(self, request: Request) -> Response:
        body = await form_or_json(request)
        try:
            forgery = self.directory.forge_next_answer(body.get("email", ""), body.get("kind", ""))
        except ValueError as error:
            return JSONResponse({"code": "invalid_request", "message": str(error)}, 400)
        return JSONResponse(dataclasses.asdict(forgery), 201)

    async def forgeries(self, request: Request) -> Response:
        return JSONResponse([dataclasses.asdict(f) for f in self.directory.forgeries.all()])

    def routes(self) -> list[Route]:
        return [
            Route(f"{BASE}/authorize", self.api_authorize, methods=["POST"]),
            Route(f"{BASE}/token", self.api_token, methods=["POST"]),
            Route(f"{BASE}/.well-known/jwks", self.jwks),
            Route(f"{BASE}/.well-known/openid-configuration", self.openid_configuration),
            Route(f"{BASE}/saml2/{{account}}", self.saml_consume, methods=["POST"]),
            Route("/authorize", self.login_page),
            Route("/authorize/{tx}/email", self.submit_email, methods=["POST"]),
            Route("/authorize/{tx}/password", self.submit_password, methods=["POST"]),
            Route("/authorize/{tx}/enterprise", self.choose_enterprise, methods=["POST"]),
            Route("/password/setup/{token}", self.setup_page),
            Route("/password/setup/{token}", self.setup_submit, methods=["POST"]),
            Route(f"{BASE}/password/reset", self.api_reset, methods=["POST"]),
            Route("/password/reset/{token}", self.reset_page),
            Route("/password/reset/{token}", self.reset_submit, methods=["POST"]),
            Route("/_mock/forgeries", self.forge, methods=["PUT"]),
            Route("/_mock/forgeries", self.forgeries, methods=["GET"]),
        ]


def cloudlink_app(
    directory: CloudLinkDirectory,
    key: SigningKey,
    federation: Federation,
    clients: Clients,
    mailer=None,
    limiter: RateLimiter | None = None,
) -> Starlette:
    app = CloudLinkApp(directory, key, federation, clients, mailer, limiter)

    async def expired(request: Request, exc: CloudLinkError) -> Response:
        return HTMLResponse(pages.failure(str(exc), exc.code), exc.status)

    # Web applications (Mitel One at one.mitel.io) call the API from the browser.
    cors = Middleware(
        CORSMiddleware, allow_origins=list(WEB_ORIGINS), allow_methods=["POST", "GET"], allow_headers=["*"]
    )
    middleware = [Middleware(CorrelationId), cors]
    return Starlette(routes=app.routes(), exception_handlers={CloudLinkError: expired}, middleware=middleware)
