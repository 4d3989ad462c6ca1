"""A question's right answer in words, and a date's usual written forms."""

from __future__ import annotations

from newsquiz.interchange.notices import Words
from newsquiz.model import (
    Blank,
    ChoiceQuestion,
    ClozeQuestion,
    DateQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    PartialDate,
    Question,
    ShortQuestion,
    TrueFalseQuestion,
    assert_never,
    closed,
)


def answer_words(question: Question, words: Words) -> str:
    """The right answer as a worksheet's key or a flashcard's back shows it."""
    item = closed(question)
    match item:
        case ChoiceQuestion() | ShortQuestion():
            return item.answer
        case MultiQuestion():
            return words("export.list_sep").join(item.answers)
        case TrueFalseQuestion():
            return words("export.true" if item.answer else "export.false")
        case NumberQuestion():
            text = words.number(item.answer) + (f" {item.unit}" if item.unit else "")
            if item.tolerance:
                return words(
                    "export.tolerance", number=text, tolerance=words.number(item.tolerance)
                )
            return text
        case DateQuestion():
            return words.date(item.answer.year, item.answer.month, item.answer.day)
        case OrderQuestion():
            return words("export.order_sep").join(item.items)
        case MatchQuestion():
            return words("export.list_sep").join(f"{left} → {right}" for left, right in item.pairs)
        case ClozeQuestion():
            return "".join(s.answers[0] if isinstance(s, Blank) else s for s in item.segments)
        case _:
            return assert_never(item)


def choices_of(question: Question) -> tuple[str, ...]:
    """What a learner picks from: choices, items, right-hand sides; else nothing."""
    item = closed(question)
    match item:
        case ChoiceQuestion() | MultiQuestion():
            return item.choices
        case OrderQuestion():
            return tuple(sorted(item.items, key=str.casefold))
        case MatchQuestion():
            return tuple(
                sorted([r for _, r in item.pairs] + list(item.distractors), key=str.casefold)
            )
        case (
            TrueFalseQuestion()
            | ShortQuestion()
            | NumberQuestion()
            | DateQuestion()
            | ClozeQuestion()
        ):
            return ()
        case _:
            return assert_never(item)


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
