"""Aiken, Moodle's simplest format: a question, lettered options, ``ANSWER: X``.

Only choice questions fit (one right option among several); the others are
skipped with a notice.
"""

from __future__ import annotations

import string

from newsquiz.interchange.notices import Notice, Words
from newsquiz.interchange.plaintext import one_line
from newsquiz.model import Bank, ChoiceQuestion

_LETTERS = string.ascii_uppercase


def export_aiken(bank: Bank, words: Words) -> tuple[str, tuple[Notice, ...]]:
    """The choice questions; the others are skipped with a notice."""
    blocks: list[str] = []
    notices: list[Notice] = []
    for question in bank.questions:
        if not isinstance(question, ChoiceQuestion):
            notices.append(Notice("export.skip.not_choice", 0, question.id))
            continue
        choices, answer = question.choices, question.answer
        if len(choices) > len(_LETTERS):
            notices.append(Notice("export.skip.aiken_options", 0, question.id))
            continue
        lines = [one_line(question.prompt)]
        lines += [f"{_LETTERS[i]}. {one_line(c)}" for i, c in enumerate(choices)]
        lines.append(f"ANSWER: {_LETTERS[choices.index(answer)]}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + ("\n" if blocks else ""), tuple(notices)
