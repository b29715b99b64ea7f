"""Small builders for the mock services' web pages: real HTML that a browser and the reference
clients' web view render the same way. Every field has a <label>; errors have role="alert"."""

from __future__ import annotations

from html import escape


def page(title: str, heading: str, *parts: str) -> str:
    body = "\n".join(parts)
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title></head>\n<body><main><h1>{escape(heading)}</h1>\n{body}\n</main></body></html>"
    )


def text(message: str) -> str:
    return f"<p>{escape(message)}</p>"


def alert(message: str, code: str = "") -> str:
    data = f' data-error-code="{escape(code)}"' if code else ""
    return f'<div id="error" role="alert"{data}>{escape(message)}</div>' if message else ""


def field(name: str, label: str, value: str = "", kind: str = "text", autocomplete: str = "") -> str:
    extra = f' autocomplete="{escape(autocomplete)}"' if autocomplete else ""
    return (
        f'<label for="{escape(name)}">{escape(label)}</label>'
        f'<input id="{escape(name)}" name="{escape(name)}" type="{kind}" value="{escape(value)}"'
        f' aria-label="{escape(label)}"{extra}>'
    )


def hidden(name: str, value: str) -> str:
    return f'<input type="hidden" name="{escape(name)}" value="{escape(value)}">'


def button(label: str, name: str = "action") -> str:
    return f'<button type="submit" name="{escape(name)}" value="{escape(label)}">{escape(label)}</button>'


def form(action: str, *parts: str, auto_submit: bool = False) -> str:
    """A POST form; `auto_submit` posts itself on load, with a button for clients without scripts."""
    script = "<script>document.forms[0].submit()</script>" if auto_submit else ""
    return f'<form method="post" action="{escape(action)}">{"".join(parts)}</form>{script}'
