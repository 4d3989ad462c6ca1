"""Grading: how much of a question a learner's response earns.

Everything here is a pure function of its arguments: no I/O, no clock, no
randomness. The interface collects a response, hands it over in the form below
and turns the returned :class:`Grade` into words; no learner-facing text lives
here.

Response forms, by question type (``None`` always means "skipped" and earns 0):

============  ===============================================================
choice        ``str``: the chosen choice text, as it appears in ``choices``.
multi         a collection of chosen choice texts (``set``, ``list``...; not
              a bare ``str``). Duplicates count once.
truefalse     ``bool``.
short         ``str`` as typed.
number        ``str`` as typed; read with :func:`parse_number`.
date          ``str`` as typed; read with :func:`parse_date`.
order         a sequence of item texts in the learner's order (not a ``str``).
match         a mapping ``left -> chosen right`` text; a missing left is wrong.
cloze         a sequence of ``str``, one per blank in order (not a ``str``);
              ``""`` is a blank left empty, missing trailing blanks are wrong.
============  ===============================================================

Decisions where the brief left room:

* Negative marking applies to ``choice`` and ``truefalse`` only (a true/false
  question is a choice between two, so a wrong pick there costs the full
  points). Other types ignore ``negative``. A wrong pick costs the same with or
  without a hint: the hint halves what is earned, not what is lost.
* ``Grade.points`` is rounded to 2 decimals, so a 1/3 penalty is ``-0.33`` and
  three of them sum to ``-0.99``; ``Grade.fraction`` is left unrounded.
* Text matching compares normalised forms with all spaces removed, so
  ``Jean-Luc``, ``Jean Luc`` and ``JeanLuc`` agree, as do ``U.S.A.`` and ``USA``.
  Leading articles are removed repeatedly while another word follows.
* ``near_miss`` is set only when the typo budget was needed (``Goïtta`` for
  ``Goïta``), not for case or accent differences. It names the answer as the
  bank writes it, or the ``accept`` entry nearly typed when that entry is a
  longer or shorter form of the answer (``Vladimir Poutine`` for ``Poutine``),
  never an unrelated spelling (an English ``Sergei`` for ``Sergueï``).
* ``accents`` names the variant accepted when it was typed with fewer of its
  accents (``bilaterale`` for ``bilatérale``).
* Numbers: a lone comma or dot is the decimal mark (``2,500`` is 2.5 and
  ``1.000`` is 1); with both a dot and a comma, the last one is the decimal
  mark (``1,000.5``, ``1.000,5``); two or more of the same mark are thousands
  separators (``1,000,000``). Thousands separators, including spaces, must
  split groups of exactly three digits (``20 21`` is unreadable). A trailing
  unit is accepted when it equals the question's unit, ignoring case and accents
  and a final ``s`` (``4 jour`` for ``jours``); any other trailing text makes
  the number unreadable. A tolerance is met up to a tiny relative slack so that
  ``0.4`` is within ``0.1`` of ``0.3`` despite binary floats.
* Dates: numeric forms are day first (``06/07/2025`` is 6 July); years have
  four digits; weekday names (full, and English/French abbreviations except the
  ambiguous French ``mar.``) and the filler words ``le the of de du on en in``
  are ignored.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from newsquiz.date_credit import date_credit
from newsquiz.model import (
    Blank,
    ChoiceQuestion,
    ClozeQuestion,
    DatePrecision,
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
)
from newsquiz.reading import missing_year as missing_year
from newsquiz.reading import parse_date as parse_date
from newsquiz.reading import parse_number as parse_number
from newsquiz.text import TextMatch as TextMatch
from newsquiz.text import match_text as match_text
from newsquiz.text import measure_distance as measure_distance
from newsquiz.text import normalize_text as normalize_text
from newsquiz.text import typo_budget as typo_budget

__all__ = [
    "Grade",
    "Response",
    "TextMatch",
    "grade",
    "grade_choice",
    "grade_cloze",
    "grade_date",
    "grade_match",
    "grade_multi",
    "grade_number",
    "grade_order",
    "grade_short",
    "grade_truefalse",
    "match_text",
    "measure_distance",
    "missing_year",
    "normalize_text",
    "parse_date",
    "parse_number",
    "score_date",
    "typo_budget",
]

Response = str | bool | Collection[str] | Mapping[str, str] | Sequence[str] | None


@dataclass(frozen=True)
class Grade:
    """What a response earned, as plain data for the interface to word."""

    fraction: float
    """Share of the question earned, 0..1, before the hint and negative marking."""
    points: float
    """Points earned after hint halving and negative marking, rounded to 2 decimals.
    Negative only with negative marking."""
    max_points: float
    """The question's points."""
    correct: bool
    """Fully right (``fraction == 1``); stays true when a hint halved the points."""
    near_miss: str | None = None
    """Short answers accepted thanks to the typo budget: the spelling to show."""
    parts: tuple[bool, ...] = ()
    """Per-part correctness for feedback: multi, one per choice in ``choices``
    order (ticked exactly when it should be); order, one per item in the right
    order (at its right place); match, one per pair; cloze, one per blank; date,
    year/month/day up to the answer's precision."""
    near_misses: tuple[str | None, ...] = ()
    """Cloze only: per blank, the spelling to show when a typo was forgiven."""
    accents: tuple[str | None, ...] = ()
    """Short (one entry) and cloze (one per blank): the spelling accepted though it
    was typed without its accents (``bilaterale`` for ``bilatérale``), else None."""


