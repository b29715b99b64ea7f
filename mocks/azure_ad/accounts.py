"""An Entra account's own sign-in rules: smart lockout of wrong passwords and the authenticator
app's code (TOTP), each checked at the tenant clock's time."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field

import pyotp

from mocks.azure_ad import errors
from mocks.tenant import Tenant, User

REMEMBERED_BAD_PASSWORDS = 3  # documented: smart lockout does not count a repeat of the last three wrong passwords


@dataclass
class Account:
    """A user's sign-in state in Entra: smart lockout and the last authenticator code used."""

    user: User
    tenant: Tenant
    failures: int = 0
    lockouts: int = 0
    locked_until: float = 0.0
    recent_bad: list[str] = field(default_factory=list)
    last_code_step: int = -1

    def reset(self) -> None:
        """As provisioned: no failure counted, no lockout, any authenticator code usable."""
        self.failures, self.lockouts, self.locked_until, self.recent_bad, self.last_code_step = 0, 0, 0.0, [], -1

    def check_password(self, password: str, now: float) -> None:
        settings = self.tenant.settings
        if self.locked_until > now:
            raise errors.locked()
        expected = self.user.enterprise_password
        if expected and secrets.compare_digest(password.encode(), expected.encode()):
            self.failures, self.lockouts, self.recent_bad = 0, 0, []
            return
        digest = hashlib.sha256(password.encode()).hexdigest()
        if digest not in self.recent_bad:
            self.recent_bad = [*self.recent_bad, digest][-REMEMBERED_BAD_PASSWORDS:]
            self.failures += 1
        if self.failures >= settings.azure_lockout_threshold:
            # Documented: after a lockout each further failure locks again, for longer each time
            # (how much longer is not published: doubling is this mock's choice).
            self.lockouts += 1
            self.locked_until = now + settings.azure_lockout_duration * 2 ** (self.lockouts - 1)
        raise errors.wrong_password()

    def check_code(self, code: str, now: float) -> None:
        """TOTP, 6 digits, 30 s, one step either side; a code (its time step) works only once."""
        if not self.user.totp_secret:
            raise errors.wrong_code()
        totp = pyotp.TOTP(self.user.totp_secret)
        for offset in (-1, 0, 1):
            step = totp.timecode(now) + offset
            if step > self.last_code_step and secrets.compare_digest(code.strip(), totp.at(now, counter_offset=offset)):
                self.last_code_step = step
                return
        raise errors.wrong_code()
