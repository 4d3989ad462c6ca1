"""Date questions: a typed date, to the precision the answer is written with."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from newsquiz.date_credit import date_credit, parse_duration, tolerance_fits
from newsquiz.grades import Grade, finish, skipped
from newsquiz.model import (
    DatePrecision,
    DateQuestion,
    Duration,
)
from newsquiz.reading import parse_date
from newsquiz.yaml_nodes import Scalar, describe

if TYPE_CHECKING:
    from newsquiz.questions.common import Build
    from newsquiz.tree_reader import Fields, TreeReader


# The message for a tolerance finer than the answer, by the tolerance's unit.
_FINER = {
    DatePrecision.DAY: "loader.tolerance_in_days",
    DatePrecision.MONTH: "loader.tolerance_in_months",
    DatePrecision.YEAR: "loader.tolerance_in_years",
}


def read(r: TreeReader, got: Fields) -> Build | None:
    when = r.partial_date(got["answer"], "the answer")
    tolerance = _tolerance(r, got) if "tolerance" in got else None
    if when is None or tolerance is False:
        return None
    within = tolerance if isinstance(tolerance, Duration) else None

    def build(common: dict[str, Any]) -> DateQuestion | None:
        # Checked once the whole question is right: a tolerance as wide as the
        # answer's precision would accept any date.
        if within is not None and not tolerance_fits(when, within):
            r.keyed(got["tolerance"], _FINER[within.unit], answer=when.isoformat())
            return None
        return DateQuestion(**common, answer=when, tolerance=within)

    return build


def _tolerance(r: TreeReader, got: Fields) -> Duration | Literal[False]:
    """The tolerance written, or False after reporting that it cannot be read."""
    node = got["tolerance"]
    written = node.value if isinstance(node, Scalar) else ""
    found = parse_duration(written)
    if found is None:
        r.keyed(node, "loader.tolerance_bad", found=describe(node))
        return False
    return found


def grade_date(question: DateQuestion, response: str | None, *, hint_used: bool = False) -> Grade:
    """Graded at the answer's precision; see :mod:`newsquiz.date_credit`."""
    answer_parts = {DatePrecision.YEAR: 1, DatePrecision.MONTH: 2, DatePrecision.DAY: 3}
    if response is None:
        return skipped(question, answer_parts[question.answer.precision])
    parsed = parse_date(response)
    if parsed is None:
        return finish(
            question,
            0.0,
            hint_used=hint_used,
            parts=(False,) * answer_parts[question.answer.precision],
        )
    fraction, parts = date_credit(
        question.answer, parsed, tolerance=question.tolerance, partial=question.partial
    )
    return finish(question, fraction, hint_used=hint_used, parts=parts)
