"""CloudLink's state and rules, free of HTTP: accounts, users, password set-up, sign-in
transactions, authorization codes (PKCE S256 only), tokens, lockout and rate limits.

Codes, set-up links and password resets are single-use, expiring records (mocks/single_use.py)
with the policies below. Nothing public says whether CloudLink burns a code whose redemption it
refuses; RFC 6749 does not either, so CloudLink keeps it usable until it expires, as Entra does."""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
from dataclasses import dataclass, field

from mocks.cloudlink.forgery import Forgeries, Forgery
from mocks.single_use import ExpiredRecord, Policy, RecordRefused, SingleUse, UsedRecord
from mocks.tenant import HOUR, Tenant, User

CODE_TTL = 5 * 60
ACCESS_TOKEN_TTL = HOUR  # CloudLink access tokens last one hour
REFRESH_TOKEN_TTL = 14 * 24 * HOUR  # refresh tokens fourteen days
LOCKOUT_THRESHOLD = 5  # CloudLink's own lockout of wrong CloudLink passwords
LOCKOUT_DURATION = 15 * 60
RESET_TTL = HOUR  # a password reset's link and code (chosen here: nothing public says)
# A refused use keeps each of these usable: a wrong verifier, a password the policy refuses, a
# mistyped verification code can be tried again until the record expires or is used.
CODES = Policy(CODE_TTL, failed_use_burns=False)
SETUP_LINKS = Policy(None, failed_use_burns=False)  # the tenant's password_setup_ttl, given at issue
RESETS = Policy(RESET_TTL, failed_use_burns=False)


class CloudLinkError(Exception):
    """A refusal with CloudLink's HTTP status and error code."""

    def __init__(self, status: int, code: str, message: str, **extra) -> None:
        super().__init__(message)
        self.status, self.code, self.extra = status, code, extra


