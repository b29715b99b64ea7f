"""Faulty variants of the reference Mitel One web application: the reference app's files with
one change each, served at one.mitel.io in its place (`--web-app DIR`)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

REFERENCE = Path(__file__).resolve().parents[2] / "clients" / "mitel_one_web" / "static"
SIGN_IN_BUTTON = """<button type="button" id="sign-in" onclick="location.assign('/login')">SIGN IN</button>"""


@dataclass(frozen=True)
class WebMutant:
    name: str
    breaks: tuple[str, ...]
    file: str
    old: str
    new: str

    def build(self, into: Path) -> Path:
        """The app with this mutant's change, in `into`."""
        app = shutil.copytree(REFERENCE, into / self.name)
        page = app / self.file
        text = page.read_text()
        if self.old not in text:
            raise ValueError(f"{self.name}: {self.file} no longer contains the text to change")
        page.write_text(text.replace(self.old, self.new))
        return app


WEB_MUTANTS = [
    WebMutant("WelcomeWithoutSignIn", ("MO-IN-1",), "index.html", SIGN_IN_BUTTON, ""),
    WebMutant("SignInStaysOnWelcome", ("MO-IN-2",), "index.html", "location.assign('/login')", "location.assign('/')"),
    # The user name is sent as typed only when it looks like first.last@domain: a UPN gets lost.
    WebMutant(
        "UserNameMustBeAnEmail", ("MO-IN-3",), "login.js",
        "await post('/api/v1/login/identify', {username})).json();",
        "await post('/api/v1/login/identify', "
        "{username: username.split('@')[0].includes('.') ? username : ''})).json();",
    ),
    WebMutant(
        "NextDoesNotLeadToTheMethod", ("MO-IN-5",), "login.js",
        "show(document.getElementById('method'), true);", "show(document.getElementById('user'), true);",
    ),
    WebMutant(
        "SingleSignOnAlwaysOffered", ("MO-SSO-1",), "login.js",
        "show(document.getElementById('sso'), methods.includes('sso'));", "show(document.getElementById('sso'), true);",
    ),
    WebMutant(
        "IgnoresARefusedPassword", ("MO-PW-1",), "login.js",
        "    say(message || 'The password is not correct. Try again.');\n    return;",
        "    location.assign('/home');\n    return;",
    ),
    WebMutant(
        "LogoutOnlyLeavesThePage", ("MO-OUT-1",), "home.js",
        "  await fetch('/api/v1/logout', {method: 'POST'});\n", "",
    ),
]  # fmt: skip
