"""Number questions: a typed number, right within the tolerance."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsquiz.grades import Grade, finish, skipped
from newsquiz.model import NumberQuestion
from newsquiz.reading import parse_number

if TYPE_CHECKING:
    from newsquiz.questions.common import Build
    from newsquiz.tree_reader import Fields, TreeReader


def read(r: TreeReader, got: Fields) -> Build | None:
    value = r.number(got["answer"], "the answer")
    tolerance = r.number(got["tolerance"], "tolerance") if "tolerance" in got else 0.0
    unit = r.text(got["unit"], "the unit") if "unit" in got else None
    if tolerance is not None and tolerance < 0:
        r.keyed(got["tolerance"], "loader.negative_tolerance")
        return None
    if value is None or tolerance is None or ("unit" in got and unit is None):
        return None
    return lambda c: NumberQuestion(**c, answer=value, tolerance=tolerance, unit=unit)


def grade_number(
    question: NumberQuestion, response: str | None, *, hint_used: bool = False
) -> Grade:
    """Right when within ``tolerance``; unreadable text earns 0."""
    if response is None:
        return skipped(question)
    value = parse_number(response, unit=question.unit)
    if value is None:
        return finish(question, 0.0, hint_used=hint_used)
    slack = 1e-9 * max(1.0, abs(question.answer))
    right = abs(value - question.answer) <= question.tolerance + slack
    return finish(question, 1.0 if right else 0.0, hint_used=hint_used)
