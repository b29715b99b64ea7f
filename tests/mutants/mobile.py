"""Faulty variants of the reference Mitel One mobile client (`--mobile-client`), each breaking
the mobile side of a documented behaviour, or trusting what the device must not (MOB-TLS-1)."""

from __future__ import annotations

import ssl

import httpx

from clients.driver import ClientSettings, Screen
from clients.mitel_one_mobile import ACCEPT, API, EULA, HOME, MitelOneMobile


class KeepsAcceptanceOnThePhone(MitelOneMobile):
    """CONFIRM goes on to Home but never tells the platform: the web shows the agreement again."""

    breaks = ("MOB-EULA-1",)

    def accept_eula(self) -> None:
        self.show(Screen(HOME, elements=("avatar",)))


class AcceptsWhateverThePlatformSays(MitelOneMobile):
    """CONFIRM goes on to Home whether or not the platform recorded the acceptance."""

    breaks = ("MOB-EULA-1",)

    def accept_eula(self) -> None:
        self.http.post(f"{API}/eula", json={"accepted": True})
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


class PhoneTrustsAnyCertificate(MitelOneMobile):
    """The phone's HTTP client has certificate verification turned off."""

    breaks = ("MOB-TLS-1",)

    def __init__(self, settings: ClientSettings) -> None:
        super().__init__(settings)
        self.http = httpx.Client(proxy=settings.proxy_url, verify=False, timeout=settings.timeout)


class PhoneChecksOnlyTheAuthority(MitelOneMobile):
    """Verifies the certificate's authority but not the host name it was issued for."""

    breaks = ("MOB-TLS-1",)

    def __init__(self, settings: ClientSettings) -> None:
        super().__init__(settings)
        tls = ssl.create_default_context(cafile=settings.ca_bundle)
        tls.check_hostname = False
        self.http = httpx.Client(proxy=settings.proxy_url, verify=tls, timeout=settings.timeout)


MOBILE_MUTANTS = [
    KeepsAcceptanceOnThePhone,
    AcceptsWhateverThePlatformSays,
    AlwaysShowsTheAgreement,
    AgreementComesSelected,
    AcceptsOnTheCheckBox,
    PhoneTrustsAnyCertificate,
    PhoneChecksOnlyTheAuthority,
]
