"""True/false questions: a statement to judge."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsquiz.grades import Grade, grade_pick
from newsquiz.model import TrueFalseQuestion

if TYPE_CHECKING:
    from newsquiz.questions.common import Build
    from newsquiz.tree_reader import Fields, TreeReader


def read(r: TreeReader, got: Fields) -> Build | None:
    truth = r.boolean(got["answer"], "the answer of a truefalse question")
    if truth is None:
        return None
    return lambda c: TrueFalseQuestion(**c, answer=truth)


def grade_truefalse(
    question: TrueFalseQuestion,
    response: bool | None,
    *,
    hint_used: bool = False,
    negative: bool = False,
) -> Grade:
    """All or nothing; with ``negative``, a wrong pick costs the full points."""
    right = None if response is None else response is question.answer
    return grade_pick(question, right, 2, hint_used=hint_used, negative=negative)
