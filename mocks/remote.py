"""The fronts' twins in another process: the same methods, each one request to the world's
control API, built from the same declarations (mocks/control.py) the world serves them from, so
a caller cannot tell a remote front from the one in its own process."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from urllib.parse import quote

import httpx

from mocks.codecs import decode, encode, error_of, to_query
from mocks.control import READS, Control, controls, key_of, parameters, returns

Send = Callable[..., httpx.Response]  # (method, path, params= | json=) -> the answer


class RemoteFront:
    """The twin of the front class `front`: `send` makes each request to the world's control API."""

    def __init__(self, front: type, send: Send) -> None:
        self.front = front.__name__
        for name, declared in controls(front).items():
            setattr(self, name, _caller(getattr(front, name), declared, send))


def _caller(function, declared: Control, send: Send):
    signature, kinds, kind = inspect.signature(function), parameters(function), returns(function)

    def call(*args, **kwargs):
        given = signature.bind(None, *args, **kwargs).arguments  # what the caller gave: defaults are the world's
        given.pop(next(iter(signature.parameters)))
        path = declared.path
        for name in declared.path_names():
            path = path.replace(f"{{{name}}}", quote(str(given.pop(name)), safe=""))
        values = {key_of(name): encode(value, kinds[key_of(name)][1]) for name, value in given.items()}
        if declared.body:
            answer = send(declared.method, path, json=values[declared.body])
        elif declared.method in READS:
            answer = send(declared.method, path, params={k: to_query(v) for k, v in values.items()})
        else:
            answer = send(declared.method, path, json=values)
        if answer.status_code != declared.status:
            raise error_of(answer.status_code, _error(answer))
        return decode(answer.json(), kind)

    call.__name__, call.__doc__ = function.__name__, function.__doc__
    return call


def _error(answer: httpx.Response) -> str:
    try:
        return str(answer.json()["error"])
    except (ValueError, KeyError, TypeError):
        return f"{answer.status_code} {answer.text[:500]}"


class RemoteClock:
    """A tenant's clock kept by the world that runs it: `now` and `advance` ask it over HTTP."""

    def __init__(self, world: RemoteFront, tenant_id: str) -> None:
        self._world, self._tenant_id = world, tenant_id

    def now(self) -> float:
        return self._world.clock(self._tenant_id)["now"]

    def advance(self, seconds: float) -> None:
        self._world.advance_clock(self._tenant_id, float(seconds))
