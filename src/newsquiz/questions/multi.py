"""Multi questions: every right answer among the choices (select all that apply)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsquiz import fields as F
from newsquiz.model import MultiQuestion
from newsquiz.yaml_tree import show

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
    offered = set(choices)
    missing = [a for a in answers if a not in offered]
    if missing:
        r.keyed(got["answer"], "loader.answer_not_choice", answer=show(missing[0]))
        return None
    feedback = r.feedback(got.get("feedback"), choices)
    if feedback is None:
        return None
    return lambda c: MultiQuestion(**c, choices=choices, answers=answers, feedback=feedback)
