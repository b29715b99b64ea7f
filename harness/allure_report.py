"""The Allure side of a run: categories, environment, the single-file HTML report, history.

The report must open offline: `check_offline` lists every reference to the network it finds.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html

from harness.errors import HarnessError

PROJECT = Path(__file__).resolve().parents[1]
ALLURE = PROJECT / ".tools" / "allure" / "node_modules" / "allure-commandline" / "dist" / "bin" / "allure"

CATEGORIES = [
    {
        "name": "Conformance failures",
        "matchedStatuses": ["failed"],
        "traceRegex": ".*(ConformanceFailure|WireViolation).*",
    },
    {"name": "Harness errors", "matchedStatuses": ["broken", "failed"], "traceRegex": ".*HarnessError.*"},
    {"name": "Adapter errors", "matchedStatuses": ["broken", "failed"], "traceRegex": ".*AdapterError.*"},
    {
        "name": "Undefined steps",
        "matchedStatuses": ["broken", "failed"],
        "traceRegex": ".*StepDefinitionNotFoundError.*",
    },
    {"name": "Other errors", "matchedStatuses": ["broken"]},
]


def write_categories(results: Path) -> None:
    results.mkdir(parents=True, exist_ok=True)
    (results / "categories.json").write_text(json.dumps(CATEGORIES, indent=2))


def write_environment(results: Path, props: dict[str, str]) -> None:
    """environment.properties: Java properties syntax, so `=`, `:` and `\\` are escaped."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("=", "\\=").replace(":", "\\:").replace("\n", "\\n")

    results.mkdir(parents=True, exist_ok=True)
    lines = [f"{escape(key)}={escape(value)}" for key, value in props.items()]
    (results / "environment.properties").write_text("\n".join(lines) + "\n")


def _allure(*args: str) -> None:
    if not ALLURE.exists():
        raise HarnessError(f"the Allure command line is not installed ({ALLURE}): run make setup")
    env = os.environ | {"ALLURE_NO_ANALYTICS": "true"}
    done = subprocess.run([str(ALLURE), *args], capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise HarnessError(f"allure {args[0]} failed: {done.stderr[-2000:] or done.stdout[-2000:]}")


def generate(results: Path, report: Path, history: Path | None = None) -> Path:
    """The single-file report from `results`, with the trends of the runs kept in `history`."""
    if history is not None and history.is_dir():
        shutil.copytree(history, results / "history", dirs_exist_ok=True)
    _allure("generate", "--single-file", "--clean", "-o", str(report), str(results))
    if history is not None:
        _keep_history(results, history)
    return report / "index.html"


def _keep_history(results: Path, history: Path) -> None:
    """A single-file report writes no history/, so a folder report is made aside for it."""
    with tempfile.TemporaryDirectory() as scratch:
        _allure("generate", "--clean", "-o", scratch, str(results))
        shutil.copytree(Path(scratch) / "history", history, dirs_exist_ok=True)


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
