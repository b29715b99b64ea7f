"""The MiCollab server as the MiCollab Client sees it.

The client-server protocol of MiCollab is not public; this mock serves a small JSON API of its
own (documented in `app.py`) that carries exactly the documented behaviour: deployment e-mails
with a single-use, expiring link and authentication code, the license agreement, the
username-only login page, password login with lockout, user data to import and MiCollab Home.
"""

from mocks.micollab_server.app import micollab_app
from mocks.micollab_server.directory import MiCollabDirectory
from mocks.micollab_server.front import MiCollabFront

__all__ = ["MiCollabDirectory", "MiCollabFront", "micollab_app"]
