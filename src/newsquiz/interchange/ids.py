"""Question ids for imported questions: slugs of their titles or prompts, unique."""

from __future__ import annotations

import re
import unicodedata

MAX_ID_LENGTH = 48


def slugify(text: str, *, limit: int = MAX_ID_LENGTH) -> str:
    """Lowercase ASCII letters, digits and hyphens, cut at a word boundary."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if len(slug) > limit:
        cut = slug[:limit]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return slug


class IdMaker:
    """Gives each question a different id, in the order they come."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        # The next number to try for each base: a thousand questions titled
        # alike cost a thousand steps, not half a million.
        self.following: dict[str, int] = {}

    def make(self, *candidates: str) -> str:
        base = next((s for s in (slugify(c) for c in candidates if c) if s), "question")
        chosen = base
        if chosen in self.used:
            number = self.following.get(base, 2)
            while f"{base}-{number}" in self.used:
                number += 1
            chosen = f"{base}-{number}"
            self.following[base] = number + 1
        self.used.add(chosen)
        return chosen
