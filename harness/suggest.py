"""Names the nearest known steps when a feature uses a step nobody defined."""

from __future__ import annotations

import difflib

from pytest_bdd.steps import step_function_context_registry


def known_steps() -> list[tuple[str, str]]:
    """(keyword, text) of every step definition loaded, e.g. ("when", "the user clicks {button}")."""
    found = {(ctx.type or "step", ctx.parser.name) for ctx in list(step_function_context_registry.values())}
    return sorted(found)


def nearest_steps(text: str, how_many: int = 3) -> list[str]:
    texts = {name: f"{kind.capitalize()} {name}" for kind, name in known_steps()}
    close = difflib.get_close_matches(text, list(texts), n=how_many, cutoff=0.3)
    return [texts[name] for name in close]


def undefined_step_message(keyword: str, text: str, feature_file: str, line: int) -> str:
    lines = [f"{feature_file}:{line}: no step definition matches: {keyword} {text}"]
    suggestions = nearest_steps(text)
    if suggestions:
        lines.append("Nearest known steps:")
        lines += [f"  {s}" for s in suggestions]
    lines.append("See the step catalogue (make steps, or docs/steps.md) for every step you can use.")
    return "\n".join(lines)
