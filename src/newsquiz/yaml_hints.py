"""The YAML mistakes teachers make, explained in plain words with what to write instead.

Each hint looks only at the line PyYAML points to (and the line a quote or
bracket was opened on), with plain string scans: no regular expression runs
over the teacher's text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hint:
    key: str
    values: tuple[tuple[str, str], ...]


def explain(
    text: str, line: int, problem: str, context: str, opened_line: int | None
) -> Hint | None:
    """A hint for a YAML error at ``line`` (0-based), or None when none fits."""
    lines = text.split("\n")
    written = lines[line] if 0 <= line < len(lines) else ""
    if "\t" in written[: len(written) - len(written.lstrip())] or "tab" in problem:
        return Hint(
            "yaml.tab",
            (("line", _shown(written)), ("fixed", _shown(written.replace("\t", "    ")))),
        )
    if "quoted scalar" in context and opened_line is not None:
        opened = lines[opened_line] if opened_line < len(lines) else ""
        return Hint(
            "yaml.unclosed_quote", (("opened", str(opened_line + 1)), ("line", _shown(opened)))
        )
    if "flow sequence" in context or "flow mapping" in context:
        where = opened_line if opened_line is not None else line
        closing = "]" if "sequence" in context else "}"
        opened = lines[where] if where < len(lines) else ""
        return Hint(
            "yaml.unclosed_bracket",
            (("opened", str(where + 1)), ("line", _shown(opened)), ("closing", closing)),
        )
    fixed = _quoted_value(written)
    if fixed is not None and ("mapping values" in problem or "expected" in problem):
        return Hint(
            "yaml.colon", (("line", _shown(written.strip())), ("fixed", _shown(fixed.strip())))
        )
    if "expected" in problem or "mapping values" in problem or "block end" in problem:
        return Hint("yaml.indent", (("line", _shown(written)),))
    return None


def _quoted_value(written: str) -> str | None:
    """`  prompt: Vrai ou faux : …` -> `  prompt: "Vrai ou faux : …"` when the value has `: ` or ` #`."""
    key_end = written.find(": ")
    if key_end < 0:
        return None
    value = written[key_end + 2 :].strip()
    if not value or value[0] in "\"'[{|>":
        return None
    if ": " not in value and " #" not in value and not value.endswith(":"):
        return None
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'{written[: key_end + 2]}"{escaped}"'


def comment_warnings(text: str) -> list[tuple[int, Hint]]:
    """Prose cut short by ` #`: YAML takes the rest of the line as a comment, silently."""
    found = []
    for number, written in enumerate(text.split("\n")):
        stripped = written.strip()
        key_end = stripped.find(": ")
        if key_end < 0 or stripped[:key_end].lstrip("- ") not in _PROSE:
            continue
        value = stripped[key_end + 2 :]
        cut = value.find(" #")
        if cut > 0 and value[:1] not in "\"'" and "  #" not in value:
            fixed = _quoted_value(written)
            if fixed is not None:
                found.append(
                    (
                        number,
                        Hint(
                            "yaml.comment",
                            (("line", _shown(stripped)), ("fixed", _shown(fixed.strip()))),
                        ),
                    )
                )
    return found


_PROSE = frozenset(
    {"prompt", "explanation", "hint", "context", "title", "description", "text", "answer"}
)


def _shown(line: str, limit: int = 60) -> str:
    cleaned = "".join(c if c.isprintable() or c == "\t" else "?" for c in line).replace("\t", "→")
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"
