"""Choice questions: one right answer among the choices."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsquiz import fields as F
from newsquiz.grades import Grade, grade_pick, skipped
from newsquiz.model import ChoiceQuestion
from newsquiz.yaml_nodes import show

if TYPE_CHECKING:
    from newsquiz.questions.common import Build
    from newsquiz.tree_reader import Fields, TreeReader


def read(r: TreeReader, got: Fields) -> Build | None:
    choices = r.unique_texts(got["choices"], "choices", F.MIN_CHOICES)
    if choices is None:
        return None
    answer = r.text(got["answer"], "the answer")
    if answer is None:
        return None
    if answer not in choices:
        listed = ", ".join("`" + show(c, 30) + "`" for c in choices)
        r.keyed(got["answer"], "loader.not_a_choice", answer=show(answer), choices=listed)
        return None
    feedback = r.feedback(got.get("feedback"), choices)
    if feedback is None:
        return None
    return lambda c: ChoiceQuestion(**c, choices=choices, answer=answer, feedback=feedback)


def grade_choice(
    question: ChoiceQuestion,
    response: str | None,
    *,
    hint_used: bool = False,
    negative: bool = False,
) -> Grade:
    """All or nothing; with ``negative``, a wrong pick costs points/(choices - 1)."""
    if response is None:
        return skipped(question)
    return grade_pick(
        question,
        response == question.answer,
        len(question.choices),
        hint_used=hint_used,
        negative=negative,
    )
