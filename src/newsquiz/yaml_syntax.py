"""PyYAML's syntax errors said by message key, in the reader's language.

PyYAML (and libyaml under it) explains a syntax error in English: a ``problem``
(`found unexpected end of stream`) and a ``context`` (`while scanning a quoted
scalar`). Those words never reach a teacher: each common kind of mistake has a
key of the catalogue (``yaml_syntax.<kind>``), and anything else the generic
``loader.yaml_syntax``. The line and column stay those of the problem. Only short
strings from PyYAML are searched, never the teacher's text.
"""

from __future__ import annotations

from newsquiz.visible import visible

GENERIC = "loader.yaml_syntax"
# Mistakes the hints of yaml_hints do not know: said by these keys even in a bank.
SPECIFIC = frozenset(
    f"yaml_syntax.{kind}"
    for kind in ("escape", "anchor", "tag", "directive", "block_text", "character")
)

# (words in the problem, words in the context, kind): the first that matches wins.
# The words are those of libyaml and of PyYAML's pure-Python parser.
_KINDS: tuple[tuple[str, str, str], ...] = (
    ("tab", "", "tab"),
    ("'\\t'", "", "tab"),
    ("escape", "", "escape"),
    ("hexdecimal", "quoted scalar", "escape"),
    ("", "quoted scalar", "unclosed_quote"),
    ("", "flow sequence", "unclosed_bracket"),
    ("", "flow mapping", "unclosed_bracket"),
    ("mapping values", "", "colon"),
    ("unexpected ':'", "", "colon"),
    ("cannot start any token", "", "character"),
    ("", "anchor", "anchor"),
    ("", "alias", "anchor"),
    ("", "tag", "tag"),
    ("tag", "", "tag"),
    ("", "directive", "directive"),
    ("directive", "", "directive"),
    ("incompatible YAML document", "", "directive"),
    ("", "block scalar", "block_text"),
    ("", "simple key", "key"),
    ("expected ':'", "", "key"),
    ("document", "", "document"),
    ("expected", "block", "indent"),
    ("expected key", "", "indent"),
    ("'-' indicator", "", "indent"),
    ("block end", "", "indent"),
    ("node content", "", "indent"),
)

# Every kind, for the catalogue's checks: each has a key `yaml_syntax.<kind>`.
KINDS = frozenset(kind for _, _, kind in _KINDS)


def syntax_key(
    problem: str, context: str, character: str
) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The key and values that say a syntax error; ``character`` is the one at its mark."""
    if character == "\t":
        return "yaml_syntax.tab", ()
    for in_problem, in_context, kind in _KINDS:
        if in_problem in problem and in_context in context:
            if kind == "character":
                shown = visible(character) if character.strip() else "?"
                return "yaml_syntax.character", (("character", shown),)
            return f"yaml_syntax.{kind}", ()
    return GENERIC, ()


def character_at(text: str, line: int, column: int) -> str:
    """The character at a mark (0-based line and column), or "" past the end."""
    start = 0
    for _ in range(line):
        start = text.find("\n", start) + 1
        if start == 0:
            return ""
    end = text.find("\n", start)
    written = text[start:] if end < 0 else text[start:end]
    return written[column] if 0 <= column < len(written) else ""
