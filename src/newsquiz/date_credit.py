"""How much of a date question a readable date earns.

Pure functions of the answer, the response, the question's ``tolerance`` and
``partial`` setting; :mod:`newsquiz.grading` reads the learner's text and calls
:func:`date_credit`.

The default rule gives half only for the finest unit missed: on a day question,
the right month and year with a wrong (or missing) day; on a month question, the
right year with a wrong (or missing) month. A year question has no half credit.
``partial: false`` turns the half off. Within ``tolerance`` of the answer
(``2 days``, ``1 month``, ``3 years``), a response earns full credit.
"""

from __future__ import annotations

import datetime as dt
import re

from newsquiz.model import DatePrecision, Duration, PartialDate

_RANK = {DatePrecision.YEAR: 0, DatePrecision.MONTH: 1, DatePrecision.DAY: 2}
_DURATION = re.compile(r"(\d{1,5})\s*(day|month|year)s?", re.IGNORECASE)


def parse_duration(text: str) -> Duration | None:
    """``2 days``, ``1 month``, ``3 years`` (singular or plural, any case), else None."""
    found = _DURATION.fullmatch(text.strip())
    if found is None:
        return None
    return Duration(int(found[1]), DatePrecision(found[2].lower()))


def _month_index(date: PartialDate) -> int:
    return date.year * 12 + (date.month or 1) - 1


def _shift(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (or earlier), kept inside shorter months."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if year < dt.MINYEAR:
        return dt.date.min
    if year > dt.MAXYEAR:
        return dt.date.max
    for last in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("every month has 28 days")  # pragma: no cover


def within_tolerance(answer: PartialDate, response: PartialDate, tolerance: Duration) -> bool:
    """Whether the response lies within ``tolerance`` of the answer, at the answer's precision.

    A response less precise than the answer (a month for a day question) is never within.
    """
    precision = answer.precision
    if _RANK[response.precision] < _RANK[precision]:
        return False
    months = {DatePrecision.DAY: 0, DatePrecision.MONTH: 1, DatePrecision.YEAR: 12}[tolerance.unit]
    span = tolerance.amount * months
    if precision is DatePrecision.YEAR:
        return abs(response.year - answer.year) <= span // 12
    if precision is DatePrecision.MONTH:
        return abs(_month_index(response) - _month_index(answer)) <= span
    assert answer.month and answer.day and response.month and response.day
    target = dt.date(answer.year, answer.month, answer.day)
    given = dt.date(response.year, response.month, response.day)
    if tolerance.unit is DatePrecision.DAY:
        return abs((given - target).days) <= tolerance.amount
    return _shift(target, -span) <= given <= _shift(target, span)


def date_parts(answer: PartialDate, response: PartialDate) -> tuple[bool, ...]:
    """Year, month, day right, up to the answer's precision."""
    parts = [response.year == answer.year]
    if answer.precision is not DatePrecision.YEAR:
        parts.append(response.month == answer.month)
    if answer.precision is DatePrecision.DAY:
        parts.append(response.day == answer.day)
    return tuple(parts)


def date_credit(
    answer: PartialDate,
    response: PartialDate,
    *,
    tolerance: Duration | None = None,
    partial: bool = True,
) -> tuple[float, tuple[bool, ...]]:
    """Share earned (1, 0.5 or 0) and per-part correctness."""
    parts = date_parts(answer, response)
    if all(parts) or (tolerance is not None and within_tolerance(answer, response, tolerance)):
        return 1.0, parts
    # Half only when everything but the finest unit is right.
    if partial and len(parts) > 1 and all(parts[:-1]):
        return 0.5, parts
    return 0.0, parts


def tolerance_fits(answer: PartialDate, tolerance: Duration) -> bool:
    """False when a tolerance is finer than the answer (days on a month question)."""
    return _RANK[tolerance.unit] <= _RANK[answer.precision]
