"""Enumerations (`la défense, des transports, de l'économie et …`) -> multi questions."""

from __future__ import annotations

from dataclasses import dataclass

from newsquiz.drafting.draft import MAX_EVIDENCE_WORDS, Draft, word_count
from newsquiz.drafting.lexicon import DOMAINS
from newsquiz.drafting.phrasing import phrase
from newsquiz.drafting.text import APOSTROPHES, Sentence, fold

MIN_ITEMS = 3
MAX_ITEM_WORDS = 4
MAX_ANSWERS = 4
_LEADING = frozenset(
    [
        "de",
        "du",
        "des",
        "d",
        "l",
        "la",
        "le",
        "les",
        "mais",
        "aussi",
        "ainsi",
        "que",
        "the",
        "of",
        "a",
        "an",
        "but",
        "also",
        "as",
        "well",
    ]
)
_AND = frozenset({"et", "and", "ou", "or"})
# Where the last item of a list stops: the verb that follows it.
_STOPS = frozenset(
    [
        "ont",
        "a",
        "sont",
        "est",
        "ont",
        "été",
        "were",
        "was",
        "have",
        "has",
        "are",
        "is",
        "qui",
        "that",
        "which",
        "pour",
        "for",
    ]
)


# Where the first item starts inside `les secteurs de la défense`, `studied the rocks`.
_STARTS = frozenset({"de", "des", "du", "d", "of", "le", "la", "les", "l", "the", "a", "an"})


@dataclass(frozen=True)
class Item:
    first: int
    last: int
    text: str


def find_lists(sentence: Sentence) -> list[tuple[str | None, list[Item]]]:
    """Comma-separated runs of short items ending with `et`/`and`, with their head noun."""
    found: list[tuple[str | None, list[Item]]] = []
    pieces = _pieces(sentence)
    for index, piece in enumerate(pieces):
        if index == 0 or _joiner(sentence, piece) is None:
            continue
        start = index
        while start > 0 and _short(sentence, pieces[start - 1]):
            start -= 1
            if _head(sentence, pieces[start]) is not None:
                break
        if start == index:
            continue
        items = [_tail_item(sentence, pieces[start])]
        items += [_item(sentence, *p) for p in pieces[start + 1 : index]]
        items += _split_last(sentence, piece)
        items = _first_trimmed(sentence, [i for i in items if i.text])
        if len(items) >= MIN_ITEMS:
            found.append((_head(sentence, pieces[start]), items))
    return found


def _first_trimmed(sentence: Sentence, items: list[Item]) -> list[Item]:
    """`The talks cover fishing, shipping…`: the first item is no longer than the longest
    of the others, so the verb phrase before the list stays out of it."""
    if len(items) < 2:
        return items
    width = max(word_count(i.text) for i in items[1:])
    first = items[0]
    if word_count(first.text) <= width:
        return items
    tokens = sentence.tokens
    start, words = first.last, 0
    for k in range(first.last, first.first - 1, -1):
        if tokens[k].is_word:
            words += 1
            start = k
            if words == width:
                break
    if start > first.first and tokens[start - 1].text in APOSTROPHES:
        start -= 1  # `l'éducation`: keep the elision with its word, _item drops it
    return [_item(sentence, start, first.last), *items[1:]]


def _joiner(sentence: Sentence, piece: tuple[int, int]) -> int | None:
    tokens = sentence.tokens
    return next((k for k in range(piece[0], piece[1] + 1) if fold(tokens[k].text) in _AND), None)


def _pieces(sentence: Sentence) -> list[tuple[int, int]]:
    pieces, start = [], 0
    for i, token in enumerate(sentence.tokens):
        if token.text in ",;.:":
            if i > start:
                pieces.append((start, i - 1))
            start = i + 1
    if start < len(sentence.tokens):
        pieces.append((start, len(sentence.tokens) - 1))
    return pieces


def _short(sentence: Sentence, piece: tuple[int, int]) -> bool:
    return sentence.words_between(*piece) <= MAX_ITEM_WORDS + 2 and not any(
        fold(t.text) in _AND for t in sentence.tokens[piece[0] : piece[1] + 1]
    )