def score_date(answer: PartialDate, response: PartialDate) -> tuple[float, tuple[bool, ...]]:
    """Share earned and per-part correctness (year, month, day up to the
    answer's precision), by the default rule of :func:`date_credit`.

    Only the answer's precision is compared, so a more precise response is fine
    when it agrees. Half is earned only for the finest unit missed.
    """
    return date_credit(answer, response)


# ------------------------------------------------------------------------ grading


def _finish(
    question: Question,
    fraction: float,
    *,
    hint_used: bool,
    penalty: float = 0.0,
    parts: tuple[bool, ...] = (),
    near_miss: str | None = None,
    near_misses: tuple[str | None, ...] = (),
    accents: tuple[str | None, ...] = (),
) -> Grade:
    fraction = min(1.0, max(0.0, fraction))
    earned = fraction * question.points
    if hint_used:
        earned /= 2
    points = -penalty if penalty else earned
    return Grade(
        fraction=fraction,
        # Adding 0.0 turns a rounded -0.0 into 0.0.
        points=round(points, 2) + 0.0,
        max_points=question.points,
        correct=fraction >= 1.0,
        near_miss=near_miss,
        parts=parts,
        near_misses=near_misses,
        accents=accents,
    )


def _share(good: int, total: int) -> float:
    return 1.0 if total == 0 else good / total


def _credit(fraction: float, *, partial: bool) -> float:
    """With ``partial: false`` a question is all or nothing."""
    return fraction if partial or fraction >= 1.0 else 0.0


def _skipped(question: Question, parts: int = 0) -> Grade:
    return Grade(
        fraction=0.0,
        points=0.0,
        max_points=question.points,
        correct=False,
        parts=(False,) * parts,
    )


def _grade_pick(
    question: Question, right: bool, choice_count: int, *, hint_used: bool, negative: bool
) -> Grade:
    penalty = 0.0
    if negative and not right and choice_count > 1:
        penalty = question.points / (choice_count - 1)
    return _finish(question, 1.0 if right else 0.0, hint_used=hint_used, penalty=penalty)


def grade_choice(
    question: ChoiceQuestion,
    response: str | None,
    *,
    hint_used: bool = False,
    negative: bool = False,
) -> Grade:
    """All or nothing; with ``negative``, a wrong pick costs points/(choices - 1)."""
    if response is None:
        return _skipped(question)
    return _grade_pick(
        question,
        response == question.answer,
        len(question.choices),
        hint_used=hint_used,
        negative=negative,
    )


