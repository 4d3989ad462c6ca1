"""The folded form of text in which the grader compares answers.

Grading compares what a learner types with the bank's answers in this form;
the loader refuses two choices (or items, or pairs) equal in this form, since
the grader could not tell them apart. Both use this one module so that they
cannot drift apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

# Mapped before Unicode decomposition: NFKD would turn ´ into a space plus a
# combining accent, losing the fact that it was typed as an apostrophe.
_QUOTES = str.maketrans(dict.fromkeys('’‘`´«»“”"‚„‹›ʼʻ′″＂＇', "'"))
# Letters that carry no decomposition but that learners routinely type without
# their stroke or as two letters.
_LETTER_FOLDS = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "æ": "ae", "œ": "oe"})
_ARTICLES = frozenset({"l", "le", "la", "les", "the", "a", "an"})


_ACCENTS = re.compile("[\u0300-\u036f]+")
_ASCII_AND_ACCENTS = re.compile("[\x00-\x7f\u0300-\u036f]*")
# In ASCII, the characters that spaced() keeps: letters, digits and the symbols
# (Unicode categories S*). Everything else separates words.
_ASCII_SEPARATOR = re.compile(r"[^A-Za-z0-9$+<=>^`|~]")


def fold(text: str) -> str:
    """Case- and accent-free form, punctuation untouched."""
    if text.isascii():
        # The same result, without a pass per character in Python: ASCII has no
        # accents to strip and nothing that NFKD or casefold would change but case.
        return text.translate(_QUOTES).lower()
    return _fold_any(text)


def _fold_any(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES)).casefold()
    # casefold can itself produce combining marks (İ -> i + dot above).
    text = unicodedata.normalize("NFKD", text)
    if _ASCII_AND_ACCENTS.fullmatch(text):
        # Latin text with accents (French, Spanish, German…): its only marks are
        # those of the Combining Diacritical Marks block, all of category Mn.
        text = _ACCENTS.sub("", text)
    else:
        text = "".join(c for c in text if not unicodedata.category(c).startswith("M"))
    return text.translate(_LETTER_FOLDS)


def spaced(text: str) -> str:
    """Keep letters, digits and symbols; every other character separates words."""
    if text.isascii():
        return _ASCII_SEPARATOR.sub(" ", text)
    return _spaced_any(text)


def _spaced_any(text: str) -> str:
    out: list[str] = []
    for c in text:
        category = unicodedata.category(c)
        if category[0] in "LNS":
            out.append(c)
        elif category != "Cf":
            # Format characters (soft hyphen, zero-width space) sit inside words.
            out.append(" ")
    return "".join(out)


def normalize_text(text: str) -> str:
    """The comparable form of a short answer: lower case, no accents, no
    punctuation or quotes, hyphens as spaces, single spaces, leading articles
    (l', le, la, les, the, a, an) removed while another word follows.
    """
    words = spaced(fold(text)).split()
    while len(words) > 1 and words[0] in _ARTICLES:
        words.pop(0)
    return " ".join(words)


def comparable_key(text: str) -> str:
    """The form two answers are compared in: :func:`normalize_text` without spaces."""
    return normalize_text(text).replace(" ", "")


def grader_key(text: str) -> str:
    """What the grader matches a typed answer against: the comparable key, or
    the stripped text itself when it is only punctuation (no key to compare)."""
    return comparable_key(text) or text.strip()


def first_indistinct(texts: Sequence[str]) -> tuple[int, int] | None:
    """The indices of the first two texts the grader cannot tell apart, if any."""
    seen: dict[str, int] = {}
    for index, text in enumerate(texts):
        key = grader_key(text)
        if key in seen:
            return seen[key], index
        seen[key] = index
    return None
