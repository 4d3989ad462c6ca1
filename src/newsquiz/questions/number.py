"""Number questions: a typed number, right within the tolerance."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsquiz.model import NumberQuestion

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