def grade_truefalse(
    question: TrueFalseQuestion,
    response: bool | None,
    *,
    hint_used: bool = False,
    negative: bool = False,
) -> Grade:
    """All or nothing; with ``negative``, a wrong pick costs the full points."""
    if response is None:
        return _skipped(question)
    return _grade_pick(
        question, response is question.answer, 2, hint_used=hint_used, negative=negative
    )


def grade_multi(
    question: MultiQuestion, response: Collection[str] | None, *, hint_used: bool = False
) -> Grade:
    """(right picks - wrong picks) / right choices, floored at 0."""
    if response is None:
        return _skipped(question, len(question.choices))
    picks = set(response)
    answers = set(question.answers)
    right, wrong = len(picks & answers), len(picks - answers)
    parts = tuple((choice in picks) == (choice in answers) for choice in question.choices)
    if not answers:
        # Nothing to tick: only leaving every box empty is right.
        return _finish(question, float(wrong == 0), hint_used=hint_used, parts=parts)
    fraction = _credit(max(0, right - wrong) / len(answers), partial=question.partial)
    return _finish(question, fraction, hint_used=hint_used, parts=parts)


def grade_short(question: ShortQuestion, response: str | None, *, hint_used: bool = False) -> Grade:
    """Accepted against the answer and ``accept`` entries, see :func:`match_text`."""
    if response is None:
        return _skipped(question)
    result = match_text((question.answer, *question.accept), response, exact=question.exact)
    return _finish(
        question,
        1.0 if result.accepted else 0.0,
        hint_used=hint_used,
        near_miss=result.near_miss,
        accents=(result.accents,),
    )


def grade_number(
    question: NumberQuestion, response: str | None, *, hint_used: bool = False
) -> Grade:
    """Right when within ``tolerance``; unreadable text earns 0."""
    if response is None:
        return _skipped(question)
    value = parse_number(response, unit=question.unit)
    if value is None:
        return _finish(question, 0.0, hint_used=hint_used)
    slack = 1e-9 * max(1.0, abs(question.answer))
    right = abs(value - question.answer) <= question.tolerance + slack
    return _finish(question, 1.0 if right else 0.0, hint_used=hint_used)


def grade_date(question: DateQuestion, response: str | None, *, hint_used: bool = False) -> Grade:
    """Graded at the answer's precision; see :mod:`newsquiz.date_credit`."""
    answer_parts = {DatePrecision.YEAR: 1, DatePrecision.MONTH: 2, DatePrecision.DAY: 3}
    if response is None:
        return _skipped(question, answer_parts[question.answer.precision])
    parsed = parse_date(response)
    if parsed is None:
        return _finish(
            question,
            0.0,
            hint_used=hint_used,
            parts=(False,) * answer_parts[question.answer.precision],
        )
    fraction, parts = date_credit(
        question.answer, parsed, tolerance=question.tolerance, partial=question.partial
    )
    return _finish(question, fraction, hint_used=hint_used, parts=parts)


def grade_order(
    question: OrderQuestion, response: Sequence[str] | None, *, hint_used: bool = False
) -> Grade:
    """Share of item pairs in the right relative order; a missing item breaks
    every pair it belongs to."""
    items = question.items
    if response is None:
        return _skipped(question, len(items))
    # Greedy matching keeps repeated item texts apart.
    used: set[int] = set()
    positions: list[int | None] = []
    for item in items:
        position = next(
            (i for i, text in enumerate(response) if text == item and i not in used), None
        )
        if position is not None:
            used.add(position)
        positions.append(position)
    total = len(items) * (len(items) - 1) // 2
    concordant = 0
    for i, before in enumerate(positions):
        for after in positions[i + 1 :]:
            if before is not None and after is not None and before < after:
                concordant += 1
    parts = tuple(position == index for index, position in enumerate(positions))
    if total == 0:
        fraction = 1.0 if all(p is not None for p in positions) else 0.0
    else:
        fraction = concordant / total
    fraction = _credit(fraction, partial=question.partial)
    return _finish(question, fraction, hint_used=hint_used, parts=parts)


