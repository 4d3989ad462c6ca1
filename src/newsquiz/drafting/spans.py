"""Verbatim slices of a sentence that fit in a quote of a few words."""

from __future__ import annotations

from newsquiz.drafting.draft import MAX_EVIDENCE_WORDS, word_count
from newsquiz.drafting.text import Sentence


def tail(sentence: Sentence, lowest: int, last: int, limit: int = MAX_EVIDENCE_WORDS) -> str:
    """The longest slice ending at token ``last``, starting no earlier than ``lowest``."""
    first = last
    while first > lowest and word_count(sentence.slice(first - 1, last)) <= limit:
        first -= 1
    while (
        first < last
        and not sentence.tokens[first].is_word
        and sentence.tokens[first].text not in '«“"'
    ):
        first += 1
    return sentence.slice(first, last)


def head(sentence: Sentence, first: int, highest: int, limit: int = MAX_EVIDENCE_WORDS) -> str:
    """The longest slice starting at token ``first``, ending no later than ``highest``."""
    last = first
    while last < highest and word_count(sentence.slice(first, last + 1)) <= limit:
        last += 1
    while (
        last > first
        and not sentence.tokens[last].is_word
        and sentence.tokens[last].text not in '»”"'
    ):
        last -= 1
    return sentence.slice(first, last)
