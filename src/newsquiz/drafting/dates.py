"""Dates and years, and `la veille` resolved against the date written nearby."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from newsquiz.drafting.draft import Draft, evidence
from newsquiz.drafting.lexicon import MONTHS, RELATIVE_DAYS, WEEKDAYS
from newsquiz.drafting.phrasing import blanked, phrase
from newsquiz.drafting.text import Sentence, Token, fold
from newsquiz.model import PartialDate

MIN_YEAR, MAX_YEAR = 1800, 2100


@dataclass(frozen=True)
class Mention:
    sentence: Sentence
    first: int
    last: int
    when: PartialDate | None  # None: a day without its year, or a relative day, to resolve
    day: int | None = None
    month: int | None = None
    shift: int = 0  # for `la veille` (-1), `le lendemain` (+1)
    relative: str | None = None  # the words of a relative day, as written


def _year(token: Token) -> int | None:
    if token.text.isdigit() and len(token.text) == 4 and MIN_YEAR <= int(token.text) <= MAX_YEAR:
        return int(token.text)
    return None


def _day(token: Token) -> int | None:
    text = token.text[:-2] if token.text.lower().endswith("er") else token.text
    if text.isdigit() and 1 <= int(text) <= 31 and len(text) <= 2:
        return int(text)
    return None


def scan(sentence: Sentence) -> list[Mention]:
    """Every date in the sentence, left to right, each token used once."""
    found: list[Mention] = []
    tokens = sentence.tokens
    i = 0
    while i < len(tokens):
        mention = _relative(sentence, i) or _french(sentence, i) or _english(sentence, i)
        if mention is None and _year(tokens[i]) is not None:
            mention = Mention(sentence, i, i, PartialDate(_year(tokens[i]) or 0))
        if mention is None:
            i += 1
            continue
        found.append(mention)
        i = mention.last + 1
    return found


def _relative(sentence: Sentence, i: int) -> Mention | None:
    tokens = sentence.tokens
    first = tokens[i].lower
    for words, shift in RELATIVE_DAYS.items():
        size = len(words.split())
        if not words.startswith(first + " "):
            continue
        if i + size <= len(tokens) and fold(sentence.slice(i, i + size - 1)) == words:
            return Mention(
                sentence,
                i,
                i + size - 1,
                None,
                shift=shift,
                relative=sentence.slice(i, i + size - 1),
            )
    return None


def _french(sentence: Sentence, i: int) -> Mention | None:
    """`lundi 23 juin 2025`, `26 juin`, `juin 2025`."""
    tokens = sentence.tokens
    first = i
    if fold(tokens[i].text) in WEEKDAYS:
        i += 1
    day = _day(tokens[i]) if i < len(tokens) else None
    if day is not None:
        i += 1
    month = MONTHS.get(fold(tokens[i].text)) if i < len(tokens) else None
    if month is None or (day is None and first != i and fold(tokens[first].text) in WEEKDAYS):
        return None
    year = _year(tokens[i + 1]) if i + 1 < len(tokens) else None
    last = i + 1 if year is not None else i
    if day is None and year is None:
        return None
    return _mention(sentence, first, last, year, month, day)


def _english(sentence: Sentence, i: int) -> Mention | None:
    """`Monday, June 23, 2025`, `June 26`, `June 2025`."""
    tokens = sentence.tokens
    first = i
    if fold(tokens[i].text) in WEEKDAYS:
        i += 2 if i + 1 < len(tokens) and tokens[i + 1].text == "," else 1
    month = MONTHS.get(fold(tokens[i].text)) if i < len(tokens) else None
    if month is None:
        return None
    day = _day(tokens[i + 1]) if i + 1 < len(tokens) else None
    last = i + 1 if day is not None else i
    k = last + 1
    if k < len(tokens) and tokens[k].text == "," and day is not None:
        k += 1
    year = _year(tokens[k]) if k < len(tokens) else None
    last = k if year is not None else last
    if day is None and year is None:
        return None
    return _mention(sentence, first, last, year, month, day)


def _mention(
    sentence: Sentence, first: int, last: int, year: int | None, month: int, day: int | None
) -> Mention:
    if year is None:
        return Mention(sentence, first, last, None, day=day, month=month)
    return Mention(sentence, first, last, PartialDate(year, month, day))


Resolved = tuple[Mention, PartialDate, Mention | None]


def resolve(mentions: list[Mention]) -> list[Resolved]:
    """Each mention with its full date, and the mention it was resolved against: a
    missing year or a relative day is taken from the nearest full date before it
    (after it when there is none before)."""
    days = [m for m in mentions if m.when is not None and m.when.day is not None]
    anchor = days[0] if days else None
    resolved: list[Resolved] = []
    for mention in mentions:
        if mention.when is not None:
            resolved.append((mention, mention.when, None))
            if mention.when.day is not None:
                anchor = mention
            continue
        when = _apply(mention, anchor.when) if anchor is not None and anchor.when else None
        if when is None:
            continue
        resolved.append((mention, when, anchor))
        if mention.relative is None and when.day is not None:
            # `le mercredi 15 octobre`, its year from the nearby date: `la veille` after it
            # is the day before it.
            anchor = Mention(mention.sentence, mention.first, mention.last, when)
    return resolved


def _apply(mention: Mention, anchor: PartialDate) -> PartialDate | None:
    assert anchor.month is not None and anchor.day is not None
    if mention.relative is not None:
        day = dt.date(anchor.year, anchor.month, anchor.day) + dt.timedelta(days=mention.shift)
        return PartialDate(day.year, day.month, day.day)
    assert mention.month is not None
    try:
        dt.date(anchor.year, mention.month, mention.day or 1)
    except ValueError:
        return None
    return PartialDate(anchor.year, mention.month, mention.day)


def date_drafts(sentences: list[Sentence], language: str) -> list[Draft]:
    mentions = [m for s in sentences for m in scan(s)]
    drafts: list[Draft] = []
    asked: set[str] = set()
    for number, (mention, when, anchor) in enumerate(resolve(mentions)):
        # `la veille` asks something else than the date written out (often the byline's):
        # resolving a relative day is its own question.
        key = f"{when.isoformat()} {mention.relative is not None}"
        if key in asked:
            continue
        asked.add(key)
        drafts.append(_draft(mention, when, anchor, language, rank=30 + number))
    return drafts


def _draft(
    mention: Mention, when: PartialDate, anchor: Mention | None, language: str, rank: int
) -> Draft:
    sentence = mention.sentence
    quote = evidence(sentence, mention.first, mention.last)
    context = blanked(sentence, mention.first, mention.last)
    fields: dict[str, object] = {
        "prompt": phrase(language, f"date.{when.precision.value}", context=context),
        "answer": when.isoformat(),
        "explanation": phrase(language, "date.why", quote=quote),
        "evidence": [quote],
    }
    if mention.relative is not None and anchor is not None and anchor.when is not None:
        fields["hint"] = phrase(language, "date.relative_hint", words=mention.relative)
        fields["explanation"] = phrase(
            language,
            "date.relative_why",
            words=mention.relative,
            anchor=written_date(anchor.when, language),
        )
        fields["evidence"] = [quote, evidence(anchor.sentence, anchor.first, anchor.last)]
    return Draft(kind="date", type="date", fields=fields, rank=rank)


_MONTH_NAMES = {
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def written_date(when: PartialDate, language: str) -> str:
    if when.month is None:
        return str(when.year)
    month = _MONTH_NAMES[language][when.month - 1]
    if when.day is None:
        return f"{month} {when.year}"
    if language == "fr":
        return f"{when.day} {month} {when.year}"
    return f"{month} {when.day}, {when.year}"
