"""What a number or date answer must look like: the instruction, the check, the complaint.

Text that cannot be read as a number or a date is asked again, not graded
wrong. The examples in the instruction and the complaint are never the
question's answer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from newsquiz.interface.messages import Messages
from newsquiz.model import (
    DatePrecision,
    DateQuestion,
    NumberQuestion,
    PartialDate,
    ShortQuestion,
    assert_never,
)
from newsquiz.reading import missing_year, parse_date, parse_number

_EXAMPLE_NUMBERS = (13.0, 2.5, 7.0, 1.5, 40.0, 0.75)
_EXAMPLE_DATES = (PartialDate(1999, 7, 14), PartialDate(2008, 11, 4), PartialDate(1989, 5, 9))


@dataclass(frozen=True)
class Form:
    instruction: str
    """The message key asking for the answer."""
    values: Mapping[str, object]
    reads: Callable[[str], bool]
    """Whether a typed text can be read."""
    complaint: Callable[[str], tuple[str, dict[str, object]]] = field(repr=False)
    """The message key and values for a text that cannot be read."""


# The questions answered by typing a line of text.
Typed = ShortQuestion | NumberQuestion | DateQuestion


def expected_form(question: Typed, say: Messages) -> Form | None:
    """For numbers and dates, how the answer must be typed; None for short answers."""
    match question:
        case NumberQuestion():
            return _number_form(question, say)
        case DateQuestion():
            return _date_form(question, say)
        case ShortQuestion():
            return None
        case _:
            return assert_never(question)


def example_numbers(question: NumberQuestion) -> tuple[float, float]:
    """Two numbers to show as examples, neither of them a right answer."""
    slack = question.tolerance + 1e-9 * max(1.0, abs(question.answer))
    usable = [n for n in _EXAMPLE_NUMBERS if abs(n - question.answer) > slack]
    return usable[0], usable[1]


def example_date(answer: PartialDate) -> PartialDate:
    """A date to show as an example, in another year than the answer."""
    return next(d for d in _EXAMPLE_DATES if d.year != answer.year)


def _number_form(question: NumberQuestion, say: Messages) -> Form:
    unit = question.unit
    first, second = example_numbers(question)
    examples = {"first": say.number(first), "second": say.number(second)}
    return Form(
        instruction="ask.number_unit" if unit else "ask.number",
        values={"unit": unit} if unit else {},
        reads=lambda text: parse_number(text, unit=unit) is not None,
        complaint=lambda text: ("ask.invalid_form_number", {"typed": text, **examples}),
    )


def _date_form(question: DateQuestion, say: Messages) -> Form:
    sample = example_date(question.answer)
    assert sample.month is not None and sample.day is not None
    shown = {
        "day": f"{sample.day:02d}/{sample.month:02d}/{sample.year}",
        "day_words": say.date(sample.year, sample.month, sample.day),
        "month": f"{sample.month:02d}/{sample.year}",
        "month_words": say.date(sample.year, sample.month),
        "year": str(sample.year),
    }
    precision = question.answer.precision
    values = {
        DatePrecision.DAY: {"numeric": shown["day"], "words": shown["day_words"]},
        DatePrecision.MONTH: {"numeric": shown["month"], "words": shown["month_words"]},
        DatePrecision.YEAR: {"year": shown["year"]},
    }[precision]

    def complaint(text: str) -> tuple[str, dict[str, object]]:
        if missing_year(text):
            return "ask.date_no_year", {"typed": text, "example": shown["day_words"]}
        return "ask.invalid_form_date", {"typed": text, **shown}

    return Form(
        instruction=f"ask.date_{precision.value}",
        values=values,
        reads=lambda text: parse_date(text) is not None,
        complaint=complaint,
    )
