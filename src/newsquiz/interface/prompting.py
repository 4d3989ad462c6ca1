"""Two ways to collect an answer: one plain line of text (here), or arrow-key menus
(:mod:`newsquiz.interface.arrow_prompter`, imported here too).

A prompter turns a question into a :class:`Reply` (the response in the form
grading expects, plus the same as text for the records), or :data:`HINT` when
the learner asks for the hint. End of input raises ``EOFError``; Ctrl-C raises
``KeyboardInterrupt``, caught once, by the command.
"""

from __future__ import annotations

import re
import select
import time
from collections.abc import Callable, Sequence
from typing import TextIO

from rich.console import Console
from rich.text import Text

from newsquiz.grading import normalize_text
from newsquiz.interface.arrow_prompter import QuestionaryPrompter
from newsquiz.interface.forms import Typed, expected_form
from newsquiz.interface.messages import Messages
from newsquiz.interface.replies import (
    HINT,
    SKIP,
    UNDO,
    Action,
    Prompter,
    Reply,
    ask_by_type,
    blanks_reply,
    deadline_after,
    visible_typed,
)
from newsquiz.model import (
    ClozeQuestion,
)
from newsquiz.outside_text import undecodable, visible, without_surrogates
from newsquiz.session import Item
from newsquiz.streams import MAX_LINE, read_bounded_line

__all__ = [
    "HINT",
    "SKIP",
    "UNDO",
    "Action",
    "PlainPrompter",
    "Prompter",
    "QuestionaryPrompter",
    "Reply",
    "parse_numbers",
    "parse_truefalse",
    "whole_number",
]

_TRUE_WORDS = frozenset({"t", "true", "v", "vrai", "y", "yes", "o", "oui"})
_FALSE_WORDS = frozenset({"f", "false", "faux", "n", "no", "non"})


def parse_truefalse(text: str) -> bool | None:
    word = normalize_text(text)
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    return None


# More digits than any list of choices needs: `int` is never asked to read 5,000 of them.
_MAX_DIGITS = 6


def whole_number(word: str) -> int | None:
    """A number typed with the digits 0-9, or None.

    ``²``, ``①`` or ``٣`` pass ``str.isdigit`` but are not what the prompt asks
    for (and ``int`` refuses the first two): they are asked again, like any typo.
    """
    if word.isascii() and word.isdigit() and len(word) <= _MAX_DIGITS:
        return int(word)
    return None


def parse_numbers(text: str) -> list[int] | None:
    """``1 3``, ``1,3`` or ``1, 3`` as [1, 3]; None when anything else is there."""
    numbers = [whole_number(w) for w in re.split(r"[\s,;]+", text.strip()) if w]
    if not numbers or None in numbers:
        return None
    return [n for n in numbers if n is not None]


