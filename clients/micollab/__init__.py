"""The reference MiCollab Client (PC, MAC, iOS, Android), driven through `clients.driver`."""

from clients.micollab.client import MiCollabClient

__all__ = ["MiCollabClient"]
