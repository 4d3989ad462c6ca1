"""What an import or an export could not keep, said by message key, never in words.

The library does not know the user's language: each notice names a key of the
message catalogue (``interchange.<key>``) and the values that fill it in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

# How exporters put a fixed word (``Answer key``, ``True``), a date or a number in a
# file: the command passes the message catalogue of the bank's language.
from newsquiz.right_answer import Words as Words


@dataclass(frozen=True)
class Notice:
    """One question skipped, or kept with a loss.

    ``line`` is where the question starts in the file read (imports), or 0;
    ``question`` names it (its id on export, its title or first words on import).
    """

    key: str
    line: int = 0
    question: str = ""
    values: Mapping[str, str] = field(default_factory=dict)
    skipped: bool = True


class InterchangeError(Exception):
    """A file cannot be imported or exported at all; ``key`` names the message."""

    def __init__(self, key: str, **values: str) -> None:
        self.key = key
        self.values = values
        super().__init__(key)
