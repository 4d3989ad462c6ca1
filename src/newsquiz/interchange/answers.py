"""A question's right answer in words, and a date's usual written forms."""

from __future__ import annotations

from newsquiz import model
from newsquiz.interchange.notices import Words
from newsquiz.model import PartialDate, Question
from newsquiz.right_answer import right_answer


def answer_words(question: Question, words: Words) -> str:
    """The right answer as a worksheet's key or a flashcard's back shows it (``left → right``)."""
    return right_answer(question, words, pair_sign="→")


def choices_of(question: Question) -> tuple[str, ...]:
    """What a learner picks from (:func:`newsquiz.model.offered`): the choices in the bank's
    order; an order's items and a match's right-hand sides sorted, as theirs is the answer."""
    offered = model.offered(question)
    if isinstance(question, model.ChoiceQuestion | model.MultiQuestion):
        return offered
    return tuple(sorted(offered, key=str.casefold))


def quotes(question: Question, words: Words) -> str:
    """The quotes that prove the answer, each with its translation when it has one."""
    return " ".join(
        words("export.quote_translated", quote=e.quote, translation=e.translation)
        if e.translation
        else words("export.quote", quote=e.quote)
        for e in question.evidence
    )


def date_forms(when: PartialDate, words: Words) -> tuple[str, ...]:
    """The ways people write a date, for tools that compare typed text."""
    year, month, day = when.year, when.month, when.day
    if month is None:
        return (str(year),)
    spelled = words.date(year, month, day)
    if day is None:
        forms = [spelled, f"{month:02d}/{year}", f"{month}/{year}", f"{year}-{month:02d}"]
    else:
        words_first = spelled.replace(",", "").split()
        if words_first[0].isalpha():
            # "June 22, 2025" is also written "22 June 2025".
            words_first = [words_first[1], words_first[0], *words_first[2:]]
        forms = [
            spelled,
            spelled.replace(",", ""),
            spelled.replace("1er ", "1 "),
            " ".join(words_first),
            f"{day:02d}/{month:02d}/{year}",
            f"{day}/{month}/{year}",
            f"{year}-{month:02d}-{day:02d}",
        ]
    return tuple(dict.fromkeys(forms))
