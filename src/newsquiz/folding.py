"""How two wordings are compared: case, accents, quote marks, apostrophes and spacing folded."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_APOSTROPHES = "’ʼ‘`´"
_QUOTE_MARKS = '«»“”„‟"‹›'


def fold(text: str) -> str:
    """Lower case, no accents, one apostrophe, no quote marks, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept: list[str] = []
    for char in decomposed:
        if unicodedata.combining(char):
            continue
        if char in _APOSTROPHES:
            char = "'"
        elif char in _QUOTE_MARKS or char.isspace():
            char = " "
        kept.append(char)
    return " ".join("".join(kept).split())


@dataclass(frozen=True)
class Word:
    folded: str
    start: int
    end: int


def words(text: str) -> list[Word]:
    """The words of a text (split at spaces and quote marks), folded, with their offsets."""
    found: list[Word] = []
    start: int | None = None
    for index, char in enumerate(text + " "):
        breaks = char.isspace() or char in _QUOTE_MARKS
        if breaks and start is not None:
            folded = fold(text[start:index])
            if folded:
                found.append(Word(folded, start, index))
            start = None
        elif not breaks and start is None:
            start = index
    return found
