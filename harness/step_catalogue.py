"""`make steps`: every step a feature file can use, with an example and the requirements using it.

Generated from the step definitions and the features themselves, so it is always current.
"""

from __future__ import annotations

import importlib
from collections import defaultdict
from pathlib import Path

import lxml.html
from lxml.html import builder as E
from pytest_bdd.parser import FeatureParser
from pytest_bdd.steps import step_function_context_registry

from harness import SCENARIO_PLUGINS
from harness.catalogue import req_ids_of_tags

FEATURES = Path(__file__).resolve().parents[1] / "features"


def step_modules() -> list:
    return [importlib.import_module(name) for name in SCENARIO_PLUGINS if name.startswith("steps.")]


def step_contexts() -> list:
    step_modules()  # importing them registers their steps
    ours = [c for c in step_function_context_registry.values() if c.step_func.__module__.startswith("steps.")]
    return sorted(ours, key=lambda c: (c.step_func.__module__, c.parser.name))


def scenario_steps(features: Path = FEATURES):
    """(step, requirement IDs, feature path) for every step of every scenario."""
    for path in sorted(features.rglob("*.feature")):
        feature = FeatureParser(str(features), str(path.relative_to(features))).parse()
        for template in feature.scenarios.values():
            tags = template.tags | feature.tags | (template.rule.tags if template.rule else set())
            examples = [row for table in template.examples for row in table.as_contexts()] or [{}]
            for example in examples:  # an outline's steps as each example row renders them
                for step in template.render(example).steps:
                    yield step, req_ids_of_tags(tags), path.relative_to(features.parent)


def usage(contexts: list) -> dict[int, dict]:
    used: dict[int, dict] = defaultdict(lambda: {"example": "", "reqs": set()})
    for step, reqs, where in scenario_steps():
        for ctx in contexts:
            if ctx.type in (None, step.type) and ctx.parser.is_matching(step.name):
                entry = used[id(ctx)]
                entry["example"] = entry["example"] or f"{step.keyword} {step.name}  ({where}:{step.line_number})"
                entry["reqs"].update(reqs)
    return used


def parameter_types() -> dict[str, str]:
    """The custom parameter types the step modules declare (`EXTRA_TYPES`), by name."""
    found = {}
    for module in step_modules():
        types = getattr(module, "EXTRA_TYPES", {})
        found |= {name: converter.pattern for name, converter in types.items()}
    return found


def entries() -> list[tuple[str, str, str, str, str, list[str]]]:
    """(step module, what it covers, kind, step text, an example, requirement IDs) per step."""
    contexts = step_contexts()
    used = usage(contexts)
    found = []
    for ctx in contexts:
        module = ctx.step_func.__module__
        entry = used.get(id(ctx), {"example": "", "reqs": set()})
        kind = (ctx.type or "step").capitalize()
        doc = importlib.import_module(module).__doc__.strip()
        found.append(
            (module.removeprefix("steps."), doc, kind, ctx.parser.name, entry["example"], sorted(entry["reqs"]))
        )
    return found


INTRO = [
    "Every step a `.feature` file can use. `{name}` is a parameter;",
    "`{name:d}` a whole number; `{name:Type}` one of these:",
]


def as_markdown() -> str:
    lines = ["# Step catalogue", "", INTRO[0], "", INTRO[1], ""]
    lines += [f"- `{name}`: `{pattern}`" for name, pattern in parameter_types().items()]
    module = None
    for where, doc, kind, text, example, reqs in entries():
        if where != module:
            module = where
            lines += ["", f"## {where}: {doc}", ""]
        lines.append(f"- **{kind}** {text}")
        if example:
            lines.append(f"  - e.g. `{example}`")
        lines.append(f"  - requirements: {', '.join(reqs) or 'none yet'}")
    return "\n".join(lines) + "\n"


def as_html() -> str:
    """The same catalogue as one page, for the HTML report (written beside the Allure report)."""
    body = [E.H1("Step catalogue"), E.P(INTRO[0].replace("`", "") + " " + INTRO[1].replace("`", ""))]
    body.append(E.UL(*[E.LI(E.CODE(name), ": ", E.CODE(pattern)) for name, pattern in parameter_types().items()]))
    module, steps = None, None
    for where, doc, kind, text, example, reqs in entries():
        if where != module:
            module, steps = where, E.UL()
            body += [E.H2(f"{where}: {doc}"), steps]
        details = [E.LI("e.g. ", E.CODE(example))] if example else []
        details.append(E.LI(f"requirements: {', '.join(reqs) or 'none yet'}"))
        steps.append(E.LI(E.STRONG(kind), f" {text}", E.UL(*details)))
    page = E.HTML(E.HEAD(E.META(charset="utf-8"), E.TITLE("Step catalogue")), E.BODY(*body))
    return "<!DOCTYPE html>\n" + lxml.html.tostring(page, encoding="unicode", pretty_print=True)


if __name__ == "__main__":
    print(as_markdown(), end="")
