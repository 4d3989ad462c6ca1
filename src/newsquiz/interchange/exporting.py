"""Export a bank to one of the formats other tools read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from newsquiz.interchange.notices import InterchangeError, Notice, Words
from newsquiz.model import Bank

EXPORT_FORMATS = ("gift", "moodle-xml", "aiken", "anki", "csv", "markdown")
BINARY_FORMATS = frozenset({"anki"})
EXTENSIONS = {
    "gift": ".gift.txt",
    "moodle-xml": ".xml",
    "aiken": ".aiken.txt",
    "anki": ".apkg",
    "csv": ".csv",
    "markdown": ".md",
}


@dataclass(frozen=True)
class Exported:
    data: bytes
    notices: tuple[Notice, ...]
    count: int


def export_bank(bank: Bank, fmt: str, words: Words, *, now: dt.datetime) -> Exported:
    """The file's bytes and what could not be kept; raises :class:`InterchangeError`."""
    notices: tuple[Notice, ...] = ()
    if fmt == "gift":
        from newsquiz.interchange.gift_export import export_gift

        text, notices = export_gift(bank, words)
    elif fmt == "aiken":
        from newsquiz.interchange.aiken_export import export_aiken

        text, notices = export_aiken(bank, words)
    elif fmt == "moodle-xml":
        from newsquiz.interchange.moodle_xml import export_moodle_xml

        text = export_moodle_xml(bank, words)
    elif fmt == "csv":
        from newsquiz.interchange.csv_export import export_csv

        text = export_csv(bank, words)
    elif fmt == "markdown":
        from newsquiz.interchange.worksheet import export_markdown

        text = export_markdown(bank, words)
    elif fmt == "anki":
        from newsquiz.interchange.anki import export_anki

        drafts = tuple(
            Notice("export.kept.draft", 0, q.id, skipped=False) for q in bank.questions if q.draft
        )
        return Exported(export_anki(bank, words, now=now), drafts, len(bank.questions))
    else:
        raise InterchangeError("error.unknown_format")
    drafts = tuple(
        Notice("export.kept.draft", 0, q.id, skipped=False) for q in bank.questions if q.draft
    )
    notices = drafts + notices
    count = len(bank.questions) - sum(1 for n in notices if n.skipped)
    if count == 0:
        raise InterchangeError("error.nothing_exported", format=fmt)
    return Exported(text.encode("utf-8"), notices, count)