def grade_match(
    question: MatchQuestion, response: Mapping[str, str] | None, *, hint_used: bool = False
) -> Grade:
    """Share of left items given their right partner."""
    if response is None:
        return _skipped(question, len(question.pairs))
    parts = tuple(response.get(left) == right for left, right in question.pairs)
    fraction = _credit(_share(sum(parts), len(parts)), partial=question.partial)
    return _finish(question, fraction, hint_used=hint_used, parts=parts)


def _match_blank(blank: Blank, typed: str | None, *, exact: bool) -> TextMatch:
    if typed is None:
        return TextMatch(accepted=False)
    return match_text(blank.answers, typed, exact=exact)


def grade_cloze(
    question: ClozeQuestion, response: Sequence[str] | None, *, hint_used: bool = False
) -> Grade:
    """Share of blanks right, each matched like a short answer."""
    blanks = question.blanks
    if response is None:
        return _skipped(question, len(blanks))
    typed = list(response)[: len(blanks)]
    padded: list[str | None] = [*typed, *([None] * (len(blanks) - len(typed)))]
    results = [
        _match_blank(blank, text, exact=question.exact)
        for blank, text in zip(blanks, padded, strict=True)
    ]
    parts = tuple(r.accepted for r in results)
    return _finish(
        question,
        _credit(_share(sum(parts), len(parts)), partial=question.partial),
        hint_used=hint_used,
        parts=parts,
        near_misses=tuple(r.near_miss for r in results),
        accents=tuple(r.accents for r in results),
    )


def _as_text(response: Response, question: Question) -> str | None:
    if response is None or isinstance(response, str):
        return response
    raise TypeError(f"a {question.type.value} question takes a str, got {response!r}")


def _as_bool(response: Response, question: Question) -> bool | None:
    if response is None or isinstance(response, bool):
        return response
    raise TypeError(f"a {question.type.value} question takes a bool, got {response!r}")


def _as_texts(response: Response, question: Question) -> Sequence[str] | None:
    # A bare str is a collection of characters: accepting it would grade
    # "Paris" as the picks P, a, r, i, s.
    if response is None:
        return None
    if isinstance(response, Collection) and not isinstance(response, (str, Mapping)):
        texts = list(response)
        if all(isinstance(text, str) for text in texts):
            return texts
    raise TypeError(f"a {question.type.value} question takes a collection of str, got {response!r}")


def _as_mapping(response: Response, question: Question) -> Mapping[str, str] | None:
    if response is None or isinstance(response, Mapping):
        return response
    raise TypeError(f"a {question.type.value} question takes a mapping, got {response!r}")


def grade(
    question: Question, response: Response, *, hint_used: bool = False, negative: bool = False
) -> Grade:
    """Grade any question; see the module docstring for the response forms.

    ``negative`` only affects choice and true/false questions. A response of
    the wrong form is a programming error and raises ``TypeError``.
    """
    match question:
        case ChoiceQuestion():
            text = _as_text(response, question)
            return grade_choice(question, text, hint_used=hint_used, negative=negative)
        case TrueFalseQuestion():
            truth = _as_bool(response, question)
            return grade_truefalse(question, truth, hint_used=hint_used, negative=negative)
        case MultiQuestion():
            return grade_multi(question, _as_texts(response, question), hint_used=hint_used)
        case ShortQuestion():
            return grade_short(question, _as_text(response, question), hint_used=hint_used)
        case NumberQuestion():
            return grade_number(question, _as_text(response, question), hint_used=hint_used)
        case DateQuestion():
            return grade_date(question, _as_text(response, question), hint_used=hint_used)
        case OrderQuestion():
            return grade_order(question, _as_texts(response, question), hint_used=hint_used)
        case MatchQuestion():
            return grade_match(question, _as_mapping(response, question), hint_used=hint_used)
        case ClozeQuestion():
            return grade_cloze(question, _as_texts(response, question), hint_used=hint_used)
        case _:
            return assert_never(question)