class PlainPrompter:
    """Numbered choices and one line of input per answer, for screen readers and scripts."""

    def __init__(
        self,
        console: Console,
        stdin: TextIO,
        messages: Messages,
        *,
        echo: bool = False,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.console = console
        self.stdin = stdin
        self.say = messages
        # Piped input is not echoed by a terminal: echo it so a transcript reads well.
        self.echo = echo
        # A timed exam: when the answer is due, and the clock it is due on (Environment's).
        self.deadline: float | None = None
        self.monotonic = monotonic

    def read_line(self, label: str = "> ") -> str:
        """One line of text; a line too long, or with bytes that are not text, is asked again."""
        while True:
            line, too_long = self._read_raw(label)
            if too_long:
                self.warn("ask.too_long", limit=MAX_LINE)
            elif undecodable(line):
                self.warn("ask.undecodable")
            else:
                return line.strip()

    def _read_raw(self, label: str) -> tuple[str, bool]:
        self.console.print(label, end="")
        self.console.file.flush()
        self._wait_for_input()
        line, too_long = read_bounded_line(self.stdin)
        if line == "":
            self.console.print()
            raise EOFError
        line = without_surrogates(line.rstrip("\r\n"))
        if self.echo:
            shown = visible(line)
            self.console.print(Text(shown if len(shown) <= 200 else shown[:200] + "…"))
        return line, too_long

    def _wait_for_input(self) -> None:
        """In a timed exam, give up waiting when the time runs out."""
        if self.deadline is None:
            return
        try:
            stream = self.stdin.fileno()
        except (AttributeError, OSError, ValueError):
            return  # not a real stream (tests): nothing to wait on
        remaining = max(self.deadline - self.monotonic(), 0.0)
        ready, _, _ = select.select([stream], [], [], remaining)
        if not ready:
            self.console.print()
            raise TimeoutError

    def show_numbered(self, entries: Sequence[str]) -> None:
        for number, entry in enumerate(entries, start=1):
            line = Text(f"  {number}. ")
            line.append(entry)
            self.console.print(line)

    def instruct(self, key: str, *, hint_available: bool, **values: object) -> None:
        extra = "ask.extra_keys" if hint_available else "ask.extra_keys_nohint"
        self.console.print(
            Text(f"{self.say(key, **values)} {self.say(extra)}", style="quiz.instruction")
        )

    def warn(self, key: str, **values: object) -> None:
        self.console.print(Text(self.say(key, **values), style="quiz.wrong"))

    def ask(
        self, item: Item, *, hint_available: bool, time_left: float | None = None
    ) -> Reply | Action:
        self.deadline = deadline_after(time_left, self.monotonic)
        return ask_by_type(self, item, hint_available)

    def ask_typed(self, question: Typed, hint_available: bool) -> Reply | Action:
        form = expected_form(question, self.say)
        if form is not None:
            self.instruct(form.instruction, hint_available=hint_available, **form.values)
        else:
            self.instruct("ask.short", hint_available=hint_available)

        def parse(line: str) -> Reply | None:
            return Reply(line, line) if form is None or form.reads(line) else None

        def complain(line: str) -> None:
            assert form is not None
            key, values = form.complaint(line)
            self.warn(key, **visible_typed(values))

        return self._read_reply(parse, complain)

    def _read_reply(
        self, parse: Callable[[str], Reply | None], complain: Callable[[str], None]
    ) -> Reply | Action:
        """Read lines until one asks for the hint, skips (empty) or parses."""
        while True:
            line = self.read_line()
            if line == "?":
                return HINT
            if not line:
                return SKIP
            reply = parse(line)
            if reply is not None:
                return reply
            complain(line)

    def ask_choice(self, item: Item, hint_available: bool) -> Reply | Action:
        choices = item.choices
        self.show_numbered(choices)
        self.instruct("ask.choice", hint_available=hint_available, count=len(choices))

        def parse(line: str) -> Reply | None:
            number = whole_number(line)
            if number is not None and 1 <= number <= len(choices):
                return Reply(choices[number - 1], choices[number - 1])
            named = [c for c in choices if normalize_text(c) == normalize_text(line)]
            return Reply(named[0], named[0]) if named else None

        return self._read_reply(
            parse,
            lambda line: self.warn("ask.invalid_number", typed=visible(line), count=len(choices)),
        )

    def ask_multi(self, item: Item, hint_available: bool) -> Reply | Action:
        choices = item.choices
        self.show_numbered(choices)
        self.instruct("ask.multi", hint_available=hint_available)

        def parse(line: str) -> Reply | None:
            numbers = parse_numbers(line)
            if not numbers or not all(1 <= n <= len(choices) for n in numbers):
                return None
            picked = [choices[n - 1] for n in dict.fromkeys(numbers)]
            return Reply(tuple(picked), self.say("answer.list_sep").join(picked))

        return self._read_reply(parse, lambda _: self.warn("ask.invalid_multi", max=len(choices)))

    def ask_truefalse(self, item: Item, hint_available: bool) -> Reply | Action:
        self.instruct("ask.truefalse", hint_available=hint_available)

        def parse(line: str) -> Reply | None:
            value = parse_truefalse(line)
            return None if value is None else Reply(value, "true" if value else "false")

        return self._read_reply(parse, lambda _: self.warn("ask.invalid_truefalse"))

    def ask_order(self, item: Item, hint_available: bool) -> Reply | Action:
        items = item.order_items
        self.show_numbered(items)
        example = " ".join(str(n) for n in range(len(items), 0, -1))
        self.instruct("ask.order", hint_available=hint_available, count=len(items), example=example)

        def parse(line: str) -> Reply | None:
            numbers = parse_numbers(line)
            if not numbers or sorted(numbers) != list(range(1, len(items) + 1)):
                return None
            ordered = tuple(items[n - 1] for n in numbers)
            return Reply(ordered, self.say("answer.order_sep").join(ordered))

        return self._read_reply(
            parse, lambda _: self.warn("ask.invalid_list", count=len(items), max=len(items))
        )

    def ask_match(self, item: Item, hint_available: bool) -> Reply | Action:
        letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        for letter, left in zip(letters, item.match_left, strict=False):
            row = Text(f"  {letter}. ")
            row.append(left)
            self.console.print(row)
        self.console.print()
        self.show_numbered(item.match_right)
        example = " ".join(str(n) for n in range(1, len(item.match_left) + 1))
        self.instruct("ask.match", hint_available=hint_available, example=example)
        lefts, rights = item.match_left, item.match_right

        def parse(line: str) -> Reply | None:
            numbers = parse_numbers(line)
            if not numbers or len(numbers) != len(lefts):
                return None
            if not all(1 <= n <= len(rights) for n in numbers):
                return None
            chosen = {left: rights[n - 1] for left, n in zip(lefts, numbers, strict=True)}
            text = self.say("answer.list_sep").join(f"{k} = {v}" for k, v in chosen.items())
            return Reply(chosen, text)

        return self._read_reply(
            parse, lambda _: self.warn("ask.invalid_list", count=len(lefts), max=len(rights))
        )

    def ask_cloze(self, question: ClozeQuestion, hint_available: bool) -> Reply | Action:
        count = len(question.blanks)
        keys = "ask.cloze_keys" if hint_available else "ask.cloze_keys_nohint"
        self.console.print(
            Text(f"{self.say('ask.cloze', count=count)} {self.say(keys)}", style="quiz.instruction")
        )
        answers: list[str] = []
        for number in range(1, count + 1):
            line = self.read_line(f"{self.say('ask.cloze_blank', number=number)} ")
            if line == "?" and not answers:
                return HINT
            answers.append(line)
        return blanks_reply(answers)

    def confirm(self, message: str, *, default: bool = True, fresh: bool = False) -> bool:
        self.console.print(Text(f"{message} (y/n)"))
        # Only an explicit yes says yes: a script's stray line never starts a retry.
        return parse_truefalse(self.read_line()) is True

    def select(self, message: str, options: Sequence[str]) -> int:
        self.console.print(Text(message))
        self.show_numbered(options)
        while True:
            line = self.read_line()
            number = whole_number(line)
            if number is not None and 1 <= number <= len(options):
                return number - 1
            self.warn("ask.invalid_number", typed=visible(line), count=len(options))
