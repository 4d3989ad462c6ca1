"""A question's right answer in words, and a date's usual written forms."""

from __future__ import annotations

from newsquiz import model
from newsquiz.interchange.notices import Words
from newsquiz.model import Blank, PartialDate, Question


def answer_words(question: Question, words: Words) -> str:
    """The right answer as a worksheet's key or a flashcard's back shows it."""
    match question:
        case model.ChoiceQuestion() | model.ShortQuestion():
            return question.answer
        case model.MultiQuestion():
            return words("export.list_sep").join(question.answers)
        case model.TrueFalseQuestion():
            return words("export.true" if question.answer else "export.false")
        case model.NumberQuestion():
            text = words.number(question.answer) + (f" {question.unit}" if question.unit else "")
            if question.tolerance:
                return words(
                    "export.tolerance", number=text, tolerance=words.number(question.tolerance)
                )
            return text
        case model.DateQuestion():
            return words.date(question.answer.year, question.answer.month, question.answer.day)
        case model.OrderQuestion():
            return words("export.order_sep").join(question.items)
        case model.MatchQuestion():
            return words("export.list_sep").join(
                f"{left} → {right}" for left, right in question.pairs
            )
        case model.ClozeQuestion():
            return "".join(s.answers[0] if isinstance(s, Blank) else s for s in question.segments)
        case _:
            return model.assert_never(question)


def choices_of(question: Question) -> tuple[str, ...]:
    """What a learner picks from: choices, items, right-hand sides; else nothing."""
    match question:
        case model.ChoiceQuestion() | model.MultiQuestion():
            return question.choices
        case model.OrderQuestion():
            return tuple(sorted(question.items, key=str.casefold))
        case model.MatchQuestion():
            return tuple(
                sorted(
                    [r for _, r in question.pairs] + list(question.distractors), key=str.casefold
                )
            )
        case (
            model.TrueFalseQuestion()
            | model.ShortQuestion()
            | model.NumberQuestion()
            | model.DateQuestion()
            | model.ClozeQuestion()
        ):
            return ()
        case _:
            return model.assert_never(question)


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
