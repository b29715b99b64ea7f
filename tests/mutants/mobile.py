"""Faulty variants of the reference Mitel One mobile client (`--mobile-client`), each breaking
the mobile side of a documented behaviour."""

from __future__ import annotations

from clients.driver import Screen
from clients.mitel_one_mobile import ACCEPT, API, EULA, HOME, MitelOneMobile


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


class AgreementComesSelected(MitelOneMobile):
    """Shows the agreement with its check box already selected: CONFIRM at once."""

    breaks = ("MOB-EULA-2",)

    def after_sign_in(self, eula_accepted: bool) -> None:
        if eula_accepted:
            super().after_sign_in(eula_accepted)
        else:
            self.show(Screen(EULA, {ACCEPT: "true"}, ("CONFIRM",)))


class AcceptsOnTheCheckBox(MitelOneMobile):
    """Records the acceptance with the platform as soon as the box is selected, before CONFIRM."""

    breaks = ("MOB-EULA-2",)

    def fill(self, label: str, value: str) -> None:
        super().fill(label, value)
        if self.screen().name == EULA and label == ACCEPT and value == "true":
            self.http.post(f"{API}/eula", json={"accepted": True}).raise_for_status()


MOBILE_MUTANTS = [KeepsAcceptanceOnThePhone, AlwaysShowsTheAgreement, AgreementComesSelected, AcceptsOnTheCheckBox]
