"""People named with their titles: `le président russe Vladimir Poutine`."""

from __future__ import annotations

from dataclasses import dataclass

from newsquiz.drafting.lexicon import DETERMINERS, GENERIC, MONTHS, TITLE_LINKS, TITLES, WEEKDAYS
from newsquiz.drafting.text import APOSTROPHES, CLOSING_QUOTES, Sentence, Token, fold

MAX_TITLE_TOKENS = 9
# `reçu à Paris`, `welcomed in Lisbon`: what follows them is a place, not a person.
PLACE_PREPOSITIONS = frozenset(["à", "en", "au", "aux", "in", "at", "to"])
_SENTENCE_ENDS = ".!?…" + CLOSING_QUOTES
# Capitalised at the start of a sentence, but never a name.
_NOT_NAMES = frozenset(
    [
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "des",
        "du",
        "de",
        "ce",
        "cette",
        "ces",
        "cet",
        "en",
        "au",
        "aux",
        "par",
        "pour",
        "dans",
        "sur",
        "il",
        "elle",
        "ils",
        "elles",
        "on",
        "nous",
        "depuis",
        "apres",
        "avant",
        "selon",
        "mais",
        "et",
        "present",
        "arrive",
        "au",
        "camps",
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "in",
        "on",
        "at",
        "by",
        "for",
        "it",
        "he",
        "she",
        "they",
        "we",
        "since",
        "after",
        "before",
        "according",
        "but",
        "and",
    ]
)


@dataclass(frozen=True)
class Person:
    name: str
    title: str
    sentence: Sentence
    first: int  # the token where the description starts (its determiner, if any)
    last: int  # the last token of the name
    offset: int  # where the name starts in the article
    words: frozenset[str]  # the folded words that describe the person

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


def name_runs(sentence: Sentence) -> list[tuple[int, int]]:
    """Runs of capitalised words (first, last), the shape names take."""
    runs: list[tuple[int, int]] = []
    tokens = sentence.tokens
    i = 0
    while i < len(tokens):
        if _name_word(tokens[i]):
            j = i
            while j + 1 < len(tokens) and _name_word(tokens[j + 1]):
                j += 1
            runs.append((i, j))
            i = j + 1
        else:
            i += 1
    return runs


def _name_word(token: Token) -> bool:
    folded = fold(token.text)
    return (
        token.is_word
        and token.capitalised
        and not token.text.isupper()
        and folded not in MONTHS
        and folded not in WEEKDAYS
        and folded not in _NOT_NAMES
    )


def find_people(sentences: list[Sentence]) -> list[Person]:
    """Each person once, at the first mention that gives their title."""
    people: dict[str, Person] = {}
    for sentence in sentences:
        if is_headline(sentence):
            continue
        for first, last in name_runs(sentence):
            person = _titled(sentence, first, last)
            if person is not None and fold(person.surname) not in people:
                people[fold(person.surname)] = person
    return list(people.values())


def _titled(sentence: Sentence, first: int, last: int) -> Person | None:
    tokens = sentence.tokens
    # `de l'Énergie Sergueï Tsiviliov`, `Energy Minister Sergei Tsivilev`: the run
    # starts with the end of the title.
    split = first + 1 if _after_link(tokens, first) else first
    for k in range(first, last):
        if fold(tokens[k].text) in TITLES:
            split = k + 1
    if split > last or not _real_name(tokens, split, last):
        return None
    start = _title_start(tokens, split)
    if start is None or start == split:
        return None
    title_first = start
    while title_first < split and (
        _determiner(tokens, title_first) or tokens[title_first].text in APOSTROPHES
    ):
        title_first += 1
    if title_first >= split:
        return None
    title = sentence.slice(title_first, split - 1)
    if split == first and last == first and not _any_title(tokens, title_first, split):
        return None
    name = sentence.slice(split, last)
    described, begins = _apposition(sentence, start)
    words = content_words(title + " " + (described or ""))
    return Person(
        name=name,
        title=described or title,
        sentence=sentence,
        first=begins,
        last=last,
        offset=tokens[split].start,
        words=words,
    )


def is_headline(sentence: Sentence) -> bool:
    """A title or byline line: it does not end as a sentence does."""
    return sentence.tokens[-1].text not in _SENTENCE_ENDS


def after_place_preposition(tokens: tuple[Token, ...], k: int) -> bool:
    return k > 0 and tokens[k - 1].lower in PLACE_PREPOSITIONS


def _real_name(tokens: tuple[Token, ...], split: int, last: int) -> bool:
    """A title is followed by a name: not another title word, not a place (`reçu à Paris`)."""
    if after_place_preposition(tokens, split):
        return False
    return not any(fold(t.text) in TITLES for t in tokens[split : last + 1])


def _after_link(tokens: tuple[Token, ...], k: int) -> bool:
    before = tokens[k - 1] if k else None
    return before is not None and (before.lower in TITLE_LINKS or before.text in APOSTROPHES)


def _determiner(tokens: tuple[Token, ...], k: int) -> bool:
    """`le`, `l'`, `the`: the start of a description (not the `la` of `de la Défense`)."""
    if tokens[k].lower not in DETERMINERS or _after_link(tokens, k):
        return False
    elided = k + 1 < len(tokens) and tokens[k + 1].text in APOSTROPHES
    return tokens[k].lower != "l" or elided


def _any_title(tokens: tuple[Token, ...], first: int, end: int) -> bool:
    return any(fold(t.text) in TITLES for t in tokens[first:end])


def _title_start(tokens: tuple[Token, ...], split: int) -> int | None:
    """Walk back from the name over the words of a title, to its determiner.

    Without a determiner close to the title word (`by President Richard Nixon`),
    the title is the title word next to the name.
    """
    nearest: int | None = None
    k = split - 1
    while k >= 0 and split - k <= MAX_TITLE_TOKENS:
        token = tokens[k]
        wordlike = token.is_word or token.text in APOSTROPHES
        if fold(token.text) in TITLES:
            nearest = k
        elif nearest is None:
            if not wordlike or (token.capitalised and not _after_link(tokens, k)):
                return None
        elif _determiner(tokens, k):
            return k
        elif k < nearest - 3 or not wordlike:
            return nearest
        k -= 1
    return nearest


def _apposition(sentence: Sentence, start: int) -> tuple[str | None, int]:
    """`le chef de la junte malienne, le général Assimi Goïta`: the longer description,
    and the token where it starts."""
    tokens = sentence.tokens
    if start < 3 or tokens[start - 1].text != ",":
        return None, start
    k = start - 2
    while k >= 0 and start - k <= MAX_TITLE_TOKENS and tokens[k].text != ",":
        if _determiner(tokens, k):
            if _any_title(tokens, k + 1, start - 1):
                return sentence.slice(k + 1, start - 2), k
            return None, start
        k -= 1
    return None, start


def content_words(text: str) -> frozenset[str]:
    for mark in APOSTROPHES:
        text = text.replace(mark, " ")
    words = (fold(w.strip(".,")) for w in text.split())
    return frozenset(w for w in words if len(w) > 2 and w not in GENERIC)


def mentions(sentences: list[Sentence], people: list[Person]) -> list[tuple[int, Person]]:
    """Every place a person's surname appears, in article order."""
    by_surname = {fold(p.surname): p for p in people}
    found: list[tuple[int, Person]] = []
    for sentence in sentences:
        for token in sentence.tokens:
            person = by_surname.get(fold(token.text))
            if person is not None:
                found.append((token.start, person))
    return found
