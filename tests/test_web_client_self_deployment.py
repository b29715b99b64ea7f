"""The MiCollab Web Client's self-deployment checks and the QR code reading, with the document's
case and one case per way to break it."""

from __future__ import annotations

import io

import pytest
import segno

from clients.micollab_web import qr_codes_in
from harness import checks
from harness.errors import ConformanceFailure

LINK = "https://micollab.acme.example.com/micollab/deploy?token=Tk-1"


def png_of(text: str) -> bytes:
    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=5, border=4)
    return out.getvalue()


def test_a_qr_code_is_read_from_a_screenshot():
    assert qr_codes_in(png_of(LINK)) == [LINK]


def test_the_qr_code_and_open_micollab_carry_the_same_deployment():
    checks.same_deployment([LINK], LINK)
    checks.same_deployment(["https://MICOLLAB.acme.example.com/micollab/deploy?token=Tk-1"], LINK)


@pytest.mark.parametrize(
    "shown",
    [
        [],  # no QR code on the screen
        ["https://micollab.acme.example.com/micollab/deploy?token=Tk-2"],  # another deployment
        ["https://micollab.other.example.com/micollab/deploy?token=Tk-1"],  # another server
        ["https://micollab.acme.example.com/ucs/micollab/?token=Tk-1"],  # not a deployment link
    ],
)
def test_a_qr_code_with_another_deployment_fails(shown):
    with pytest.raises(ConformanceFailure, match="the same deployment"):
        checks.same_deployment(shown, LINK)


def test_a_link_without_a_deployment_fails():
    with pytest.raises(ConformanceFailure):
        checks.same_deployment(["https://micollab.acme.example.com/micollab/deploy"], LINK.partition("?")[0])


def test_open_micollab_must_open_a_link():
    assert checks.link_opened("Open MiCollab", LINK) == LINK
    with pytest.raises(ConformanceFailure, match="Open MiCollab opens a link"):
        checks.link_opened("Open MiCollab", None)
