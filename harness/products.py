"""The products a run drives, which implementation of each ran, and which ones it certifies.

A verdict is earned by the product under test: a run certifies the products the user selected
(`--client`, `--micollab-web-client`, `--web-app`, `--mobile-client`). The others are still
driven, by the reference implementations that stand in for them, and their requirements are
reported `not-applicable` (exercised with the reference), never `passed`. A run that selects no
product at all is the reference's own run: it certifies the reference implementations.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from pathlib import Path

from harness.catalogue import PRODUCTS

MICOLLAB_CLIENT, MICOLLAB_WEB_CLIENT, MITEL_ONE_WEB, MITEL_ONE_MOBILE = PRODUCTS
REFERENCE = "reference"
PROJECT = Path(__file__).resolve().parents[1]
# The reference implementation of each product that is a folder of web pages.
REFERENCE_FOLDERS = {
    MICOLLAB_WEB_CLIENT: PROJECT / "clients" / "micollab_web" / "static",
    MITEL_ONE_WEB: PROJECT / "clients" / "mitel_one_web" / "static",
}
# The pytest option that selects each product.
OPTIONS = {
    MICOLLAB_CLIENT: "client",
    MICOLLAB_WEB_CLIENT: "micollab_web_client",
    MITEL_ONE_WEB: "web_app",
    MITEL_ONE_MOBILE: "mobile_client",
}


@dataclass(frozen=True)
class Implementation:
    """What ran as one product: an adapter's name or a folder of pages (with a content hash)."""

    product: str
    name: str
    under_test: bool
    folder: str = ""
    sha256: str = ""

    def as_json(self) -> dict:
        return {key: value for key, value in asdict(self).items() if value != "" and key != "product"}


def folder_digest(folder: Path) -> str:
    """SHA-256 over every file's relative path and content: which build of a web app ran."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def implementations(chosen: dict[str, str | None]) -> dict[str, Implementation]:
    """`chosen`: product -> what the user selected for it, None where they selected nothing."""
    selected = {product for product, value in chosen.items() if value is not None}
    found = {}
    for product in PRODUCTS:
        value = chosen.get(product)
        under_test = product in selected or not selected
        folder = Path(value) if value is not None and product in REFERENCE_FOLDERS else REFERENCE_FOLDERS.get(product)
        if folder is None:
            found[product] = Implementation(product, value or REFERENCE, under_test)
            continue
        name = REFERENCE if value is None else str(value)
        digest = folder_digest(folder) if folder.is_dir() else ""
        found[product] = Implementation(product, name, under_test, folder=shown(folder), sha256=digest)
    return found


def shown(folder: Path) -> str:
    """A folder as a reader of the report knows it: inside the project, from the project's root."""
    folder = folder.resolve()
    return folder.relative_to(PROJECT).as_posix() if folder.is_relative_to(PROJECT) else str(folder)
