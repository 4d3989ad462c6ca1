""" "Did you mean …?" within a bounded budget.

``difflib`` compares two strings in time proportional to the product of their
lengths, and a hostile bank can offer thousands of long misspelt names against
thousands of candidates. Suggestions are therefore looked for only for short
names, among the first few short candidates; past that, no suggestion is made.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

MAX_LENGTH = 64
MAX_CANDIDATES = 64


def suggest(word: str, candidates: Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """The candidate closest to ``word``, or None (also when the budget is exceeded)."""
    if len(word) > MAX_LENGTH:
        return None
    short: list[str] = []
    for candidate in candidates:
        if len(short) >= MAX_CANDIDATES:
            break
        if len(candidate) <= MAX_LENGTH:
            short.append(candidate)
    close = difflib.get_close_matches(word, short, n=1, cutoff=cutoff)
    return close[0] if close else None
