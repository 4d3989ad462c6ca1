"""Text as the grader compares it: fold, normalise, distance, match.

The folded form of text in which the grader compares answers.

Grading compares what a learner types with the bank's answers in this form;
the loader refuses two choices (or items, or pairs) equal in this form, since
the grader could not tell them apart. Both use this one module so that they
cannot drift apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

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


@dataclass(frozen=True)
class TextMatch:
    """Outcome of matching typed text against the accepted variants."""

    accepted: bool
    variant: str | None = None
    """The variant that matched, as the teacher wrote it."""
    typo: bool = False
    """Accepted only thanks to the typo budget."""
    answer: str | None = None
    """The answer as the teacher wrote it first, in the bank's language."""
    unaccented: bool = False
    """Accepted, but typed without the accents of the variant."""

    @property
    def near_miss(self) -> str | None:
        """The spelling to show after a forgiven typo: the bank's own answer, not
        whichever ``accept`` variant the typo was close to."""
        return (self.answer or self.variant) if self.typo else None

    @property
    def accents(self) -> str | None:
        return self.variant if self.unaccented else None


def measure_distance(a: str, b: str) -> int:
    """Optimal-string-alignment distance: insertions, deletions, substitutions
    and swaps of two adjacent characters each cost 1."""
    if len(a) < len(b):
        a, b = b, a
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def typo_budget(expected: str) -> int:
    """How many typos are forgiven when ``expected`` is the answer.

    Counted on the normalised form: none below 5 characters or when digits are
    involved (a year or a figure off by one is a different answer), 1 up to 8,
    2 beyond.
    """
    key = comparable_key(expected)
    if len(key) < 5 or any(unicodedata.category(c).startswith("N") for c in key):
        return 0
    return 1 if len(key) <= 8 else 2


def match_text(expected_variants: Sequence[str], typed: str, *, exact: bool = False) -> TextMatch:
    """Match ``typed`` against the accepted spellings.

    With ``exact``, only an identical string (surrounding whitespace stripped,
    Unicode composed form) matches. Otherwise normalised forms are compared,
    then the typo budget of each variant is tried, closest variant first.
    """
    if exact:
        wanted = unicodedata.normalize("NFC", typed.strip())
        for variant in expected_variants:
            if unicodedata.normalize("NFC", variant.strip()) == wanted:
                return TextMatch(accepted=True, variant=variant)
        return TextMatch(accepted=False)

    typed_key = comparable_key(typed)
    keyed = [(variant, comparable_key(variant)) for variant in expected_variants]
    for variant, key in keyed:
        # A variant made only of punctuation has no normalised form to compare.
        same = key == typed_key if key else variant.strip() == typed.strip()
        if same:
            return TextMatch(
                accepted=True, variant=variant, unaccented=_lacks_accents(typed, variant)
            )
    if not typed_key:
        return TextMatch(accepted=False)

    best: tuple[int, str] | None = None
    for variant, key in keyed:
        budget = typo_budget(variant)
        if budget == 0 or abs(len(key) - len(typed_key)) > budget:
            continue
        distance = measure_distance(key, typed_key)
        if distance <= budget and (best is None or distance < best[0]):
            best = (distance, variant)
    if best is None:
        return TextMatch(accepted=False)
    return TextMatch(
        accepted=True,
        variant=best[1],
        typo=True,
        answer=_spelling_to_show(expected_variants, best[1]),
    )


def _spelling_to_show(variants: Sequence[str], near: str) -> str:
    """The spelling a near miss names: the variant nearly typed when it is a longer or
    shorter form of the answer (``Vladimir Poutine`` for ``Poutine``), else the answer
    itself, never another language's spelling (``Sergei`` for ``Sergueï``)."""
    answer = variants[0]
    answer_key, near_key = comparable_key(answer), comparable_key(near)
    return near if answer_key in near_key or near_key in answer_key else answer


def _marks(text: str) -> int:
    """How many accents (and letters such as œ or ø) a text carries."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return sum(1 for c in decomposed if unicodedata.category(c).startswith("M") or c in "øłđħæœ")


def _lacks_accents(typed: str, variant: str) -> bool:
    """The same word typed with fewer of its accents (``bilaterale`` for ``bilatérale``)."""
    return _marks(typed) < _marks(variant)
