"""French typography on screen, and text wrapped without splitting words.

French puts a space inside « » and before ? ! : ; (and %), and that space must
never start or end a line: `les «⏎chefs` and `à Moscou⏎?` are wrong. rich wraps
at every Unicode space, no-break ones included, so the spaces to keep are
written as two private-use characters while rich lays out the text, and turned
into no-break spaces (or plain spaces, in plain mode) as the text is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, TextIO

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
# Stand-ins that rich treats as letters (one cell wide), so it never breaks there.
KEEP_NBSP = "\ue000"
KEEP_NARROW = "\ue001"
# The same for spaces that stay what they are: a no-break space in the text, and the
# space between a number and its unit or percent sign (`20 s`, `3 min`, `2 pts`).
KEEP_REAL_NBSP = "\ue002"
KEEP_REAL_NARROW = "\ue003"
KEEP_SPACE = "\ue004"
_HELD = str.maketrans({NBSP: KEEP_REAL_NBSP, NARROW_NBSP: KEEP_REAL_NARROW})
_UNIT_SPACE = re.compile(r"(?<=[0-9]) (?=(?:%|s|min|pts?)(?![^\W_]))")

_SPACES = "[ \u00a0\u202f]"
_BEFORE_NARROW = re.compile(_SPACES + r"+(?=[?!;])")
_BEFORE_WIDE = re.compile(_SPACES + r"+(?=[:»%])")
_AFTER_OPENING = re.compile(r"(?<=«)" + _SPACES + r"+")
_OPENING = "«“\"'‘"
_CLOSING = "»”\"'’"


def french_spacing(text: str, *, wide: str = KEEP_NBSP, narrow: str = KEEP_NARROW) -> str:
    """The spaces inside « » and before ? ! ; : % made unbreakable (one each)."""
    text = _BEFORE_NARROW.sub(narrow, text)
    text = _BEFORE_WIDE.sub(wide, text)
    return _AFTER_OPENING.sub(wide, text)


def unbreakable(text: str) -> str:
    """No-break spaces, and the space between a number and its unit, as stand-ins
    (one character for one) that no line is broken at, in plain output too."""
    return _UNIT_SPACE.sub(KEEP_SPACE, text).translate(_HELD)


def breakable_words(text: str) -> list[str]:
    """The words of ``text`` between the spaces a line may break at (not no-break ones)."""
    return [word for word in re.split(r"[ \t\n\r\f\v]+", text) if word]


def for_screen(text: str) -> str:
    """French spacing with real no-break spaces, for prompts rich does not draw."""
    return french_spacing(text, wide=NBSP, narrow=NARROW_NBSP)


def unquoted(quote: str) -> str:
    """A quote without the quotation marks it already has (``« Je suis … »``), so
    that the marks put around it are not doubled."""
    text = quote.strip()
    if len(text) >= 2 and text[0] in _OPENING and text[-1] in _CLOSING:
        inner = text[1:-1]
        if not any(mark in inner for mark in "«»“”"):
            return inner.strip()
    return quote


class KeptSpaces:
    """A stream that writes the stand-ins as the spaces they stand for."""

    def __init__(self, stream: TextIO, *, plain: bool) -> None:
        self._stream = stream
        wide, narrow = (" ", " ") if plain else (NBSP, NARROW_NBSP)
        self._table = str.maketrans(
            {
                KEEP_NBSP: wide,
                KEEP_NARROW: narrow,
                KEEP_REAL_NBSP: NBSP,
                KEEP_REAL_NARROW: NARROW_NBSP,
                KEEP_SPACE: " ",
            }
        )

    def write(self, text: str) -> int:
        self._stream.write(text.translate(self._table))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def wrap_words(text: str, width: int, indent: str = "") -> str:
    """Lines of at most ``width`` characters, broken between words only (a word
    longer than the line stays whole); lines after the first start with ``indent``."""
    lines = word_lines(text.split(" "), width, width - len(indent))
    return ("\n" + indent).join(lines)


def word_lines(
    words: Iterable[str], first: int, rest: int, measure: Callable[[str], int] = len
) -> list[str]:
    """The words, one space apart, in lines of at most ``first`` (the first line) or
    ``rest`` (the others) as ``measure`` counts; a word longer than its line stays whole."""
    lines: list[str] = []
    line = ""
    for word in words:
        limit = rest if lines else first
        if line and measure(line) + 1 + measure(word) > limit:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return lines
