"""The e-mail server: SMTP capture (aiosmtpd) into a store, read through a mailbox HTTP API.

Protocol, storage and inspection are apart: the SMTP handler only writes to the store, the
HTTP API only reads it, and the store knows nothing of either.
"""

from mocks.mail.api import mailbox_app
from mocks.mail.front import MAILBOX_HOST, MailFront
from mocks.mail.smtp import SmtpServer
from mocks.mail.store import MailStore, MailTimeout, Message

__all__ = ["MAILBOX_HOST", "MailFront", "MailStore", "MailTimeout", "Message", "SmtpServer", "mailbox_app"]
