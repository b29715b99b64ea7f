"""Decoded views of one request: every form in which a value can travel in it, so that a check
looks for a value in each view rather than in one raw string.

A view is a text, where it was found, whether it is the whole value of one field (a short secret,
a six-digit code, counts only there) and whether it is part of the URL. Views come from the URL
(the path, each segment, each query value), every header (each cookie, HTTP Basic decoded) and
the body (as sent, as a form, as multipart/form-data); then every view is decoded again, a few
levels deep: percent-encoding (`+` for space), base64 (standard and URL-safe, padded or not) and
JSON (escapes undone, every value of nested objects and arrays).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from email import policy
from email.parser import BytesParser
from urllib.parse import parse_qsl, unquote, unquote_plus

from starlette.requests import cookie_parser

DEPTH = 3  # decodings stacked on one another (base64 of a percent-encoded JSON value)
BASE64_RUN = re.compile(r"[A-Za-z0-9+/_-]{8,}={0,2}")  # long enough to hold a six-digit code
BASE64_TEXT = re.compile(r"[A-Za-z0-9+/_-]+={0,2}")
BASIC_HEADERS = ("authorization", "proxy-authorization")


@dataclass(frozen=True)
class View:
    where: str  # "query string 'password'", "header X-Diag, base64": for the message
    text: str
    whole: bool = True  # the whole value of one field
    in_url: bool = False
    depth: int = 0  # decodings away from the request as sent

    def derived(self, how: str, text: str, whole: bool | None = None) -> View:
        """A decoding of this view: from the URL if this one is, whole if it decodes all of it."""
        whole = self.whole if whole is None else whole
        return View(f"{self.where}, {how}", text, whole, self.in_url, self.depth + 1)


def views(flow: dict) -> list[View]:
    """Every view of the request `flow` (a recorded flow, mocks/proxy/addon.py), decoded."""
    return expand([*url_views(flow), *header_views(flow["request_headers"]), *body_views(flow)])


def url_views(flow: dict) -> list[View]:
    path = flow["path"]
    found = [View("path", unquote(path), whole=False, in_url=True)]
    found += [View(f"path segment {i}", unquote(s), in_url=True) for i, s in enumerate(path.split("/")) if s]
    return found + [View(f"query string {name!r}", value, in_url=True) for name, value in flow["query"].items()]


def header_views(headers: dict[str, str]) -> list[View]:
    """Each header's value, after the fields inside it (each cookie, HTTP Basic's two)."""
    found = []
    for name, value in headers.items():
        if name.lower() == "cookie":
            found += [View(f"cookie {key!r}", text) for key, text in cookie_parser(value).items()]
        if name.lower() in BASIC_HEADERS:
            found += basic_views(name, value)
        found.append(View(f"header {name}", value))
    return found


def basic_views(name: str, value: str) -> list[View]:
    """HTTP Basic (RFC 7617): the base64 of user-id ":" password, each a field of its own."""
    scheme, _, token = value.strip().partition(" ")
    decoded = base64_text(token.strip()) if scheme.lower() == "basic" else None
    if decoded is None:
        return []
    user, _, password = decoded.partition(":")
    return [View(f"header {name} (Basic user-id)", user), View(f"header {name} (Basic password)", password)]


def body_views(flow: dict) -> list[View]:
    """The body's fields (a form's, a multipart body's parts), then the body as sent."""
    body = flow["request_body"]
    content_type = header(flow["request_headers"], "content-type")
    if content_type.lower().startswith("multipart/"):
        return [*multipart_views(content_type, body), View("body", body, whole=False)]
    fields = [View(f"form field {k!r}", v) for k, v in form_fields(flow).items()]
    return [*fields, View("body", body)] if body else fields


