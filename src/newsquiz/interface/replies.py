"""What a prompter hands back: a reply, or an action such as asking for the hint.

A prompter turns a question into a :class:`Reply` (the response in the form
grading expects, plus the same as text for the records), or :data:`HINT` when
the learner asks for the hint.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from newsquiz.grading import Response
from newsquiz.outside_text import visible
from newsquiz.session import Item


class Action(Enum):
    HINT = "hint"
    UNDO = "undo"


HINT = Action.HINT
UNDO = Action.UNDO


@dataclass(frozen=True)
class Reply:
    """What the learner answered, and how it reads as text."""

    response: Response
    text: str | None


SKIP = Reply(None, None)


class Prompter(Protocol):
    def ask(
        self, item: Item, *, hint_available: bool, time_left: float | None = None
    ) -> Reply | Action:
        """Raises TimeoutError when ``time_left`` seconds pass before the answer."""
        ...

    def confirm(self, message: str, *, default: bool = True, fresh: bool = False) -> bool: ...

    def select(self, message: str, options: Sequence[str]) -> int: ...


def visible_typed(values: dict[str, object]) -> dict[str, object]:
    """The values of a complaint, with what was typed shown escaped (never an escape code)."""
    if "typed" in values:
        return {**values, "typed": visible(str(values["typed"]))}
    return values
