"""The languages newsquiz speaks: one registry, and a Locale per language.

The sentences live in one plain data file per language next to this module
(``en.po``, ``fr.po``: gettext's format, keyed by message name), read the first
time a language is asked for something. What cannot be data is here: which
languages exist and each one's plural rule. ARCHITECTURE.md says how to add one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsquiz.locales.po_file import read_po


@dataclass(frozen=True)
class Grammar:
    """What a language does with numbers that a template alone cannot say."""

    # Whether an amount takes the singular noun: "1 point" / « 1,5 point ».
    singular: Callable[[float], bool]
    # Whether "{points} of {max_points} {point_word}" agrees with the total
    # ("0 of 1 point") rather than with the points earned (« 0,5 point sur 1 »).
    noun_counts_the_total: bool
    # Whether a space goes inside « » and before ? ! : ; %, kept with its word on screen.
    spaced_punctuation: bool = False
    # Whether an answer accepted without its accents is told how it is written
    # (in a bank in this language).
    notes_missing_accents: bool = False


def _english_singular(amount: float) -> bool:
    return amount == 1


def _french_singular(amount: float) -> bool:
    return abs(amount) < 2


# The registry: every supported language, by its code. The loader, the
# command line and the interface all read it; nothing else lists languages.
LANGUAGES: Mapping[str, Grammar] = {
    "en": Grammar(singular=_english_singular, noun_counts_the_total=True),
    "fr": Grammar(
        singular=_french_singular,
        noun_counts_the_total=False,
        spaced_punctuation=True,
        notes_missing_accents=True,
    ),
}
DEFAULT = "en"
CODES: tuple[str, ...] = tuple(LANGUAGES)


LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def _base(tag: str) -> str:
    """``fr_FR.UTF-8``, ``fr-CA``, ``FR`` -> ``fr``."""
    return tag.split(".")[0].split("@")[0].replace("_", "-").split("-")[0].lower()


def supported(tag: str | None) -> str | None:
    """The supported language a tag or locale names (`fr-CA`, `fr_FR.UTF-8`), if any."""
    if not tag:
        return None
    base = _base(tag)
    return base if base in LANGUAGES else None


def locale_language(environ: Mapping[str, str]) -> str | None:
    """The language the locale asks for (the first of LC_ALL, LC_MESSAGES, LANG set),
    or None (unset, ``C``, or a language newsquiz does not speak)."""
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            return supported(value)
    return None


def choose_language(
    requested: str | None, bank_languages: Iterable[str], environ: Mapping[str, str]
) -> str:
    """--lang, else the banks' shared language, else the locale's, else English."""
    found = supported(requested)
    if found:
        return found
    spoken = {_base(language) for language in bank_languages}
    if len(spoken) == 1 and (only := spoken.pop()) in LANGUAGES:
        return only
    return locale_language(environ) or DEFAULT


def grammar(tag: str | None) -> Grammar | None:
    """The grammar of the language a tag names, if newsquiz speaks it."""
    found = supported(tag)
    return LANGUAGES[found] if found else None


def interface_language(requested: str | None, bank_language: str) -> str:
    """The language the quiz speaks: the one asked for, else the bank's, else English."""
    for candidate in (requested, bank_language):
        found = supported(candidate)
        if found:
            return found
    return DEFAULT


@cache
def catalogue(language: str) -> Mapping[str, str]:
    """Every message of one language, by key, read from its data file once."""
    return read_po(Path(__file__).with_name(f"{language}.po").read_text(encoding="utf-8"))


_PLAIN_NUMBER = re.compile(r"(-?)([0-9]{1,30})(\.[0-9]{1,30})?")


class Locale:
    """The sentences of one language and how it writes numbers, dates and plurals."""

    def __init__(self, language: str) -> None:
        self.language = language if language in LANGUAGES else DEFAULT
        self.grammar = LANGUAGES[self.language]

    def __call__(self, key: str, **values: object) -> str:
        return self.template(key).format(**values)

    def template(self, key: str) -> str:
        return catalogue(self.language)[key]

    @property
    def spaced_punctuation(self) -> bool:
        return self.grammar.spaced_punctuation

    def knows(self, key: str) -> bool:
        return key in catalogue(self.language)

    def form(self, amount: float) -> str:
        """The plural form an amount takes: ``one`` or ``other`` (the suffix of plural keys)."""
        return "one" if self.grammar.singular(amount) else "other"

    def word(self, noun: str, amount: float) -> str:
        """``point`` or ``points``: French keeps the singular below 2 (« 1,5 point »)."""
        return self(f"word.{noun}.{self.form(amount)}")

    def counted(self, earned: float, total: float) -> float:
        """The amount the noun agrees with in "{earned} of {total} {noun}"."""
        return total if self.grammar.noun_counts_the_total else earned

    def percent(self, value: int) -> str:
        return self("format.percent", value=value)

    def decimal(self, text: str) -> str:
        """A number written with a point, with this language's decimal mark."""
        return text.replace(".", self.template("format.decimal_mark"))

    def figure(self, text: str, *, grouped: bool = False) -> str:
        """A number written plainly (``12345``, ``0.01``) as this language writes it:
        its decimal mark, and thousands grouped when ``grouped``. Other text is left alone."""
        match = _PLAIN_NUMBER.fullmatch(text)
        if match is None:
            return text
        sign, whole, fraction = match.groups()
        if grouped:
            separator = self.template("format.thousands_separator")
            whole = f"{int(whole):,}".replace(",", separator)
        return sign + whole + (self.decimal(fraction) if fraction else "")

    def number(self, value: float) -> str:
        """A number as people write it in this language (2.5 / 2,5; no trailing .0)."""
        text = f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
        if text == "-0":
            text = "0"
        return self.decimal(text)

    def date(self, year: int, month: int | None = None, day: int | None = None) -> str:
        if month is None:
            return str(year)
        name = self(f"format.month.{month}")
        if day is None:
            return self("format.month_year", month=name, year=year)
        key = "format.first_day" if day == 1 else "format.day"
        return self(key, day=day, month=name, year=year)

    def short_day(self, day: dt.date) -> str:
        """A day in a chart's axis: 06/23 or 23/06."""
        return self("format.short_day", day=day.day, month=day.month)

    def duration(self, seconds: float) -> str:
        whole = round(seconds)
        if whole < 60:
            return self("duration.seconds", seconds=whole)
        return self("duration.minutes", minutes=whole // 60, seconds=whole % 60)
