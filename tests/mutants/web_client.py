"""Faulty variants of the reference MiCollab Web Client: the reference pages with one change
each, served by the MiCollab server at /ucs/micollab/ in their place (`--micollab-web-client DIR`)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

REFERENCE = Path(__file__).resolve().parents[2] / "clients" / "micollab_web" / "static"
TABS = """<button type="button" role="tab" id="tab-general" aria-controls="{}">General</button>
        <button type="button" role="tab" id="tab-advanced" aria-controls="{}">Advanced</button>"""


@dataclass(frozen=True)
class WebClientMutant:
    name: str
    breaks: tuple[str, ...]
    file: str
    old: str
    new: str

    def build(self, into: Path) -> Path:
        """The Web Client with this mutant's change, in `into`."""
        pages = shutil.copytree(REFERENCE, into / self.name)
        page = pages / self.file
        text = page.read_text()
        if self.old not in text:
            raise ValueError(f"{self.name}: {self.file} no longer contains the text to change")
        page.write_text(text.replace(self.old, self.new))
        return pages


WEB_CLIENT_MUTANTS = [
    WebClientMutant(
        "LogOnStaysOnTheLogOnPage", ("MC-WEB-1",), "logon.js",
        "location.assign('/ucs/micollab/home');", "location.assign('/ucs/micollab/');",
    ),
    WebClientMutant("SaysNothingOfARefusedPassword", ("MC-WEB-1",), "logon.js", "    error.hidden = false;\n", ""),
    # Self Deployment is under Settings > Advanced: the tabs show each other's panel.
    WebClientMutant(
        "SelfDeploymentUnderAdvanced", ("MC-WEB-2",), "home.html",
        TABS.format("general", "advanced"), TABS.format("advanced", "general"),
    ),
    WebClientMutant(
        "QrCodeOffersNothing", ("MC-WEB-2",), "home.js",
        "$('qr-code').addEventListener('click', () => {\n  $('open-micollab').hidden = false;\n",
        "$('qr-code').addEventListener('click', () => {\n",
    ),
    # Open MiCollab asks the server for a deployment of its own: not the one the QR code carries.
    WebClientMutant(
        "OpenMiCollabCarriesAnotherDeployment", ("MC-WEB-2",), "home.js",
        "$('open-micollab').href = deployment.link;",
        "$('open-micollab').href = (await (await post('/self-deployment')).json()).link;",
    ),
    # Self Deployment shows again the deployment it first showed in this page: used once, it is spent.
    WebClientMutant(
        "SelfDeploymentShownAgain", ("MC-WEB-2",), "home.js",
        "  const deployment = await (await post('/self-deployment')).json();",
        "  window.shown = window.shown || await (await post('/self-deployment')).json();\n"
        "  const deployment = window.shown;",
    ),
]  # fmt: skip
