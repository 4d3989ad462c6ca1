"""Cloze questions: a text with gaps to fill in."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsquiz.cloze_text import ClozeProblem, split_cloze
from newsquiz.grades import Grade, credit, finish, share, skipped
from newsquiz.model import (
    Blank,
    ClozeQuestion,
)
from newsquiz.text import TextMatch, match_text
from newsquiz.yaml_nodes import Node, show

if TYPE_CHECKING:
    from newsquiz.questions.common import Build
    from newsquiz.tree_reader import Fields, TreeReader


def read(r: TreeReader, got: Fields) -> Build | None:
    text_value = r.text(got["text"], "the cloze text")
    exact = r.match_mode(got.get("match"))
    if text_value is None or exact is None:
        return None
    segments = _segments(r, got["text"], text_value)
    if segments is None:
        return None
    return lambda c: ClozeQuestion(**c, text=text_value, segments=segments, exact=exact)


def _segments(r: TreeReader, node: Node, text: str) -> tuple[str | Blank, ...] | None:
    found = split_cloze(text)
    if not isinstance(found, ClozeProblem):
        return found
    if found.kind == "empty_answer":
        r.keyed(node, "loader.cloze_empty_answer", blank=show(found.written, 30))
    elif found.kind == "no_blank":
        r.keyed(node, "loader.cloze_no_blank")
    else:
        r.keyed(node, "loader.cloze_unbalanced")
    return None


def _match_blank(blank: Blank, typed: str | None, *, exact: bool) -> TextMatch:
    if typed is None:
        return TextMatch(accepted=False)
    return match_text(blank.answers, typed, exact=exact)


def grade_cloze(
    question: ClozeQuestion, response: Sequence[str] | None, *, hint_used: bool = False
) -> Grade:
    """Share of blanks right, each matched like a short answer."""
    blanks = question.blanks
    if response is None:
        return skipped(question, len(blanks))
    typed = list(response)[: len(blanks)]
    padded: list[str | None] = [*typed, *([None] * (len(blanks) - len(typed)))]
    results = [
        _match_blank(blank, text, exact=question.exact)
        for blank, text in zip(blanks, padded, strict=True)
    ]
    parts = tuple(r.accepted for r in results)
    return finish(
        question,
        credit(share(sum(parts), len(parts)), partial=question.partial),
        hint_used=hint_used,
        parts=parts,
        near_misses=tuple(r.near_miss for r in results),
        accents=tuple(r.accents for r in results),
    )
