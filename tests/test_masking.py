"""Secrets never reach a report: known values, secret fields, and e-mails whatever their encoding."""

from __future__ import annotations

from email.message import EmailMessage

from clients.driver import Screen
from harness.masking import MASK, Masker
from harness.recording import describe


def test_masking_hides_every_secret_longest_first():
    mask = Masker(["abcd1234", "abcd", "xy"])
    assert mask("pw abcd1234 code abcd short xy") == f"pw {MASK} code {MASK} short xy"


def test_an_email_is_masked_even_when_quoted_printable_splits_the_secret():
    secret = "pa=ss" + "w" * 80 + "=rd"
    message = EmailMessage()
    message["Subject"] = "Welcome"
    message.set_content(f"Password: {secret}\n", cte="quoted-printable")
    raw = message.as_bytes()
    assert secret.encode() not in raw  # the wire form hides it from a byte-level mask
    masked = Masker([secret]).email(raw)
    assert b"Password: " + MASK.encode() in masked
    assert b"pa=3Dss" not in masked


def test_a_typed_password_is_masked_in_the_transcript_even_when_unknown():
    screen = Screen("password", {"Password": "typed-by-hand", "Server Hostname": "micollab.example.com"})
    shown = describe(screen)
    assert "typed-by-hand" not in shown
    assert "micollab.example.com" in shown


def test_a_secret_is_masked_in_the_encodings_a_request_carries_it():
    import base64
    import json
    from urllib.parse import quote_plus

    secret = 'p@ss word"1'
    body = json.dumps({"password": secret}) + " " + base64.b64encode(secret.encode()).decode()
    har = {"log": {"entries": [{"request": {"url": f"/?p={quote_plus(secret)}", "postData": {"text": body}}}]}}
    written = Masker([secret]).har(har)
    assert "ss word" not in written
    assert quote_plus(secret) not in written
    assert base64.b64encode(secret.encode()).decode().rstrip("=") not in written