def s256(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")


@dataclass
class CloudLinkUser:
    user: User
    tenant: Tenant
    password_set: bool
    failures: int = 0
    locked_until: float = 0.0
    password: str = ""  # the tenant's CloudLink password until the user resets it

    def __post_init__(self) -> None:
        self.password = self.password or self.user.cloudlink_password

    @property
    def account_id(self) -> str:
        return self.tenant.cloudlink_account_id

    @property
    def integrated(self) -> bool:
        return self.tenant.settings.azure_ad_integrated

    def reset(self) -> None:
        """As provisioned: the tenant's password, set up or not as its settings say, no lockout."""
        self.password_set = self.tenant.settings.cloudlink_password_set
        self.password, self.failures, self.locked_until = self.user.cloudlink_password, 0, 0.0

    def accepts_mitel_credentials(self) -> bool:
        """Not integrated: always; integrated: only with "Enable Mitel Credentials"."""
        return not self.integrated or self.tenant.settings.enable_mitel_credentials


@dataclass(frozen=True)
class SetupLink:
    token: str
    user: CloudLinkUser


@dataclass(frozen=True)
class PasswordReset:
    """ "Reset your Password": the e-mail's link and its six-digit code, together, once."""

    token: str
    code: str
    user: CloudLinkUser


@dataclass(frozen=True)
class Grant:
    """What an authorization code stands for until it is redeemed once."""

    user: CloudLinkUser
    client_id: str
    redirect_uri: str
    code_challenge: str
    nonce: str
    scope: str = ""


def _tenant_now(record) -> float:
    return record.user.tenant.clock.now()


@dataclass
class Transaction:
    """One visit to the Unified login page: the client's authorization request and progress."""

    id: str
    client_id: str
    redirect_uri: str
    state: str
    code_challenge: str
    nonce: str
    login_hint: str
    scope: str = ""
    user: CloudLinkUser | None = None


@dataclass
class CloudLinkDirectory:
    users: dict[str, list[CloudLinkUser]] = field(default_factory=dict)  # by e-mail, lower case
    setup_links: SingleUse[SetupLink] = field(default_factory=lambda: SingleUse(SETUP_LINKS, _tenant_now))
    transactions: dict[str, Transaction] = field(default_factory=dict)
    grants: SingleUse[Grant] = field(default_factory=lambda: SingleUse(CODES, _tenant_now))
    refresh_tokens: dict[str, tuple[CloudLinkUser, float]] = field(default_factory=dict)
    revoked: set[str] = field(default_factory=set)
    resets: SingleUse[PasswordReset] = field(default_factory=lambda: SingleUse(RESETS, _tenant_now))
    forgeries: Forgeries = field(default_factory=Forgeries)
    lock: threading.RLock = field(default_factory=threading.RLock)

    def add_tenant(self, tenant: Tenant) -> list[SetupLink]:
        """Creates the account's users; returns the set-up links still to be e-mailed."""
        links = []
        with self.lock:
            for user in tenant.users:
                entry = CloudLinkUser(user, tenant, password_set=tenant.settings.cloudlink_password_set)
                self.users.setdefault(user.email.lower(), []).append(entry)
                if not entry.password_set:
                    link = SetupLink(secrets.token_urlsafe(24), entry)
                    self.setup_links.issue(link, tenant.settings.password_setup_ttl, token=link.token)
                    links.append(link)
        return links

    def restore(self) -> None:
        """Every user as provisioned, the set-up links e-mailed with them unused again; no sign-in,
        code, token, password reset or forgery any more."""
        with self.lock:
            for entry in (entry for group in self.users.values() for entry in group):
                entry.reset()
            self.transactions.clear()
            self.refresh_tokens.clear()
            self.revoked.clear()
        self.setup_links.renew()
        self.grants.forget()
        self.resets.forget()
        self.forgeries.clear()

    def forget_tenant(self, tenant: Tenant) -> None:
        """The tenant's users and everything of theirs."""
        with self.lock:
            for email, group in list(self.users.items()):
                kept = [entry for entry in group if entry.tenant is not tenant]
                if kept:
                    self.users[email] = kept
                else:  # no empty group left behind for each tenant a long run forgets
                    del self.users[email]
            self.transactions = {k: t for k, t in self.transactions.items() if not (t.user and t.user.tenant is tenant)}
            theirs = {k for k, v in self.refresh_tokens.items() if v[0].tenant is tenant}
            self.refresh_tokens = {k: v for k, v in self.refresh_tokens.items() if k not in theirs}
            self.revoked -= theirs
        for records in (self.setup_links, self.grants, self.resets):
            records.forget(lambda record: record.user.tenant is tenant)

    def refresh_tokens_of(self, tenant: Tenant) -> list[tuple[CloudLinkUser, float]]:
        """The tenant's users' refresh tokens still usable: (user, when it expires)."""
        now = tenant.clock.now()
        with self.lock:
            found = [v for k, v in self.refresh_tokens.items() if v[0].tenant is tenant and k not in self.revoked]
        return [(entry, expires) for entry, expires in found if expires >= now]

    def accounts_of(self, username: str) -> list[CloudLinkUser]:
        """Every CloudLink user the name belongs to: an e-mail may exist in several accounts."""
        with self.lock:
            return list(self.users.get(username.strip().lower(), []))

    def email_for(self, username: str) -> str:
        """The e-mail a user name stands for: the e-mail itself, or the UPN of an Azure user (a
        user outside Azure AD has none), both case-insensitively; an unknown name stands for itself."""
        name = username.strip().lower()
        with self.lock:
            entries = [entry for group in self.users.values() for entry in group]
        known = (e.user.email for e in entries if name in {e.user.email.lower(), e.user.upn.lower()} - {""})
        return next(known, name)

    def find(self, username: str, account_id: str = "") -> CloudLinkUser:
        found = [u for u in self.accounts_of(username) if not account_id or u.account_id == account_id]
        if not found:
            raise CloudLinkError(401, "invalid_grant", "The username or password is incorrect.")
        if len(found) > 1:
            accounts = [u.account_id for u in found]
            raise CloudLinkError(409, "multiple_accounts", "Several accounts match: send accountId.", accounts=accounts)
        return found[0]

    # -- password set-up (the CloudLink welcome e-mail) -------------------------------------------

    def setup_link(self, token: str) -> SetupLink:
        return self._setup_link(lambda: self.setup_links.peek(token))

    def set_password(self, token: str, password: str) -> CloudLinkUser:
        def chosen(link: SetupLink) -> None:
            if password != link.user.user.cloudlink_password:
                # The mock keeps each user's password fixed by the tenant, so a scenario knows it.
                raise CloudLinkError(422, "password_policy", "Choose the password your tenant was given.")

        with self.lock:
            link = self._setup_link(lambda: self.setup_links.use(token, chosen))
            link.user.password_set = True
            return link.user

    @staticmethod
    def _setup_link(find) -> SetupLink:
        try:
            return find()
        except UsedRecord:
            raise CloudLinkError(
                410, "link_used", "This link has already been used. Your password is already set up."
            ) from None
        except ExpiredRecord:
            raise CloudLinkError(
                410, "link_expired", "This link has expired. Ask your administrator to resend the welcome e-mail."
            ) from None
        except RecordRefused:
            raise CloudLinkError(404, "invalid_link", "This link is not valid.") from None

    # -- "Reset your Password" -------------------------------------------------------------------

    def begin_reset(self, entry: CloudLinkUser) -> PasswordReset:
        reset = PasswordReset(secrets.token_urlsafe(24), f"{secrets.randbelow(10**6):06d}", entry)
        self.resets.issue(reset, token=reset.token)
        return reset

    def reset(self, token: str) -> PasswordReset:
        return self._reset(lambda: self.resets.peek(token))

    def finish_reset(self, token: str, code: str, password: str) -> CloudLinkUser:
        def right_code(reset: PasswordReset) -> None:
            if not secrets.compare_digest(code.strip(), reset.code):
                raise CloudLinkError(422, "invalid_code", "The verification code is not correct.")

        with self.lock:
            reset = self._reset(lambda: self.resets.use(token, right_code))
            reset.user.password, reset.user.failures, reset.user.locked_until = password, 0, 0.0
            return reset.user

    @staticmethod
    def _reset(find) -> PasswordReset:
        try:
            return find()
        except (UsedRecord, ExpiredRecord):
            raise CloudLinkError(
                410, "link_expired", "This link has expired or was already used. Start again."
            ) from None
        except RecordRefused:
            raise CloudLinkError(404, "invalid_link", "This link is not valid.") from None

    def secrets_of(self, tenant: Tenant) -> list[str]:
        """Reset links and codes, reset passwords and authorization codes: masked wherever
        evidence is written, and never to be kept in a browser's storage."""
        with self.lock:
            resets = [r for r in self.resets.values() if r.user.tenant is tenant]
            entries = [e for group in self.users.values() for e in group if e.tenant is tenant]
        codes = self.grants.tokens_of(lambda grant: grant.user.tenant is tenant)
        passwords = [e.password for e in entries if e.password]
        return [value for r in resets for value in (r.token, r.code)] + passwords + codes

    # -- signing in ---------------------------------------------------------------------------

    def check_password(self, entry: CloudLinkUser, password: str) -> None:
        now = entry.tenant.clock.now()
        with self.lock:
            if entry.locked_until > now:
                raise CloudLinkError(422, "account_locked", "Your account is locked. Try again later.")
            if not entry.password_set:
                raise CloudLinkError(
                    422,
                    "password_not_set",
                    "Your CloudLink password is not set up yet. Check your e-mail from no-reply@mitel.io "
                    "to set up your password.",
                )
            if not entry.accepts_mitel_credentials():
                raise CloudLinkError(422, "federated_account", "Sign in with your enterprise credentials.")
            if not secrets.compare_digest(password, entry.password):
                entry.failures += 1
                if entry.failures >= LOCKOUT_THRESHOLD:
                    entry.locked_until, entry.failures = now + LOCKOUT_DURATION, 0
                raise CloudLinkError(401, "invalid_grant", "The username or password is incorrect.")
            entry.failures = 0

    def issue_code(
        self, entry: CloudLinkUser, client_id: str, redirect_uri: str, challenge: str, nonce: str, scope: str = ""
    ) -> str:
        return self.grants.issue(Grant(entry, client_id, redirect_uri, challenge, nonce, scope))

    def redeem_code(self, code: str, client_id: str, verifier: str, redirect_uri: str = "") -> Grant:
        """Once, by the client it was issued to, with the verifier and, when the authorization
        request carried a redirect URI, the same one (RFC 6749 §4.1.3, RFC 7636 §4.6)."""

        def redeemable(grant: Grant) -> None:
            if client_id != grant.client_id:
                raise CloudLinkError(400, "invalid_grant", "The authorization code was issued to another client.")
            if grant.redirect_uri and not redirect_uri:
                raise CloudLinkError(400, "invalid_request", "redirect_uri is required: the authorization had one.")
            if grant.redirect_uri and redirect_uri != grant.redirect_uri:
                raise CloudLinkError(400, "invalid_grant", "redirect_uri is not the one the code was issued for.")
            if grant.code_challenge and (not verifier or s256(verifier) != grant.code_challenge):
                raise CloudLinkError(400, "invalid_grant", "The code_verifier does not match the code_challenge.")

        self.forgeries.presented(code)
        try:
            return self.grants.use(code, redeemable)
        except ExpiredRecord:
            raise CloudLinkError(400, "invalid_grant", "The authorization code has expired.") from None
        except RecordRefused:
            raise CloudLinkError(
                400, "invalid_grant", "The authorization code is invalid or was already used."
            ) from None

    def new_refresh_token(self, entry: CloudLinkUser) -> str:
        token = secrets.token_urlsafe(32)
        with self.lock:
            self.refresh_tokens[token] = (entry, entry.tenant.clock.now() + REFRESH_TOKEN_TTL)
        return token

    def use_refresh_token(self, token: str) -> CloudLinkUser:
        with self.lock:
            entry, expires = self.refresh_tokens.get(token, (None, 0.0))
        if entry is None or entry.tenant.clock.now() > expires or token in self.revoked:
            raise CloudLinkError(400, "invalid_grant", "The refresh token is invalid or has expired.")
        return entry

    # -- the Unified login page's transactions ----------------------------------------------------

    def begin(self, *request: str) -> Transaction:
        """`request`: client ID, redirect URI, state, code challenge, nonce, login hint, scope."""
        transaction = Transaction(secrets.token_urlsafe(16), *request)
        with self.lock:
            self.transactions[transaction.id] = transaction
        return transaction

    def transaction(self, transaction_id: str) -> Transaction:
        with self.lock:
            found = self.transactions.get(transaction_id)
        if found is None:
            raise CloudLinkError(400, "invalid_request", "This sign-in has expired. Start again from your application.")
        return found

    def end(self, transaction: Transaction) -> None:
        with self.lock:
            self.transactions.pop(transaction.id, None)

    def finish(self, transaction: Transaction) -> str:
        """The code for a signed-in transaction, which then ends."""
        self.end(transaction)
        args = (transaction.client_id, transaction.redirect_uri, transaction.code_challenge, transaction.nonce)
        return self.issue_code(transaction.user, *args, scope=transaction.scope)

    # -- forged answers (the harness's control, see forgery.py) ----------------------------------

    def forge_next_answer(self, email: str, kind: str) -> Forgery:
        """The next sign-in of `email` is answered with a forgery of `kind` instead of its own."""
        return self.forgeries.forge_next(email, kind)

    def answer(self, transaction: Transaction) -> dict[str, str]:
        """The code and state a signed-in transaction goes back with, or the forgery asked for."""
        code = self.finish(transaction)
        forgery = self.forgeries.take(transaction.user.user.email)
        if forgery is None:
            return {"code": code, "state": transaction.state}
        if forgery.kind == "code":  # another sign-in's: bound to a challenge this client never made
            other = (transaction.client_id, transaction.redirect_uri, s256(secrets.token_urlsafe(32)), "")
            code = self.issue_code(transaction.user, *other, scope=transaction.scope)
        return self.forgeries.send(forgery, code)
