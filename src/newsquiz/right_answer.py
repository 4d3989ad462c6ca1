"""A question's right answer in words: the feedback, the summary and the exports say it alike.

The fixed words (separators, True and False, a tolerance) come from the message
catalogue of the language at hand, passed in as ``words``: the interface passes
its ``say``, an export the catalogue of the bank's language. Nothing here prints.
"""

from __future__ import annotations

from typing import Protocol

from newsquiz import model
from newsquiz.model import Blank, Question


class Words(Protocol):
    """The part of a message catalogue (``newsquiz.locales.Locale``) an answer needs."""

    def __call__(self, key: str, **values: object) -> str: ...

    def date(self, year: int, month: int | None = None, day: int | None = None) -> str: ...

    def number(self, value: float) -> str: ...


def right_answer(question: Question, words: Words, *, pair_sign: str = "=") -> str:
    """The right answer in words; a match's pairs are written ``left <pair_sign> right``."""
    match question:
        case model.ChoiceQuestion() | model.ShortQuestion():
            return question.answer
        case model.MultiQuestion():
            return words("answer.list_sep").join(question.answers)
        case model.TrueFalseQuestion():
            return words("ask.true" if question.answer else "ask.false")
        case model.NumberQuestion():
            return _number(question, words)
        case model.DateQuestion():
            when = question.answer
            return words.date(when.year, when.month, when.day)
        case model.OrderQuestion():
            return words("answer.order_sep").join(question.items)
        case model.MatchQuestion():
            pairs = (f"{left} {pair_sign} {right}" for left, right in question.pairs)
            return words("answer.list_sep").join(pairs)
        case model.ClozeQuestion():
            return "".join(s.answers[0] if isinstance(s, Blank) else s for s in question.segments)
        case _:
            return model.assert_never(question)


def _number(question: model.NumberQuestion, words: Words) -> str:
    number = words.number(question.answer)
    if question.unit:
        number += f" {question.unit}"
    if question.tolerance:
        tolerance = words.number(question.tolerance)
        return words("answer.number_tolerance", number=number, tolerance=tolerance)
    return number
