"""Choice questions: one right answer among the choices."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsquiz import fields as F
from newsquiz.model import ChoiceQuestion
from newsquiz.yaml_tree import show

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
