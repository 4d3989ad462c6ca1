"""Reading numbers and dates as a learner types them.

Pure functions: ``parse_number`` and ``parse_date`` return ``None`` for what they
cannot read, never raise. Grading, the prompts and the class report use them.
See :mod:`newsquiz.grading` for the rules on commas, dots and day-first dates.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from newsquiz.model import PartialDate
from newsquiz.text import comparable_key as _key
from newsquiz.text import fold as _fold
from newsquiz.text import spaced as _spaced

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
