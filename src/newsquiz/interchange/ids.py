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

    def make(self, *candidates: str) -> str:
        base = next((s for s in (slugify(c) for c in candidates if c) if s), "question")
        chosen, number = base, 2
        while chosen in self.used:
            chosen = f"{base}-{number}"
            number += 1
        self.used.add(chosen)
        return chosen
