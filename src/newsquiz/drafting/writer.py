"""Drafts written out as a bank in YAML, every text in double quotes.

Quoting every text keeps `Vrai ou faux : …`, `# 1` or `No` from being read as
anything but text, and shows teachers the form that is always safe.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t"}


def quoted(text: str) -> str:
    return '"' + "".join(_ESCAPES.get(c, c) for c in text) + '"'


def scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return quoted(str(value))


def field_lines(name: str, value: object, indent: str) -> list[str]:
    """One field of a question (or of the bank), as YAML lines."""
    if isinstance(value, Mapping):
        lines = [f"{indent}{name}:"]
        lines += [f"{indent}  {quoted(str(k))}: {scalar(v)}" for k, v in value.items()]
        return lines
    if isinstance(value, Sequence) and not isinstance(value, str):
        return [f"{indent}{name}:"] + [f"{indent}  - {scalar(v)}" for v in value]
    return [f"{indent}{name}: {scalar(value)}"]


def question_lines(fields: Mapping[str, object]) -> list[str]:
    lines: list[str] = []
    for index, (name, value) in enumerate(fields.items()):
        indent = "  - " if index == 0 else "    "
        plain = name in ("id", "type") and isinstance(value, str)
        written = [f"    {name}: {value}"] if plain else field_lines(name, value, "    ")
        written[0] = indent + written[0].lstrip()
        lines += written
    return lines
