"""True/false questions: a statement to judge."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsquiz.model import TrueFalseQuestion

if TYPE_CHECKING:
    from newsquiz.questions.common import Build
    from newsquiz.tree_reader import Fields, TreeReader


def read(r: TreeReader, got: Fields) -> Build | None:
    truth = r.boolean(got["answer"], "the answer of a truefalse question")
    if truth is None:
        return None
    return lambda c: TrueFalseQuestion(**c, answer=truth)
