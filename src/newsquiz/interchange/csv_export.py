"""CSV for spreadsheets: one row per question, UTF-8 with a byte order mark."""

from __future__ import annotations

import csv
import io

from newsquiz.interchange.answers import answer_words, choices_of
from newsquiz.interchange.notices import Words
from newsquiz.model import Bank, Evidence

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
