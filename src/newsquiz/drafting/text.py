"""Articles cut into sentences and tokens, by linear scans that keep offsets.

Every token remembers where it stands in the article, so that evidence is
always a verbatim slice of the text, never a rebuilt string.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

APOSTROPHES = "'’ʼ"
OPENING_QUOTES = '«“"‘'
CLOSING_QUOTES = '»”"’'
_SENTENCE_END = ".!?…"
_CLAUSE = ",;:()–—"


@dataclass(frozen=True)
class Token:
    """A word, a number or one punctuation mark, with its offsets in the article."""

    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    tokens: tuple[Token, ...]

    def slice(self, first: int, last: int) -> str:
        """The verbatim text from token ``first`` to token ``last`` (inclusive)."""
        return self.text[self.tokens[first].start - self.start : self.tokens[last].end - self.start]

    def words_between(self, first: int, last: int) -> int:
        return sum(t.is_word for t in self.tokens[first : last + 1])


def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    """Words (letters, digits, inner hyphens and dots in numbers) and marks, in one pass."""
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char.isspace():
            i += 1
            continue
        if not char.isalnum():
            tokens.append(Token(char, offset + i, offset + i + 1))
            i += 1
            continue
        j = i + 1
        while j < n and (text[j].isalnum() or _joins(text, j)):
            j += 1
        tokens.append(Token(text[i:j], offset + i, offset + j))
        i = j
    return tuple(tokens)


def _joins(text: str, j: int) -> bool:
    """A hyphen inside a word, or a dot, comma or space inside a number (1 500, 2.5)."""
    if j + 1 >= len(text) or not text[j + 1].isalnum():
        return False
    if text[j] == "-":
        return text[j - 1].isalnum()
    if text[j] in ".,\u00a0\u202f":
        return text[j - 1].isdigit() and text[j + 1].isdigit()
    return False


def sentences(article: str) -> list[Sentence]:
    """Sentences, never crossing a line break nor ending inside « … » or “ … ”."""
    found: list[Sentence] = []
    start = 0
    depth = 0
    i, n = 0, len(article)
    while i < n:
        char = article[i]
        if char in "«“":
            depth += 1
        elif char in "»”" and depth:
            depth -= 1
        ends = char == "\n" or (
            char in _SENTENCE_END and depth == 0 and _next_starts_sentence(article, i + 1)
        )
        if ends:
            _add(found, article, start, i + (char != "\n"))
            start = i + 1
            depth = 0 if char == "\n" else depth
        i += 1
    _add(found, article, start, n)
    return found


def _next_starts_sentence(text: str, i: int) -> bool:
    if i >= len(text):
        return True
    if not text[i].isspace():
        return False
    while i < len(text) and text[i] in " \t\u00a0":
        i += 1
    return i >= len(text) or text[i].isupper() or text[i] in OPENING_QUOTES or text[i] == "\n"


def _add(found: list[Sentence], article: str, start: int, end: int) -> None:
    while start < end and article[start].isspace():
        start += 1
    while end > start and article[end - 1].isspace():
        end -= 1
    if end > start:
        found.append(Sentence(article[start:end], start, tokenize(article[start:end], start)))


def fold(text: str) -> str:
    """Lowercase, without accents: how two mentions of a word are compared."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_clause_mark(token: Token) -> bool:
    return token.text in _CLAUSE or token.text in _SENTENCE_END


def is_quote_mark(token: Token) -> bool:
    return token.text in OPENING_QUOTES or token.text in CLOSING_QUOTES
