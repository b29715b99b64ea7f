"""Faulty builds for one platform: a MiCollab Client whose build for one platform has a fault
the others lack, as a product ships a bug in its MAC or Android build only. A behaviour the
documents give to "PC and MAC" or to "iOS, Android, PC, and MAC OS" is checked on each of them.
"""

from __future__ import annotations

from clients.driver import ClientSettings
from clients.micollab import MiCollabClient
from tests.mutants import (
    AsksForACodeAlways,
    ContinuesAfterRefusedDeployment,
    DoesNotPostTheSamlResponse,
    EnterpriseOnlyWhenIntegrated,
    HidesCloudLinkMessages,
    IgnoresPastedCode,
    IgnoresServerHostname,
    KeepsTheAccountLocked,
    LoginPageAsksForPassword,
    LogsInWithDisplayNameAfterImport,
    LogsOutOnlyLocally,
    LosesTypedCloudLinkPassword,
    ManualLoginWithoutPasswordPage,
    NeverOffersImport,
    NoLoginHint,
    NoPasswordPageAfterUsername,
    OpensManualLoginOnTwoTaps,
    RefusesTheSecondFactorPage,
    ShowsHomeDespiteWrongPassword,
    SkipsCloudLinkPage,
    SkipsLicenseAfterImport,
    SkipsLicenseAfterLink,
    SkipsLicenseWhenRunning,
    SkipsProgressingScreen,
    StaysHalfLoggedIn,
    SubmitsARefusedPasswordTwice,
    UpnAsLoginId,
    WebViewTrustsAnyCertificate,
)


def only_on(platform: str, mutant: type[MiCollabClient], breaks: tuple[str, ...] = ()) -> type[MiCollabClient]:
    """`mutant` as the build for `platform`, the reference as every other build."""

    def new(cls, settings: ClientSettings) -> MiCollabClient:
        return (mutant if settings.platform == platform else MiCollabClient)(settings)

    name = f"{mutant.__name__}On{platform}"
    doc = f"{mutant.__doc__ or mutant.__name__} Only the {platform} build."
    members = {"__new__": new, "breaks": breaks or mutant.breaks, "__doc__": doc, "__module__": __name__}
    built = type(name, (MiCollabClient,), members)
    globals()[name] = built  # `--client=tests.mutants.one_platform:<name>` finds it
    return built


ONE_PLATFORM_MUTANTS = [
    only_on("MAC", SkipsLicenseAfterLink),
    only_on("MAC", ShowsHomeDespiteWrongPassword),
    only_on("MAC", IgnoresPastedCode),
    only_on("MAC", NeverOffersImport),
    only_on("MAC", SkipsLicenseAfterImport),
    only_on("MAC", LogsInWithDisplayNameAfterImport),
    only_on("MAC", SkipsLicenseWhenRunning),
    only_on("MAC", UpnAsLoginId),
    only_on("Android", OpensManualLoginOnTwoTaps),
    only_on("PC", IgnoresServerHostname),
    only_on("MAC", ManualLoginWithoutPasswordPage),
    only_on("iOS", DoesNotPostTheSamlResponse, breaks=("MC-MAN-3",)),
    only_on("MAC", LoginPageAsksForPassword),
    only_on("MAC", SkipsCloudLinkPage),
    only_on("iOS", LosesTypedCloudLinkPassword),
    only_on("MAC", HidesCloudLinkMessages),
    only_on("MAC", DoesNotPostTheSamlResponse),
    only_on("MAC", NoLoginHint),
    only_on("MAC", NoPasswordPageAfterUsername),
    only_on("MAC", AsksForACodeAlways),
    only_on("MAC", SkipsProgressingScreen),
    only_on("MAC", EnterpriseOnlyWhenIntegrated),
    only_on("MAC", ContinuesAfterRefusedDeployment),
    only_on("MAC", SubmitsARefusedPasswordTwice),
    # A CloudLink password set up by e-mail is typed into a desktop build's web view, and lost.
    only_on("PC", LosesTypedCloudLinkPassword, breaks=("MC-CL-4",)),
    only_on("MAC", LosesTypedCloudLinkPassword, breaks=("MC-CL-4",)),
    only_on("PC", RefusesTheSecondFactorPage),
    only_on("MAC", KeepsTheAccountLocked),
    only_on("iOS", RefusesTheSecondFactorPage),
    only_on("Android", EnterpriseOnlyWhenIntegrated),
    only_on("MAC", LogsOutOnlyLocally),
    # The clean-up after a failure, and the web view's certificate checks, in one build only.
    only_on("iOS", StaysHalfLoggedIn),
    only_on("Android", WebViewTrustsAnyCertificate),
]
