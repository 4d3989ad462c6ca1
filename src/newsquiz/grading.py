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

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from newsquiz.text import comparable_key as _key
from newsquiz.text import fold as _fold
from newsquiz.text import normalize_text as normalize_text
from newsquiz.text import spaced as _spaced
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
)

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


@dataclass(frozen=True)
class TextMatch:
    """Outcome of matching typed text against the accepted variants."""

    accepted: bool
    variant: str | None = None
    """The variant that matched, as the teacher wrote it."""
    typo: bool = False
    """Accepted only thanks to the typo budget."""
    answer: str | None = None
    """The answer as the teacher wrote it first, in the bank's language."""
    unaccented: bool = False
    """Accepted, but typed without the accents of the variant."""

    @property
    def near_miss(self) -> str | None:
        """The spelling to show after a forgiven typo: the bank's own answer, not
        whichever ``accept`` variant the typo was close to."""
        return (self.answer or self.variant) if self.typo else None

    @property
    def accents(self) -> str | None:
        return self.variant if self.unaccented else None


# --------------------------------------------------------------------------- text


def measure_distance(a: str, b: str) -> int:
    """Optimal-string-alignment distance: insertions, deletions, substitutions
    and swaps of two adjacent characters each cost 1."""
    if len(a) < len(b):
        a, b = b, a
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def typo_budget(expected: str) -> int:
    """How many typos are forgiven when ``expected`` is the answer.

    Counted on the normalised form: none below 5 characters or when digits are
    involved (a year or a figure off by one is a different answer), 1 up to 8,
    2 beyond.
    """
    key = _key(expected)
    if len(key) < 5 or any(unicodedata.category(c).startswith("N") for c in key):
        return 0
    return 1 if len(key) <= 8 else 2


def match_text(expected_variants: Sequence[str], typed: str, *, exact: bool = False) -> TextMatch:
    """Match ``typed`` against the accepted spellings.

    With ``exact``, only an identical string (surrounding whitespace stripped,
    Unicode composed form) matches. Otherwise normalised forms are compared,
    then the typo budget of each variant is tried, closest variant first.
    """
    if exact:
        wanted = unicodedata.normalize("NFC", typed.strip())
        for variant in expected_variants:
            if unicodedata.normalize("NFC", variant.strip()) == wanted:
                return TextMatch(accepted=True, variant=variant)
        return TextMatch(accepted=False)

    typed_key = _key(typed)
    keyed = [(variant, _key(variant)) for variant in expected_variants]
    for variant, key in keyed:
        # A variant made only of punctuation has no normalised form to compare.
        same = key == typed_key if key else variant.strip() == typed.strip()
        if same:
            return TextMatch(
                accepted=True, variant=variant, unaccented=_lacks_accents(typed, variant)
            )
    if not typed_key:
        return TextMatch(accepted=False)

    best: tuple[int, str] | None = None
    for variant, key in keyed:
        budget = typo_budget(variant)
        if budget == 0 or abs(len(key) - len(typed_key)) > budget:
            continue
        distance = measure_distance(key, typed_key)
        if distance <= budget and (best is None or distance < best[0]):
            best = (distance, variant)
    if best is None:
        return TextMatch(accepted=False)
    return TextMatch(
        accepted=True,
        variant=best[1],
        typo=True,
        answer=_spelling_to_show(expected_variants, best[1]),
    )


def _spelling_to_show(variants: Sequence[str], near: str) -> str:
    """The spelling a near miss names: the variant nearly typed when it is a longer or
    shorter form of the answer (``Vladimir Poutine`` for ``Poutine``), else the answer
    itself, never another language's spelling (``Sergei`` for ``Sergueï``)."""
    answer = variants[0]
    answer_key, near_key = _key(answer), _key(near)
    return near if answer_key in near_key or near_key in answer_key else answer


