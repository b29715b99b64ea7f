"""Recorded flows for the wire audit's unit tests, shaped as mocks/proxy/addon.py records them."""

from __future__ import annotations

import base64
import json
from email import policy
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart

import httpx

OWNER = "micollab.acme.example.com"


def flow(**overrides) -> dict:
    base = {
        "seq": 1,
        "scheme": "https",
        "host": OWNER,
        "method": "POST",
        "path": "/api/v1/login",
        "query": {},
        "request_headers": {"Content-Type": "application/json"},
        "request_body": '{"username": "alee", "password": "S3cret-pass!", "device": "a1234567"}',
        "form": {},
        "status": 200,
        "response_headers": {},
        "refused": False,
        "fault": "",
        "device": "s1.micollab-client.1",
    }
    return base | overrides


def body(content_type: str, text: str, **overrides) -> dict:
    return flow(request_headers={"Content-Type": content_type}, request_body=text, **overrides)


def multipart(fields: dict[str, str], **overrides) -> dict:
    """A multipart/form-data body as httpx encodes it, with a file part beside the fields."""
    request = httpx.Request("POST", "https://x.example/", data=fields, files={"log": ("log.txt", b"started")})
    return body(request.headers["content-type"], request.read().decode(), **overrides)


def multipart_base64(name: str, value: str, **overrides) -> dict:
    """A multipart/form-data body whose part is base64 (Content-Transfer-Encoding), built by the
    standard library's MIME classes."""
    message = MIMEMultipart("form-data", policy=policy.HTTP)
    part = MIMEApplication(value.encode(), "octet-stream")  # base64 transfer encoding by default
    part.add_header("Content-Disposition", "form-data", name=name)
    message.attach(part)
    head, _, text = message.as_bytes(policy=policy.HTTP).decode().partition("\r\n\r\n")
    content_type = next(line for line in head.split("\r\n") if line.lower().startswith("content-type"))
    return body(content_type.partition(":")[2].strip(), text, **overrides)


def b64(text: str, urlsafe: bool = False, padded: bool = True) -> str:
    encoded = (base64.urlsafe_b64encode if urlsafe else base64.b64encode)(text.encode()).decode()
    return encoded if padded else encoded.rstrip("=")


def jwt_like(claims: dict) -> str:
    """Three base64url segments, as a JWT (unsigned: the audit reads, it does not verify)."""
    return ".".join(b64(json.dumps(part), urlsafe=True, padded=False) for part in ({"alg": "none"}, claims, {}))
