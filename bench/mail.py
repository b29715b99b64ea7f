"""`make bench`'s mail figure: `smtplib.sendmail()` returned -> the message answered by the
mailbox API's server-side wait (`GET …/wait?subject=…`), through the network front every mock is
served by, on a keep-alive connection (as a capture server such as maildev is measured)."""

from __future__ import annotations

import http.client
import smtplib
import time
from email.message import EmailMessage
from urllib.parse import quote

from mocks.platform import MAILBOX_HOST, Platform


def message(to: str, subject: str) -> bytes:
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = "no-reply@mitel.io", to, subject
    mail.set_content("Hello")
    return mail.as_bytes()


def visible_after_send(samples: int) -> list[float]:
    """Seconds from sendmail() returning to the wait's answer, one new mailbox per sample."""
    platform = Platform(direct=True).start()
    api = http.client.HTTPConnection("127.0.0.1", platform.network.port)
    times = []
    try:
        with smtplib.SMTP(*platform.smtp_address) as smtp:
            for n in range(samples):
                to, subject = f"bench{n}@mail.example.com", f"Bench {n}"
                smtp.sendmail("no-reply@mitel.io", [to], message(to, subject))
                sent = time.perf_counter()
                api.request("GET", f"http://{MAILBOX_HOST}/api/v1/mailboxes/{to}/wait?subject={quote(subject)}")
                answer = api.getresponse()
                answer.read()
                times.append(time.perf_counter() - sent)
                assert answer.status == 200, answer.status
    finally:
        api.close()
        platform.stop()
    return times[5:]  # the first answers warm the connection and the route up