def _marks(text: str) -> int:
    """How many accents (and letters such as œ or ø) a text carries."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return sum(1 for c in decomposed if unicodedata.category(c).startswith("M") or c in "øłđħæœ")


def _lacks_accents(typed: str, variant: str) -> bool:
    """The same word typed with fewer of its accents (``bilaterale`` for ``bilatérale``)."""
    return _marks(typed) < _marks(variant)


# ------------------------------------------------------------------------ numbers

_SPACE_SEPARATORS = " \u00a0\u202f\u2009"
_NUMBER = re.compile(
    r"(?P<sign>[+\-\u2212]?)\s*(?P<digits>[0-9.," + _SPACE_SEPARATORS + r"]*[0-9])(?P<rest>.*)",
    re.DOTALL,
)
_GROUPED = re.compile(r"[0-9]{1,3}(?:[" + _SPACE_SEPARATORS + r",.][0-9]{3})+")


def _read_integer_part(text: str, thousands: str | None) -> str | None:
    if text == "":
        return "0"
    if text.isdigit() and text.isascii():
        return text
    if not _GROUPED.fullmatch(text):
        return None
    separators = set(re.sub(r"[0-9]", "", text))
    allowed = set(_SPACE_SEPARATORS) | ({thousands} if thousands else set())
    if not separators <= allowed:
        return None
    return re.sub(r"[^0-9]", "", text)


def _unit_forms(unit: str) -> set[str]:
    key = _key(unit)
    return {key, key + "s", key.removesuffix("s")} - {""}


def parse_number(text: str, *, unit: str | None = None) -> float | None:
    """Read a number as a learner types it, or ``None`` if it cannot be read.

    Accepts a sign (``+``, ``-``, ``−``), thousands separated by spaces, no-break
    spaces or narrow no-break spaces (``2 021``), a decimal comma or dot, and a
    trailing ``unit`` when given (``4 jours``). See the module docstring for how
    commas and dots are told apart.
    """
    match = _NUMBER.fullmatch(text.strip())
    if match is None:
        return None
    rest = match["rest"].strip()
    if rest and (unit is None or _key(rest) not in _unit_forms(unit)):
        return None

    digits = match["digits"]
    last_dot, last_comma = digits.rfind("."), digits.rfind(",")
    decimal: str | None
    thousands: str | None
    if last_dot >= 0 and last_comma >= 0:
        decimal = "." if last_dot > last_comma else ","
        thousands = "," if decimal == "." else "."
    elif last_dot >= 0 or last_comma >= 0:
        mark = "." if last_dot >= 0 else ","
        decimal, thousands = (mark, None) if digits.count(mark) == 1 else (None, mark)
    else:
        decimal = thousands = None

    integer_text, fraction_text = digits, ""
    if decimal is not None:
        integer_text, _, fraction_text = digits.rpartition(decimal)
        if not (fraction_text.isdigit() and fraction_text.isascii()):
            return None
    integer = _read_integer_part(integer_text, thousands)
    if integer is None:
        return None

    value = float(f"{integer}.{fraction_text or '0'}")
    if not math.isfinite(value):
        return None
    return -value if match["sign"] in ("-", "\u2212") else value


# -------------------------------------------------------------------------- dates

_MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("janvier", "janv", "january", "jan"),
            ("fevrier", "fevr", "fev", "february", "febr", "feb"),
            ("mars", "march", "mar"),
            ("avril", "avr", "april", "apr"),
            ("mai", "may"),
            ("juin", "june", "jun"),
            ("juillet", "juil", "july", "jul"),
            ("aout", "august", "aug"),
            ("septembre", "september", "sept", "sep"),
            ("octobre", "october", "oct"),
            ("novembre", "november", "nov"),
            ("decembre", "december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_IGNORED_DATE_WORDS = frozenset(
    {
        # Weekdays; the French "mar" (mardi) is left out as it also means March.
        *("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
        *("lun", "mer", "jeu", "ven", "sam", "dim"),
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        *("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"),
        # Filler: "le 23 juin 2025", "the 23rd of June 2025", "en juin 2025".
        *("le", "the", "of", "de", "du", "on", "en", "in"),
    }
)
_ISO_DATE = re.compile(r"(\d{4})(?:([-/])(\d{1,2})(?:\2(\d{1,2}))?)?")
_DAY_FIRST_DATE = re.compile(r"(?:(\d{1,2})([/.-]))?(\d{1,2})([/.-])(\d{4})")
_DAY_WORD = re.compile(r"(\d{1,2})(?:er|re|st|nd|rd|th)?")
_YEAR_WORD = re.compile(r"\d{4}")


def _build_date(year: int, month: int | None, day: int | None) -> PartialDate | None:
    """A PartialDate if it exists in the calendar (month 0 and day 0 do not: 00/00/2025)."""
    if month == 0 or day == 0:
        return None
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def _classify_date_word(word: str) -> str:
    if word in _MONTHS:
        return "m"
    if _YEAR_WORD.fullmatch(word):
        return "y"
    if _DAY_WORD.fullmatch(word):
        return "d"
    return "?"


def parse_date(text: str) -> PartialDate | None:
    """Read a date as a learner types it, at the precision typed.

    Numeric: ``2025-06-23``, ``2025-06``, ``2025``, ``23/06/2025``,
    ``23-06-2025``, ``23.06.2025``, ``06/2025``; day first, unless only the
    American order makes sense (``06/23/2025``). Words, French or English, any
    case, accents optional: ``23 juin 2025``, ``lundi 23 juin 2025``,
    ``1er juin 2025``, ``June 23, 2025``, ``Monday, June 23, 2025``,
    ``23 June 2025``, ``juin 2025``, ``Sept 2025``, ``févr. 2025``.
    Dates that do not exist (``31/02/2025``) give ``None``.
    """
    stripped = text.strip()
    iso = _ISO_DATE.fullmatch(stripped)
    if iso:
        year, _, month, day = iso.groups()
        return _build_date(int(year), int(month) if month else None, int(day) if day else None)
    day_first = _DAY_FIRST_DATE.fullmatch(stripped)
    if day_first:
        day, first_separator, month, second_separator, year = day_first.groups()
        if day is not None and first_separator != second_separator:
            return None
        if day is not None and int(month) > 12 >= int(day):
            # 06/23/2025 can only be month first (the American order): read it so.
            day, month = month, day
        return _build_date(int(year), int(month), int(day) if day else None)

    words = [w for w in _spaced(_fold(stripped)).split() if w not in _IGNORED_DATE_WORDS]
    kinds = "".join(_classify_date_word(w) for w in words)
    day_word: str | None
    if kinds == "dmy":
        day_word, month_word, year_word = words
    elif kinds == "mdy":
        month_word, day_word, year_word = words
    elif kinds == "my":
        day_word = None
        month_word, year_word = words
    else:
        return None
    day_number = None
    if day_word is not None:
        day_match = _DAY_WORD.fullmatch(day_word)
        if day_match is None:  # pragma: no cover - classified as a day above
            return None
        day_number = int(day_match[1])
    return _build_date(int(year_word), _MONTHS[month_word], day_number)


_DAY_MONTH = re.compile(r"\d{1,2}[/.-]\d{1,2}")


def missing_year(text: str) -> bool:
    """A day and a month with no year (``26 juin``, ``June 26``, ``26/06``): a date
    the learner should complete, not an unreadable one."""
    stripped = text.strip()
    if _DAY_MONTH.fullmatch(stripped):
        return True
    words = [w for w in _spaced(_fold(stripped)).split() if w not in _IGNORED_DATE_WORDS]
    return "".join(_classify_date_word(w) for w in words) in ("dm", "md", "m")


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
    if isinstance(question, ChoiceQuestion):
        return grade_choice(
            question, _as_text(response, question), hint_used=hint_used, negative=negative
        )
    if isinstance(question, TrueFalseQuestion):
        return grade_truefalse(
            question, _as_bool(response, question), hint_used=hint_used, negative=negative
        )
    if isinstance(question, MultiQuestion):
        return grade_multi(question, _as_texts(response, question), hint_used=hint_used)
    if isinstance(question, ShortQuestion):
        return grade_short(question, _as_text(response, question), hint_used=hint_used)
    if isinstance(question, NumberQuestion):
        return grade_number(question, _as_text(response, question), hint_used=hint_used)
    if isinstance(question, DateQuestion):
        return grade_date(question, _as_text(response, question), hint_used=hint_used)
    if isinstance(question, OrderQuestion):
        return grade_order(question, _as_texts(response, question), hint_used=hint_used)
    if isinstance(question, MatchQuestion):
        return grade_match(question, _as_mapping(response, question), hint_used=hint_used)
    if isinstance(question, ClozeQuestion):
        return grade_cloze(question, _as_texts(response, question), hint_used=hint_used)
    raise TypeError(f"no grading for {type(question).__name__}")