def _item(sentence: Sentence, first: int, last: int) -> Item:
    tokens = sentence.tokens
    while first <= last and (
        fold(tokens[first].text) in _LEADING or tokens[first].text in APOSTROPHES
    ):
        first += 1
    if first > last or sentence.words_between(first, last) > MAX_ITEM_WORDS:
        return Item(first, last, "")
    return Item(first, last, sentence.slice(first, last))


def _tail_item(sentence: Sentence, piece: tuple[int, int]) -> Item:
    """`les secteurs de la défense`: the item is what follows the last `de`/`of`."""
    tokens = sentence.tokens
    for k in range(piece[1], piece[0] - 1, -1):
        if fold(tokens[k].text) in _STARTS:
            return _item(sentence, k, piece[1])
    return _item(sentence, *piece)


def _split_last(sentence: Sentence, piece: tuple[int, int]) -> list[Item]:
    tokens = sentence.tokens
    joiner = _joiner(sentence, piece)
    if joiner is None:
        return []
    end = joiner + 1
    while end + 1 <= piece[1] and fold(tokens[end + 1].text) not in _STOPS:
        end += 1
    return [_item(sentence, piece[0], joiner - 1), _item(sentence, joiner + 1, end)]


def _head(sentence: Sentence, piece: tuple[int, int]) -> str | None:
    """`les secteurs de la défense` -> `secteurs`."""
    tokens = sentence.tokens
    for k in range(piece[0] + 1, piece[1] + 1):
        if (
            fold(tokens[k].text) in ("de", "des", "du", "d", "of")
            and fold(tokens[k - 1].text) not in _LEADING
        ):
            return tokens[k - 1].text
    return None


def list_drafts(sentences: list[Sentence], article: str, language: str) -> list[Draft]:
    drafts: list[Draft] = []
    folded = fold(article)
    for sentence in sentences:
        for head, items in find_lists(sentence):
            quotes, answers = _chunks(sentence, items)
            wrong = _distractors(folded, language)
            if len(answers) < 2 or len(wrong) < 2:
                continue
            choices = _interleave(answers, wrong, len(drafts))
            key = "list.prompt" if head else "list.prompt_plain"
            drafts.append(
                Draft(
                    kind="list",
                    type="multi",
                    fields={
                        "prompt": phrase(language, key, head=head),
                        "choices": choices,
                        "answer": answers,
                        "explanation": phrase(
                            language, "list.why", items=", ".join(i.text for i in items)
                        ),
                        "evidence": quotes,
                    },
                    rank=70 + len(drafts),
                )
            )
    return drafts


def _chunks(sentence: Sentence, items: list[Item]) -> tuple[list[str], list[str]]:
    """Quotes of at most 12 words covering the items, and the items they cover."""
    quotes: list[str] = []
    answers: list[str] = []
    start = 0
    while start < len(items) and len(answers) < MAX_ANSWERS:
        end = start
        while (
            end + 1 < len(items)
            and word_count(sentence.slice(items[start].first, items[end + 1].last))
            <= MAX_EVIDENCE_WORDS
        ):
            end += 1
        quotes.append(sentence.slice(items[start].first, items[end].last))
        answers += [_choice(i.text) for i in items[start : end + 1]]
        start = end + 1
    return quotes, answers[:MAX_ANSWERS]


def _choice(text: str) -> str:
    return text[0].upper() + text[1:]


def _distractors(folded: str, language: str) -> list[str]:
    """Domains the article never mentions (``folded`` is the whole article, folded once)."""
    return [d for d in DOMAINS[language] if fold(d) not in folded][:3]


def _interleave(answers: list[str], wrong: list[str], seed: int) -> list[str]:
    """Right and wrong choices mixed, the first choice not always right."""
    mixed: list[str] = []
    for index in range(max(len(answers), len(wrong))):
        pair = [a[index] for a in (wrong, answers) if index < len(a)]
        mixed += pair if (index + seed) % 2 == 0 else pair[::-1]
    return mixed
