"""Variants of the reference MiCollab Client without a documented known issue. They are not
mutants: a known issue is no requirement, so each must pass the scenarios of the requirements in
`lacks`, as the reference client (which has the issue) does, and the summary tells them apart."""

from __future__ import annotations

from clients.micollab import MiCollabClient


class WithoutUpgradeIssue(MiCollabClient):
    """A mobile client upgraded from 9.2 to 9.3 that directs to Single Sign-On at the first Next."""

    lacks = ("MC-UPG-1", "MC-UPG-2")

    def upgrade_quirk(self) -> str | None:
        return None


FIXED = [WithoutUpgradeIssue]
