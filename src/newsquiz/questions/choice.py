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
    feedback = choice_feedback(r, got, choices, (answer,), single=True)
    if feedback is None:
        return None
    return lambda c: ChoiceQuestion(**c, choices=choices, answer=answer, feedback=feedback)


def choice_feedback(
    r: TreeReader, got: Fields, choices: tuple[str, ...], answers: tuple[str, ...], *, single: bool
) -> dict[str, str] | None:
    """The feedback by choice (choice and multi questions), once every answer is a choice.

    None after an error on the answer; the one of a ``single`` answer lists the choices.
    """
    offered = set(choices)
    missing = [a for a in answers if a not in offered]
    if not missing:
        return r.feedback(got.get("feedback"), choices)
    if single:
        listed = ", ".join("`" + show(c, 30) + "`" for c in choices)
        r.keyed(got["answer"], "loader.not_a_choice", answer=show(missing[0]), choices=listed)
    else:
        r.keyed(got["answer"], "loader.answer_not_choice", answer=show(missing[0]))
    return None


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
