"""Multi questions: every right answer among the choices (select all that apply)."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from newsquiz import fields as F
from newsquiz.grades import Grade, credit, finish, skipped
from newsquiz.model import MultiQuestion
from newsquiz.questions.choice import choice_feedback

if TYPE_CHECKING:
    from newsquiz.questions.common import Build
    from newsquiz.tree_reader import Fields, TreeReader


def read(r: TreeReader, got: Fields) -> Build | None:
    choices = r.unique_texts(got["choices"], "choices", F.MIN_CHOICES)
    if choices is None:
        return None
    answers = r.texts(got["answer"], "the answer", single_ok=True)
    if answers is None:
        return None
    if not answers:
        r.keyed(got["answer"], "loader.no_answer")
        return None
    if r.check_unique(got["answer"], answers, "the answer") is None:
        return None
    feedback = choice_feedback(r, got, choices, answers, single=False)
    if feedback is None:
        return None
    return lambda c: MultiQuestion(**c, choices=choices, answers=answers, feedback=feedback)


def grade_multi(
    question: MultiQuestion, response: Collection[str] | None, *, hint_used: bool = False
) -> Grade:
    """(right picks - wrong picks) / right choices, floored at 0."""
    if response is None:
        return skipped(question, len(question.choices))
    picks = set(response)
    answers = set(question.answers)
    right, wrong = len(picks & answers), len(picks - answers)
    parts = tuple((choice in picks) == (choice in answers) for choice in question.choices)
    if not answers:
        # Nothing to tick: only leaving every box empty is right.
        return finish(question, float(wrong == 0), hint_used=hint_used, parts=parts)
    fraction = credit(max(0, right - wrong) / len(answers), partial=question.partial)
    return finish(question, fraction, hint_used=hint_used, parts=parts)
