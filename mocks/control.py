"""How a mock's front is reached over HTTP. Each mock package exports one front class whose methods
are its named controls and inspections, with plain data in and out; `@control(method, path)`
says where one is reached under the world's control host. mocks/world_api.py serves every declared
method there and mocks/remote.py calls them from another process, both from these declarations, so
the two cannot drift apart.

On the wire: the path names some arguments; the others come as a JSON object (POST, PUT) or as the
query (GET, DELETE), each under its parameter's name (`from_` is `from`); `body=` gives one
argument the whole JSON body. The answer is the result as JSON; mocks/codecs.py says how values
of richer types (a tenant, an e-mail) travel, and which status each error is.
"""

from __future__ import annotations

import inspect
import re
import typing
from dataclasses import dataclass

READS = ("GET", "DELETE")  # arguments in the query; the other methods take a JSON body


@dataclass(frozen=True)
class Control:
    method: str
    path: str
    status: int = 200
    body: str = ""  # the argument that takes the whole JSON body

    def path_names(self) -> list[str]:
        return re.findall(r"\{(\w+)\}", self.path)


def control(method: str, path: str, *, status: int = 200, body: str = ""):
    """Declares a front method as reachable at `method path` under the world's control host."""

    def declare(function):
        function.control = Control(method, path, status, body)
        return function

    return declare


def controls(front: type) -> dict[str, Control]:
    """A front class's declared methods by name, in the order the class defines them."""
    return {name: f.control for name, f in vars(front).items() if callable(f) and hasattr(f, "control")}


def key_of(name: str) -> str:
    """The JSON or query name of a parameter: `from_` (a Python keyword's stand-in) is `from`."""
    return name.rstrip("_")


def parameters(function) -> dict[str, tuple[inspect.Parameter, object]]:
    """A front method's parameters by wire name, each with its type."""
    hints = typing.get_type_hints(function)
    found = [p for p in inspect.signature(function).parameters.values() if p.name != "self"]
    return {key_of(p.name): (p, hints.get(p.name, str)) for p in found}


def returns(function):
    return typing.get_type_hints(function).get("return")
