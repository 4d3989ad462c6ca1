"""Splitting a cloze text into its words and blanks, in one pass.

A blank is written ``{{answer}}`` or ``{{answer|other accepted}}``. The scan
looks for each ``{{`` and the ``}}`` after it with ``str.find`` from where the
previous one stopped, so it reads the text once whatever it holds: a lazy
regular expression over ``{{{{{{…`` with no ``}}`` would start again at every
brace and take minutes.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsquiz.model import Blank

OPEN = "{{"
CLOSE = "}}"


@dataclass(frozen=True)
class ClozeProblem:
    """Why a cloze text cannot be read; ``offset`` is where in the text it starts."""

    kind: str  # "unclosed", "stray_close", "nested", "empty_answer", "no_blank"
    offset: int
    written: str = ""


def split_cloze(text: str) -> tuple[str | Blank, ...] | ClozeProblem:
    """The text's segments (words and blanks, no empty words), or the first problem."""
    segments: list[str | Blank] = []
    position = 0
    while True:
        start = text.find(OPEN, position)
        before = text[position:] if start < 0 else text[position:start]
        stray = before.find(CLOSE)
        if stray >= 0:
            return ClozeProblem("stray_close", position + stray)
        if before:
            segments.append(before)
        if start < 0:
            break
        end = text.find(CLOSE, start + len(OPEN))
        if end < 0:
            return ClozeProblem("unclosed", start)
        inside = text[start + len(OPEN) : end]
        if OPEN in inside:
            return ClozeProblem("nested", start)
        answers = tuple(answer.strip() for answer in inside.split("|"))
        if not all(answers):
            return ClozeProblem("empty_answer", start, inside)
        segments.append(Blank(answers))
        position = end + len(CLOSE)
    if not any(isinstance(segment, Blank) for segment in segments):
        return ClozeProblem("no_blank", 0)
    return tuple(segments)
