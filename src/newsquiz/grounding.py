"""Evidence checked against the article: every quote must be in it, word for word.

Quotes and article are compared after folding case, accents, spacing, line
breaks, quote marks and apostrophes. A missing quote is reported at its own line
with the closest passage of the article; an answer found neither in its
evidence nor in the article is a warning.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from newsquiz.folding import Word, fold, words
from newsquiz.model import (
    Bank,
    ChoiceQuestion,
    ClozeQuestion,
    MultiQuestion,
    Question,
    ShortQuestion,
)

PASSAGE_MARGIN = 2


@dataclass(frozen=True)
class Site:
    """Where one evidence quote is written in the bank file."""

    question: str
    quote: str
    line: int
    column: int


@dataclass(frozen=True)
class Grounding:
    line: int
    column: int
    key: str
    values: tuple[tuple[str, str], ...]
    error: bool


def evidence_sites(bank_text: str) -> list[Site]:
    """Each evidence quote with its line, read again from the file (plain or {quote: …})."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    root = yaml.compose(bank_text, Loader=loader)
    sites: list[Site] = []
    for question in _items(_get(root, "questions")):
        qid = _get(question, "id")
        evidence = _get(question, "evidence")
        entries = _items(evidence) if isinstance(evidence, yaml.SequenceNode) else [evidence]
        for entry in entries:
            node = _get(entry, "quote") if isinstance(entry, yaml.MappingNode) else entry
            if isinstance(node, yaml.ScalarNode) and isinstance(qid, yaml.ScalarNode):
                mark = node.start_mark
                sites.append(Site(qid.value, node.value.strip(), mark.line + 1, mark.column + 1))
    return sites


def _get(node: object, name: str) -> object:
    import yaml

    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == name:
                return value
    return None


def _items(node: object) -> list[object]:
    import yaml

    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def ground(bank: Bank, bank_text: str, article: str) -> list[Grounding]:
    folded = " " + fold(article) + " "
    article_words = words(article)
    found: list[Grounding] = []
    for site in evidence_sites(bank_text):
        if _within(fold(site.quote), folded):
            continue
        passage = closest_passage(site.quote, article, article_words)
        values = (("quote", site.quote), ("passage", passage))
        found.append(Grounding(site.line, site.column, "ground.missing", values, error=True))
    for question in bank.questions:
        missing = _unsupported(question, folded)
        if missing is not None and question.location is not None:
            values = (("id", question.id), ("answer", missing))
            where = question.location
            found.append(Grounding(where.line, where.column, "ground.answer", values, error=False))
    return found


def _within(quote: str, folded_article: str) -> bool:
    return bool(quote) and quote in folded_article


def _unsupported(question: Question, folded_article: str) -> str | None:
    """The answer, when neither it nor an accepted variant is in the evidence or the article."""
    variants = _answers(question)
    if not variants:
        return None
    # A bank in another language than its article finds its answers in the translations.
    said = [text for e in question.evidence for text in (e.quote, e.translation) if text]
    evidence = " " + " ".join(fold(text) for text in said) + " "
    for variant in variants:
        pattern = fold(variant)
        if _whole(pattern, evidence) or _whole(pattern, folded_article):
            return None
    return variants[0]


def _whole(needle: str, haystack: str) -> bool:
    return (
        bool(needle) and re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", haystack) is not None
    )


def _answers(question: Question) -> tuple[str, ...]:
    match question:
        case ChoiceQuestion():
            return (question.answer,)
        case ShortQuestion():
            return (question.answer, *question.accept)
        case ClozeQuestion():
            return question.blanks[0].answers if question.blanks else ()
        case MultiQuestion():
            return ()
        case _:
            return ()


def closest_passage(quote: str, article: str, article_words: list[Word] | None = None) -> str:
    """The run of article words, as long as the quote, sharing the most words with it.

    One pass with a sliding window of word counts: linear in the article's length.
    """
    every = words(article) if article_words is None else article_words
    wanted = Counter(fold(w) for w in quote.split() if fold(w))
    size = max(1, sum(wanted.values()))
    if not every:
        return ""
    window: Counter[str] = Counter()
    shared = best = best_at = 0
    for index, word in enumerate(every):
        folded = word.folded
        window[folded] += 1
        if window[folded] <= wanted[folded]:
            shared += 1
        if index >= size:
            gone = every[index - size].folded
            if window[gone] <= wanted[gone]:
                shared -= 1
            window[gone] -= 1
        if shared > best:
            best, best_at = shared, max(0, index - size + 1)
    first = max(0, best_at - PASSAGE_MARGIN)
    last = min(len(every), best_at + size + PASSAGE_MARGIN) - 1
    return " ".join(article[every[first].start : every[last].end].split())
