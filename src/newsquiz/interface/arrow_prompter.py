"""The arrow-key prompter: menus and text prompts drawn by questionary, in a real terminal.

Each prompt is wrapped between words to the terminal's width, speaks the
learner's language (questionary's own English words are never shown), and in a
timed exam shows the countdown.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any, cast

from newsquiz.interface.arrow_keys import (
    columns,
    discard_typeahead,
    echo_answer,
    fit,
    run_prompt,
    show_question,
)
from newsquiz.interface.forms import Typed, expected_form
from newsquiz.interface.messages import Messages
from newsquiz.interface.replies import HINT, SKIP, UNDO, Action, Reply, ask_by_type, visible_typed
from newsquiz.interface.typography import for_screen
from newsquiz.model import (
    ClozeQuestion,
)
from newsquiz.outside_text import undecodable
from newsquiz.session import Item


class QuestionaryPrompter:
    """Arrow-key menus and text prompts drawn by questionary, in a real terminal."""

    def __init__(self, messages: Messages, **prompt_options: Any) -> None:
        self.say = messages
        # Tests pass input/output here; in real use questionary finds the terminal.
        self.options = prompt_options
        self.deadline: float | None = None

    def words(self, key: str, **values: object) -> str:
        """A message, with French spaces that stay with their word on screen."""
        text = self.say(key, **values)
        return for_screen(text) if self.say.spaced_punctuation else text

    @property
    def q(self) -> Any:
        # questionary (with prompt_toolkit) takes longer to import than all the
        # rest: import it once the first question is already on screen.
        import questionary

        return questionary

    def _special(self, hint_available: bool, undo: str | None = None) -> list[Any]:
        extras: list[Any] = [self.q.Separator()]
        if undo is not None:
            extras.append(self.q.Choice(self.words("ask.undo_choice", item=undo), value=UNDO))
        if hint_available:
            extras.append(self.q.Choice(self.words("ask.hint_choice"), value=HINT))
        extras.append(self.q.Choice(self.words("ask.skip_choice"), value=SKIP))
        return extras

    def _select(
        self, message: str, titles: Sequence[str], hint_available: bool, undo: str | None = None
    ) -> int | Reply | Action:
        """The index of the title picked, or what the special entry picked stands for."""
        choices = [self.q.Choice(fit(title, 3), value=index) for index, title in enumerate(titles)]
        picked = self._menu(message, choices + self._special(hint_available, undo))
        # questionary gives back the value of the entry picked, typed Any: the values
        # above are indices, and _special's are UNDO and HINT (Action) and SKIP (Reply).
        return cast("int | Reply | Action", picked)

    def _menu(self, message: str, choices: list[Any], default: Any = None) -> Any:
        """A select menu; a question too long for one line with its instruction gets
        lines of its own, wrapped between words."""
        instruction = self.words("ask.tty_select")
        if message and len(message) + len(instruction) + 3 > columns():
            show_question(message)
            message = ""
        picked = self._run(
            self.q.select(
                message,
                choices=choices,
                default=default,
                qmark="›",
                instruction=instruction,
                # The answered line is ours, wrapped between words like the rest.
                erase_when_done=True,
                **self.options,
            )
        )
        title = next((c.title for c in choices if c.value == picked and c.value is not None), "")
        echo_answer(" ".join(title.split()), question=message)
        return picked

    def _run(self, prompt: Any) -> Any:
        """Ask one questionary prompt; in a timed exam, show the countdown and close
        the prompt when the time runs out."""
        return run_prompt(prompt, self.deadline, self.say)

    def ask(
        self, item: Item, *, hint_available: bool, time_left: float | None = None
    ) -> Reply | Action:
        self.deadline = None if time_left is None else time.monotonic() + time_left
        return ask_by_type(self, item, hint_available)

    def ask_choice(self, item: Item, hint_available: bool) -> Reply | Action:
        picked = self._select("", item.choices, hint_available)
        if isinstance(picked, int):
            return Reply(item.choices[picked], item.choices[picked])
        return picked

    def ask_truefalse(self, item: Item, hint_available: bool) -> Reply | Action:
        truth = [self.words("ask.true"), self.words("ask.false")]
        picked = self._select("", truth, hint_available)
        if isinstance(picked, int):
            return Reply(picked == 0, "true" if picked == 0 else "false")
        return picked

    def ask_typed(self, question: Typed, hint_available: bool) -> Reply | Action:
        label = self.words("ask.tty_text" if hint_available else "ask.tty_text_nohint")
        form = expected_form(question, self.say)
        if form is not None:
            label = f"{self.words(form.instruction, **form.values)} {label}"
        label = fit(label, 2)

        def validate(text: str) -> bool | str:
            text = text.strip()
            if undecodable(text):
                return fit(self.say("ask.undecodable"), 0)
            if form is None or text in ("", "?") or form.reads(text):
                return True
            key, values = form.complaint(text)
            # Wrapped between words: the error area grows to as many rows as it needs.
            return fit(self.words(key, **visible_typed(values)), 0)

        typed = self._run(self.q.text(label, qmark="›", validate=validate, **self.options))
        typed = typed.strip()
        if typed == "?":
            return HINT
        return Reply(typed, typed) if typed else SKIP

    def _decodable(self, text: str) -> bool | str:
        """Text whose bytes were not all UTF-8 is typed again, never kept."""
        return self.say("ask.undecodable") if undecodable(text) else True

    def ask_multi(self, item: Item, hint_available: bool) -> Reply | Action:
        choices: list[Any] = [self.q.Choice(fit(c, 5), value=c) for c in item.choices]
        choices += self._special(hint_available)
        picked = self._run(
            self.q.checkbox(
                "",
                choices=choices,
                qmark="›",
                instruction=self.words("ask.tty_multi"),
                # questionary would leave its English "done (2 selections)": say it ourselves.
                erase_when_done=True,
                **self.options,
            )
        )
        texts = [p for p in picked if isinstance(p, str)]
        echo_answer(self.words("answer.list_sep").join(texts) or self.words("answer.none"))
        if HINT in picked:
            return HINT
        if SKIP in picked or not texts:
            return SKIP
        return Reply(tuple(texts), self.say("answer.list_sep").join(texts))

    def ask_order(self, item: Item, hint_available: bool) -> Reply | Action:
        """One menu per position; the last pick can be taken back."""
        items = list(item.order_items)
        ordered: list[int] = []
        while len(ordered) < len(items) - 1:
            remaining = [i for i in range(len(items)) if i not in ordered]
            picked = self._select(
                self.words("ask.tty_order", position=len(ordered) + 1),
                [items[i] for i in remaining],
                hint_available and not ordered,
                undo=items[ordered[-1]] if ordered else None,
            )
            if picked is UNDO:
                ordered.pop()
            elif isinstance(picked, int):
                ordered.append(remaining[picked])
            else:
                return picked
        ordered.extend(i for i in range(len(items)) if i not in ordered)
        texts = [items[i] for i in ordered]
        return Reply(tuple(texts), self.say("answer.order_sep").join(texts))

    def ask_match(self, item: Item, hint_available: bool) -> Reply | Action:
        chosen: dict[str, str] = {}
        for left in item.match_left:
            picked = self._select(
                self.words("ask.tty_match", left=left),
                item.match_right,
                hint_available and not chosen,
            )
            if not isinstance(picked, int):
                return picked
            chosen[left] = item.match_right[picked]
        text = self.say("answer.list_sep").join(f"{k} = {v}" for k, v in chosen.items())
        return Reply(chosen, text)

    def ask_cloze(self, question: ClozeQuestion, hint_available: bool) -> Reply | Action:
        count = len(question.blanks)
        answers: list[str] = []
        for number in range(1, count + 1):
            label = self.words("ask.tty_blank", number=number, count=count)
            typed = self._run(
                self.q.text(label, qmark="›", validate=self._decodable, **self.options)
            ).strip()
            if typed == "?" and hint_available and not answers:
                return HINT
            answers.append(typed)
        if not any(answers):
            return SKIP
        return Reply(tuple(answers), " | ".join(answers))

    def confirm(self, message: str, *, default: bool = True, fresh: bool = False) -> bool:
        """Yes or No; ``fresh`` first discards keys typed before the question appeared."""
        # A menu, not questionary.confirm: that one answers on the y key alone and the
        # Enter typed after it lands in the next prompt; and it only knows y and n.
        choices = [
            self.q.Choice(self.words("ask.yes"), value=True),
            self.q.Choice(self.words("ask.no"), value=False),
        ]
        if fresh:
            discard_typeahead()
        self.deadline = None
        spaced = for_screen(message) if self.say.spaced_punctuation else message
        return bool(self._menu(spaced, choices, default=choices[0] if default else choices[1]))

    def select(self, message: str, options: Sequence[str]) -> int:
        choices = [self.q.Choice(fit(title, 3), value=index) for index, title in enumerate(options)]
        return int(self._menu(message, choices))
