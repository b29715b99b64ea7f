"""Faulty variants of the reference Mitel One mobile client (`--mobile-client`), each breaking
the mobile side of a documented behaviour."""

from __future__ import annotations

from clients.driver import Screen
from clients.mitel_one_mobile import EULA, HOME, MitelOneMobile


class KeepsAcceptanceOnThePhone(MitelOneMobile):
    """CONFIRM goes on to Home but never tells the platform: the web shows the agreement again."""

    breaks = ("MOB-EULA-1",)

    def accept_eula(self) -> None:
        self.show(Screen(HOME, elements=("avatar",)))


class AlwaysShowsTheAgreement(MitelOneMobile):
    """Shows the agreement at every first login on the phone, accepted on the web or not."""

    breaks = ("MOB-EULA-1",)

    def after_sign_in(self, eula_accepted: bool) -> None:
        self.show(Screen(EULA, {"I accept the end user agreement": "false"}))


MOBILE_MUTANTS = [KeepsAcceptanceOnThePhone, AlwaysShowsTheAgreement]
