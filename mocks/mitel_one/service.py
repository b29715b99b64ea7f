"""The Mitel One platform's rules, free of HTTP. A Mitel One account is a CloudLink account: the
user name (e-mail, or the UPN of an Azure user) and the Account Number find the CloudLink user;
the Mitel account password is checked by CloudLink; a session opens for a CloudLink token."""

from __future__ import annotations

from mocks.cloudlink.directory import CloudLinkDirectory, CloudLinkError, CloudLinkUser
from mocks.mitel_one.records import Event, Records
from mocks.mitel_one.sessions import Session, Sessions

CLIENT_TYPES = {"mitel-one-web": "web", "mitel-one-mobile": "mobile"}  # CloudLink client ID -> type


class MitelOneError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code = status, code


def user_key(entry: CloudLinkUser) -> str:
    return f"{entry.account_id}:{entry.user.email.lower()}"


class MitelOne:
    def __init__(self, cloudlink: CloudLinkDirectory, verify_cloudlink) -> None:
        self.cloudlink = cloudlink
        self.verify_cloudlink = verify_cloudlink  # checks a CloudLink token against CloudLink's key
        self.records = Records()
        self.sessions = Sessions()
        self.sso_removed: set[str] = set()  # accounts whose SSO configuration the administrator removed

    # -- signing in -------------------------------------------------------------------------------

    def identify(self, username: str, account_number: str = "") -> dict:
        """The sign-in methods of the user's account. An unknown name gets the answer a known one
        without SSO gets; a name in several accounts needs the Account Number."""
        email = self.cloudlink.email_for(username)  # the e-mail, or the UPN of an Azure user
        entries = self.cloudlink.accounts_of(email)
        if account_number:
            entries = [e for e in entries if e.tenant.account_number == account_number.strip()]
            if not entries:
                raise MitelOneError(422, "invalid_account_number", "The Account Number is not correct.")
        if len(entries) > 1:
            raise MitelOneError(409, "account_number_required", "Enter the Account Number from your welcome e-mail.")
        sso = (
            bool(entries) and entries[0].tenant.settings.mitel_one_sso and entries[0].account_id not in self.sso_removed
        )
        account_id = entries[0].account_id if entries else ""
        return {"methods": ["password", "sso"] if sso else ["password"], "email": email, "account_id": account_id}

    def open_session(self, cloudlink_token: str) -> tuple[str, Session]:
        """A session for the holder of a CloudLink token issued to a Mitel One client."""
        claims = self.verify_cloudlink(cloudlink_token)
        client_type = CLIENT_TYPES.get(str(claims.get("aud")))
        if client_type is None:
            raise CloudLinkError(401, "invalid_token", "the token was issued to another application")
        entry = self.cloudlink.find(str(claims.get("email", "")), str(claims.get("accountId", "")))
        session = Session(user_key(entry), entry.user.email, entry.user.name, client_type)
        return self.sessions.open(session), session

    # -- what the harness does to and reads from the platform ------------------------------------

    def _key(self, email: str, account_id: str = "") -> tuple[str, CloudLinkUser]:
        entry = self.cloudlink.find(email, account_id)
        return user_key(entry), entry

    def accept_eula(self, email: str, account_id: str = "", client_type: str = "mobile") -> None:
        self.records.accept_eula(self._key(email, account_id)[0], client_type)

    def send(self, email: str, kind: str, sender: str, text: str, account_id: str = "") -> int:
        """A call, message or meeting invitation for the user: stored, and notified to their
        signed-in sessions. Returns how many sessions were notified."""
        key, entry = self._key(email, account_id)
        event = Event(kind, sender, text, entry.tenant.clock.now())
        self.records.store(key, event)
        return self.sessions.push(key, event.as_json())

    def notifications_delivered(self, email: str, account_id: str = "") -> int:
        return self.sessions.delivered(self._key(email, account_id)[0])

    def open_sessions(self, email: str) -> int:
        return self.sessions.count(email)
