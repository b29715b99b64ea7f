"""How values travel between a front and its callers over HTTP (mocks/control.py): plain JSON
values as they are; a tenant, its settings and an e-mail in a JSON form of their own; and each
error a front raises as a status code, raised again as the same class on the other side."""

from __future__ import annotations

import base64
import dataclasses
import typing

from failures import HarnessError
from mocks.mail.store import MailTimeout, Message
from mocks.settings import settings_from
from mocks.tenant import Tenant, TenantSettings, tenant_from_json, tenant_json

# Most specific first: a MailTimeout is a HarnessError.
ERRORS = ((MailTimeout, 408), (LookupError, 404), (ValueError, 400), (HarnessError, 503))


def message_json(message: Message) -> dict:
    """An e-mail with its raw bytes (base64), so the reader on the other side has it whole."""
    return message.summary() | {"sender": message.sender, "raw": base64.b64encode(message.raw).decode()}


def message_from_json(value: dict) -> Message:
    return Message.from_raw(value["id"], value["sender"], value["to"], base64.b64decode(value["raw"]))


def settings_json(settings: TenantSettings) -> dict:
    return dataclasses.asdict(settings)


def _settings_from(value) -> TenantSettings:
    if not isinstance(value, dict):
        raise ValueError("the settings are a JSON object")
    return settings_from(value)


def _tenant_from(value) -> Tenant:
    if not isinstance(value, dict):
        raise ValueError("a tenant is a JSON object")
    return dataclasses.replace(tenant_from_json(value), settings=_settings_from(value.get("settings")))


CODECS = {  # type -> (to JSON, from JSON); from JSON raises ValueError on a bad value
    Message: (message_json, message_from_json),
    Tenant: (tenant_json, _tenant_from),
    TenantSettings: (settings_json, _settings_from),
}
PLAIN = {"str": str, "int": int, "float": float, "bool": bool}


def encode(value, kind):
    """`value` of annotation `kind` as JSON."""
    if typing.get_origin(kind) is list and typing.get_args(kind)[0] in CODECS:
        return [CODECS[typing.get_args(kind)[0]][0](item) for item in value]
    return CODECS[kind][0](value) if kind in CODECS else value


def decode(value, kind):
    """`value` from JSON as annotation `kind`; raises ValueError when it is not one."""
    if typing.get_origin(kind) is list:
        item = typing.get_args(kind)[0]
        if not isinstance(value, list):
            raise ValueError(f"a list, not {value!r}")
        return [decode(each, item) for each in value]
    if kind in CODECS:
        return CODECS[kind][1](value)
    expected = PLAIN.get(getattr(kind, "__name__", ""))
    if expected is None or _is(value, expected):
        return float(value) if expected is float else value
    raise ValueError(f"a {expected.__name__}, not {value!r}")


def _is(value, expected: type) -> bool:
    if expected is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, expected) and (expected is bool or not isinstance(value, bool))


def from_query(text: str, kind):
    """A query string's value as annotation `kind`."""
    if kind is bool:
        if text not in ("true", "false"):
            raise ValueError(f"true or false, not {text!r}")
        return text == "true"
    try:
        return {int: int, float: float}.get(kind, str)(text)
    except ValueError:
        raise ValueError(f"a {kind.__name__}, not {text!r}") from None


def to_query(value) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def error_status(exc: Exception) -> int | None:
    return next((status for kind, status in ERRORS if isinstance(exc, kind)), None)


def error_of(status: int, message: str) -> Exception:
    """The error a front raised, from the status it was answered with."""
    kind = next((kind for kind, code in ERRORS if code == status), HarnessError)
    return kind(message)
