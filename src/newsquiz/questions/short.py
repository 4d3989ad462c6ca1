"""Short questions: a short typed answer, or one of the accepted variants."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsquiz.grades import Grade, finish, skipped
from newsquiz.model import ShortQuestion
from newsquiz.text import match_text

if TYPE_CHECKING:
    from newsquiz.questions.common import Build
    from newsquiz.tree_reader import Fields, TreeReader


def read(r: TreeReader, got: Fields) -> Build | None:
    text = r.text(got["answer"], "the answer")
    accept = r.texts(got["accept"], "accept", single_ok=True) if "accept" in got else ()
    exact = r.match_mode(got.get("match"))
    if text is None or accept is None or exact is None:
        return None
    strict: bool = exact
    return lambda c: ShortQuestion(**c, answer=text, accept=accept, exact=strict)


def grade_short(question: ShortQuestion, response: str | None, *, hint_used: bool = False) -> Grade:
    """Accepted against the answer and ``accept`` entries, see :func:`match_text`."""
    if response is None:
        return skipped(question)
    result = match_text((question.answer, *question.accept), response, exact=question.exact)
    return finish(
        question,
        1.0 if result.accepted else 0.0,
        hint_used=hint_used,
        near_miss=result.near_miss,
        accents=(result.accents,),
    )