def multipart_views(content_type: str, body: str) -> list[View]:
    """multipart/form-data (RFC 7578) read by the standard e-mail parser: each part's content with
    its transfer encoding undone, and its file name."""
    head = f"Content-Type: {content_type}\r\n\r\n".encode()
    message = BytesParser(policy=policy.HTTP).parsebytes(head + body.encode("utf-8", "surrogateescape"))
    found = []
    for part in message.walk():
        if part.is_multipart():
            continue
        name = part.get_param("name", header="content-disposition") or "?"
        content = (part.get_payload(decode=True) or b"").decode("utf-8", "replace")
        found.append(View(f"multipart part {name!r}", content))
        if part.get_filename():
            found.append(View(f"multipart part {name!r} file name", part.get_filename()))
    return found


def form_fields(flow: dict) -> dict[str, str]:
    """The body's form fields (application/x-www-form-urlencoded): as the proxy parsed them, else
    the body parsed strictly, for a form sent under another content type."""
    if flow.get("form"):
        return dict(flow["form"])
    try:
        return dict(parse_qsl(flow["request_body"], keep_blank_values=True, strict_parsing=True))
    except ValueError:
        return {}


def body_fields(flow: dict) -> dict[str, str]:
    """The top-level fields of a JSON object body, else of a form body (a token request's)."""
    parsed = parse_json(flow["request_body"])
    if isinstance(parsed, dict):
        return {k: v if isinstance(v, str) else json.dumps(v) for k, v in parsed.items()}
    return form_fields(flow)


def header(headers: dict[str, str], name: str) -> str:
    return next((v for k, v in headers.items() if k.lower() == name), "")


# -- decoding a view again ----------------------------------------------------------------------


def expand(found: list[View]) -> list[View]:
    """`found` and what each view decodes to, DEPTH decodings deep, each text once per kind."""
    seen: set[tuple[str, bool, bool]] = set()
    expanded, layer = [], found
    for _ in range(DEPTH + 1):
        fresh = [v for v in layer if (v.text, v.whole, v.in_url) not in seen]
        seen.update((v.text, v.whole, v.in_url) for v in fresh)
        expanded += fresh
        layer = [decoded for view in fresh for decoded in decodings(view)]
    return expanded


def decodings(view: View) -> list[View]:
    found = []
    if "%" in view.text or "+" in view.text:
        found.append(view.derived("percent-decoded", unquote_plus(view.text)))
    found += base64_views(view)
    found += [view.derived(f"JSON {path}", text, whole=True) for path, text in json_leaves(parse_json(view.text))]
    return [v for v in found if v.text != view.text]


def base64_views(view: View) -> list[View]:
    """The view's text decoded as base64 if all of it is, and every long base64 run inside it (a
    JWT's segments, a token after its scheme) decoded."""
    text = view.text.strip()
    candidates = {run.group(): False for run in BASE64_RUN.finditer(text)}
    if BASE64_TEXT.fullmatch(text):
        candidates[text] = view.whole
    found = []
    for candidate, whole in candidates.items():
        decoded = base64_text(candidate)
        if decoded is not None:
            found.append(view.derived("base64", decoded, whole))
    return found


def base64_text(candidate: str) -> str | None:
    """`candidate` decoded as base64, standard or URL-safe, padded or not, if it is UTF-8 text."""
    unpadded = candidate.rstrip("=")
    padded = unpadded + "=" * (-len(unpadded) % 4)
    for altchars in (None, b"-_"):
        try:
            text = base64.b64decode(padded, altchars=altchars, validate=True).decode("utf-8")
        except (binascii.Error, ValueError):
            continue
        if text and all(c.isprintable() or c.isspace() for c in text):
            return text
    return None


def parse_json(text: str) -> object:
    if not text.lstrip().startswith(("{", "[")):
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def json_leaves(value: object, path: str = "$") -> Iterator[tuple[str, str]]:
    """Every scalar of a parsed JSON value, with its path: strings as they are, others as JSON."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from json_leaves(inner, f"{path}.{key}")
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from json_leaves(inner, f"{path}[{index}]")
    elif value is not None and path != "$":
        yield path, value if isinstance(value, str) else json.dumps(value)
