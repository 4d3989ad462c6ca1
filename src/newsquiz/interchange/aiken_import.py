"""Moodle's Aiken format: a question, lettered options, then ``ANSWER: X``.

::

    What is the capital of Mali?
    A. Bamako
    B) Ségou
    ANSWER: A

A question may run over several lines until its first option. Errors are
reported with their line numbers and the question they belong to is skipped:
a question whose options are not followed by ``ANSWER:``, an answer letter with
no option, an option or an answer with no question before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsquiz.interchange.gift_import import Imported
from newsquiz.interchange.ids import IdMaker
from newsquiz.interchange.notices import Notice
from newsquiz.interchange.plaintext import clean, one_line
from newsquiz.model import ChoiceQuestion, Question

_OPTION = re.compile(r"^([A-Z])[.)][ \t]+(.*)$")
_ANSWER = re.compile(r"^ANSWER:[ \t]*(.*)$", re.IGNORECASE)


@dataclass
class _Pending:
    line: int
    text: list[str]
    options: dict[str, str] = field(default_factory=dict)
    letters: list[str] = field(default_factory=list)


class _Reader:
    def __init__(self, ids: IdMaker) -> None:
        self.ids = ids
        self.pending: _Pending | None = None
        self.questions: list[Question] = []
        self.notices: list[Notice] = []
        self.lines: dict[str, int] = {}

    def notice(self, key: str, line: int, question: str = "", **values: str) -> None:
        self.notices.append(Notice(key, line, question, values))

    def line(self, number: int, text: str) -> None:
        option, answer = _OPTION.match(text), _ANSWER.match(text)
        if option:
            self.option(number, option.group(1), option.group(2))
        elif answer:
            self.answer(number, answer.group(1).strip())
        elif self.pending is not None and not self.pending.options:
            self.pending.text.append(text)
        else:
            self.unfinished()
            self.pending = _Pending(number, [text])

    def option(self, number: int, letter: str, text: str) -> None:
        if self.pending is None:
            written = one_line(clean(text))[:60]
            self.notice("aiken.option_without_question", number, letter=letter, text=written)
            return
        if letter in self.pending.options:
            self.notice("aiken.letter_twice", number, self.name(), letter=letter)
        self.pending.options[letter] = clean(text)
        self.pending.letters.append(letter)

    def answer(self, number: int, written: str) -> None:
        pending, self.pending = self.pending, None
        if pending is None:
            self.notice("aiken.answer_without_question", number)
            return
        name = one_line(" ".join(pending.text))[:60]
        letter = written[:1].upper()
        if len(pending.options) < 2:
            self.notice("aiken.too_few_options", pending.line, name)
        elif letter not in pending.options:
            self.notice("aiken.unknown_letter", number, name, letter=written or "-")
        else:
            self.build(pending, letter)

    def build(self, pending: _Pending, letter: str) -> None:
        prompt = clean("\n".join(pending.text))
        choices = tuple(dict.fromkeys(pending.options[k] for k in pending.letters))
        question = ChoiceQuestion(
            id=self.ids.make(prompt),
            prompt=prompt,
            choices=choices,
            answer=pending.options[letter],
        )
        self.questions.append(question)
        self.lines[question.id] = pending.line

    def unfinished(self) -> None:
        if self.pending is not None and self.pending.options:
            self.notice("aiken.missing_answer", self.pending.line, self.name())
            self.pending = None

    def name(self) -> str:
        return one_line(" ".join(self.pending.text))[:60] if self.pending else ""


def import_aiken(text: str, ids: IdMaker | None = None) -> Imported:
    reader = _Reader(ids or IdMaker())
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line:
            reader.line(number, line)
    reader.unfinished()
    if reader.pending is not None:
        reader.notice("aiken.missing_answer", reader.pending.line, reader.name())
    return Imported(tuple(reader.questions), tuple(reader.notices), reader.lines)


def aiken_answers(text: str) -> int:
    """How many ``ANSWER: X`` lines follow an option line: 0 means not Aiken."""
    count, previous = 0, ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if _ANSWER.match(line) and _OPTION.match(previous):
            count += 1
        previous = line
    return count
