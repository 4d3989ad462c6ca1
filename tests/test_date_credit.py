"""Date credit at the grading layer: by precision, with `partial: false`, within a tolerance."""

from __future__ import annotations

import pytest

from newsquiz.date_credit import date_credit, parse_duration, within_tolerance
from newsquiz.grading import grade
from newsquiz.loader import parse_bank
from newsquiz.model import (
    ClozeQuestion,
    DatePrecision,
    DateQuestion,
    Duration,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    PartialDate,
)

DAY = PartialDate(2025, 6, 22)
MONTH = PartialDate(2025, 6)
YEAR = PartialDate(2025)


def date(answer: PartialDate, **settings: object) -> DateQuestion:
    return DateQuestion(id="d", prompt="When?", answer=answer, **settings)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("typed", "earned"),
    [
        ("22 juin 2025", 1.0),
        ("2025-06-22", 1.0),
        ("23 juin 2025", 0.5),  # the day before: right month and year, wrong day
        ("juin 2025", 0.5),  # the day is missing
        ("1 janvier 2025", 0.0),  # only the year: no credit on a day question
        ("22 juillet 2025", 0.0),
        ("22 juin 2024", 0.0),
        ("2025", 0.0),
    ],
)
def test_a_day_question_gives_half_only_for_the_day(typed: str, earned: float) -> None:
    assert grade(date(DAY), typed).fraction == earned


@pytest.mark.parametrize(
    ("typed", "earned"),
    [
        ("juin 2025", 1.0),
        ("3 juin 2025", 1.0),
        ("mai 2025", 0.5),
        ("2025", 0.5),
        ("juin 2024", 0.0),
    ],
)
def test_a_month_question_gives_half_only_for_the_month(typed: str, earned: float) -> None:
    assert grade(date(MONTH), typed).fraction == earned


@pytest.mark.parametrize(("typed", "earned"), [("2025", 1.0), ("mars 2025", 1.0), ("2024", 0.0)])
def test_a_year_question_has_no_half_credit(typed: str, earned: float) -> None:
    assert grade(date(YEAR), typed).fraction == earned


@pytest.mark.parametrize("answer", [DAY, MONTH])
def test_partial_false_makes_a_date_all_or_nothing(answer: PartialDate) -> None:
    near = "23 juin 2025" if answer is DAY else "mai 2025"
    assert grade(date(answer), near).fraction == 0.5
    strict = grade(date(answer, partial=False), near)
    assert (strict.fraction, strict.points, strict.correct) == (0.0, 0.0, False)
    assert grade(date(answer, partial=False), "22 juin 2025").correct


def test_partial_false_makes_multi_order_match_and_cloze_all_or_nothing() -> None:
    multi = MultiQuestion(id="m", prompt="?", choices=("a", "b", "c"), answers=("a", "b"))
    order = OrderQuestion(id="o", prompt="?", items=("a", "b", "c"))
    match = MatchQuestion(id="p", prompt="?", pairs=(("a", "1"), ("b", "2")))
    cloze = parse_bank(
        "newsquiz: 1\nid: b\ntitle: B\nlanguage: en\nquestions:\n"
        "  - {id: c, type: cloze, text: '{{x}} and {{y}}', explanation: e}\n"
    ).bank
    assert cloze is not None
    cases = [
        (multi, ["a"]),
        (order, ["a", "c", "b"]),
        (match, {"a": "1", "b": "1"}),
        (cloze.questions[0], ["x", "nope"]),
    ]
    for question, response in cases:
        assert 0 < grade(question, response).fraction < 1, question.type
        strict = grade(_strict(question), response)
        assert strict.fraction == 0.0, question.type


def _strict(question: object) -> object:
    from dataclasses import replace

    assert isinstance(question, MultiQuestion | OrderQuestion | MatchQuestion | ClozeQuestion)
    return replace(question, partial=False)


@pytest.mark.parametrize(
    ("tolerance", "inside", "outside"),
    [
        ("2 days", "24 juin 2025", "25 juin 2025"),
        ("2 days", "20 juin 2025", "19 juin 2025"),
        ("1 day", "21/06/2025", "20/06/2025"),
        ("1 month", "22 juillet 2025", "23 juillet 2025"),
        ("1 month", "22 mai 2025", "21 mai 2025"),
        ("3 years", "22 juin 2028", "23 juin 2028"),
        ("1 year", "22/06/2024", "21/06/2024"),
    ],
)
def test_a_tolerance_gives_full_credit_within_it_only(
    tolerance: str, inside: str, outside: str
) -> None:
    duration = parse_duration(tolerance)
    assert duration is not None
    question = date(DAY, tolerance=duration)
    assert grade(question, inside).fraction == 1.0
    # Beyond the tolerance, the default rule: half only for the right month and year.
    expected = grade(date(DAY), outside).fraction
    assert grade(question, outside).fraction == expected < 1.0


def test_a_tolerance_on_a_month_or_year_question() -> None:
    by_month = date(MONTH, tolerance=Duration(2, DatePrecision.MONTH))
    assert grade(by_month, "avril 2025").fraction == 1.0
    assert grade(by_month, "mars 2025").fraction == 0.5  # right year only
    by_year = date(YEAR, tolerance=Duration(1, DatePrecision.YEAR))
    assert grade(by_year, "2026").fraction == 1.0
    assert grade(by_year, "2027").fraction == 0.0


def test_outside_a_tolerance_partial_false_still_gives_nothing() -> None:
    question = date(DAY, tolerance=Duration(1, DatePrecision.DAY), partial=False)
    assert grade(question, "23 juin 2025").fraction == 1.0
    assert grade(question, "25 juin 2025").fraction == 0.0


def test_a_month_tolerance_stays_inside_short_months() -> None:
    end_of_january = PartialDate(2025, 1, 31)
    month = Duration(1, DatePrecision.MONTH)
    assert within_tolerance(end_of_january, PartialDate(2025, 2, 28), month)
    assert not within_tolerance(end_of_january, PartialDate(2025, 3, 1), month)
    # A less precise response is never "within" a day tolerance.
    assert not within_tolerance(DAY, PartialDate(2025, 6), Duration(40, DatePrecision.DAY))
    assert date_credit(DAY, PartialDate(2025, 6), tolerance=month) == (0.5, (True, True, False))


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2 days", Duration(2, DatePrecision.DAY)),
        ("1 day", Duration(1, DatePrecision.DAY)),
        ("1 month", Duration(1, DatePrecision.MONTH)),
        ("6 Months", Duration(6, DatePrecision.MONTH)),
        ("3 years", Duration(3, DatePrecision.YEAR)),
        ("2", None),
        ("two days", None),
        ("2 weeks", None),
        ("-1 day", None),
    ],
)
def test_durations_are_read_as_teachers_write_them(written: str, expected: Duration | None) -> None:
    assert parse_duration(written) == expected
