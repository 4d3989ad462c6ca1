"""The flat exports: Aiken (choice questions), CSV (a row per question)."""

from __future__ import annotations

import csv
import io
import string

from newsquiz.interchange.answers import answer_words, choices_of
from newsquiz.interchange.notices import Notice, Words
from newsquiz.interchange.plaintext import one_line
from newsquiz.model import Bank, ChoiceQuestion, Evidence, TrueFalseQuestion

CSV_COLUMNS = (
    "id",
    "type",
    "prompt",
    "choices",
    "answer",
    "explanation",
    "evidence",
    "tags",
    "points",
)
_LETTERS = string.ascii_uppercase


def export_aiken(bank: Bank, words: Words) -> tuple[str, tuple[Notice, ...]]:
    """Choice and true/false questions; the others are skipped with a notice."""
    blocks: list[str] = []
    notices: list[Notice] = []
    for question in bank.questions:
        if isinstance(question, ChoiceQuestion):
            choices, answer = question.choices, question.answer
        elif isinstance(question, TrueFalseQuestion):
            choices = (words("export.true"), words("export.false"))
            answer = choices[0] if question.answer else choices[1]
        else:
            notices.append(Notice("export.skip.not_choice", 0, question.id))
            continue
        if len(choices) > len(_LETTERS):
            notices.append(Notice("export.skip.aiken_options", 0, question.id))
            continue
        lines = [one_line(question.prompt)]
        lines += [f"{_LETTERS[i]}. {one_line(c)}" for i, c in enumerate(choices)]
        lines.append(f"ANSWER: {_LETTERS[choices.index(answer)]}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + ("\n" if blocks else ""), tuple(notices)


def export_csv(bank: Bank, words: Words) -> str:
    """A row per question, UTF-8 with a BOM so that spreadsheets read French text right.

    Lists (choices, evidence, tags) are joined with `` | ``.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for question in bank.questions:
        writer.writerow(
            (
                question.id,
                question.type.value,
                _cell(question.prompt),
                " | ".join(_cell(c) for c in choices_of(question)),
                _cell(answer_words(question, words)),
                _cell(question.explanation or ""),
                " | ".join(_cell(_quote(e)) for e in question.evidence),
                " | ".join(question.tags),
                _points(question.points),
            )
        )
    return "\ufeff" + buffer.getvalue()


def _cell(text: str) -> str:
    """Never a formula: a cell starting with = + - @ gets a leading quote (not -5)."""
    text = text.replace("\r", "")
    formula = text[:1] in ("=", "+", "@") or (text[:1] == "-" and not text[1:2].isdigit())
    return "'" + text if formula else text


def _quote(evidence: Evidence) -> str:
    return f"{evidence.quote} ({evidence.translation})" if evidence.translation else evidence.quote


def _points(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)
