"""A drafted question before it is written out, and the evidence it quotes."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsquiz.drafting.text import Sentence, is_clause_mark

MAX_EVIDENCE_WORDS = 12


@dataclass
class Draft:
    """One question: its type, its fields in the order they are written, and a rank.

    ``rank`` orders the drafts of one article: when two drafts give each other's
    answers away, the one with the higher rank is dropped.
    """

    kind: str
    type: str
    fields: dict[str, object]
    rank: int = 0
    id: str = ""
    answers: tuple[str, ...] = field(default=())


def word_count(text: str) -> int:
    """Words as a reader counts them: runs of characters between spaces, holding a letter or digit."""
    return sum(1 for chunk in text.split() if any(c.isalnum() for c in chunk))


def evidence(sentence: Sentence, first: int, last: int, limit: int = MAX_EVIDENCE_WORDS) -> str:
    """A verbatim slice of the sentence around tokens first..last, of at most ``limit`` words.

    It grows one token at a time, right then left, inside the clause (between
    commas) when it can, so that the quote reads as a whole.
    """
    tokens = sentence.tokens
    while last > first and word_count(sentence.slice(first, last)) > limit:
        last -= 1
    grew = True
    while grew:
        grew = False
        for step in (1, -1):
            candidate = last + 1 if step == 1 else first - 1
            if not 0 <= candidate < len(tokens) or is_clause_mark(tokens[candidate]):
                continue
            lo, hi = (first, candidate) if step == 1 else (candidate, last)
            if word_count(sentence.slice(lo, hi)) > limit:
                continue
            first, last = lo, hi
            grew = True
    return _trim(sentence, first, last)


def _trim(sentence: Sentence, first: int, last: int) -> str:
    """Drop a stray mark at either end, keeping the slice verbatim."""
    tokens = sentence.tokens
    while first < last and not tokens[first].is_word and tokens[first].text not in '«“"':
        first += 1
    while last > first and not tokens[last].is_word and tokens[last].text not in '»”"':
        last -= 1
    return sentence.slice(first, last)
