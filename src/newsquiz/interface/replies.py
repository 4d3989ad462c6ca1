"""What a prompter hands back: a reply, or an action (the hint, taking back a pick).

Shared by the plain prompter and the arrow-key one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from newsquiz.grading import Response
from newsquiz.interface.forms import Typed
from newsquiz.model import (
    ChoiceQuestion,
    ClozeQuestion,
    DateQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    ShortQuestion,
    TrueFalseQuestion,
    assert_never,
)
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


def blanks_reply(answers: Sequence[str]) -> Reply:
    """What the blanks of a cloze question come to: skipped when none was filled in."""
    if not any(answers):
        return SKIP
    return Reply(tuple(answers), " | ".join(answers))


def deadline_after(time_left: float | None, now: Callable[[], float]) -> float | None:
    """When the answer is due on the clock ``now``, ``time_left`` seconds from now (None: never)."""
    return None if time_left is None else now() + time_left


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


class TypePrompts(Protocol):
    """One prompt per question type: what a prompter implements for `ask_by_type`."""

    def ask_choice(self, item: Item, hint_available: bool) -> Reply | Action: ...
    def ask_multi(self, item: Item, hint_available: bool) -> Reply | Action: ...
    def ask_truefalse(self, item: Item, hint_available: bool) -> Reply | Action: ...
    def ask_order(self, item: Item, hint_available: bool) -> Reply | Action: ...
    def ask_match(self, item: Item, hint_available: bool) -> Reply | Action: ...
    def ask_cloze(self, question: ClozeQuestion, hint_available: bool) -> Reply | Action: ...
    def ask_typed(self, question: Typed, hint_available: bool) -> Reply | Action: ...


def ask_by_type(prompter: TypePrompts, item: Item, hint_available: bool) -> Reply | Action:
    """The prompt for the item's question type: the one dispatch both prompters share."""
    question = item.question
    match question:
        case ChoiceQuestion():
            return prompter.ask_choice(item, hint_available)
        case MultiQuestion():
            return prompter.ask_multi(item, hint_available)
        case TrueFalseQuestion():
            return prompter.ask_truefalse(item, hint_available)
        case OrderQuestion():
            return prompter.ask_order(item, hint_available)
        case MatchQuestion():
            return prompter.ask_match(item, hint_available)
        case ClozeQuestion():
            return prompter.ask_cloze(question, hint_available)
        case ShortQuestion() | NumberQuestion() | DateQuestion():
            return prompter.ask_typed(question, hint_available)
        case _:
            return assert_never(question)
