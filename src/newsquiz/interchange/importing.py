"""Import a GIFT or Aiken file as a newsquiz bank that passes ``check``.

The format is told from the content when not given. Every question the
importer builds is checked by newsquiz's own loader; one the loader would
refuse (two identical choices, an empty prompt…) is skipped with a notice, so
the bank written always loads.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from pathlib import Path

from newsquiz.diagnostics import Severity
from newsquiz.interchange.aiken_import import aiken_answers, import_aiken
from newsquiz.interchange.bank_yaml import bank_yaml
from newsquiz.interchange.file_errors import said_as
from newsquiz.interchange.gift_import import Imported, import_gift
from newsquiz.interchange.ids import slugify
from newsquiz.interchange.notices import InterchangeError, Notice
from newsquiz.interchange.plaintext import clean, one_line
from newsquiz.loader import MAX_BANK_BYTES, parse_bank
from newsquiz.model import Bank

IMPORT_FORMATS = ("gift", "aiken")
_READING = {IsADirectoryError: "error.is_folder", FileNotFoundError: "error.no_file"}
_FRENCH = re.compile(
    r"\b(?:le|la|les|des|est|une|du|qui|quel|quelle|pourquoi|avec|dans|sont)\b", re.IGNORECASE
)
_ENGLISH = re.compile(r"\b(?:the|is|are|of|which|what|who|with|in|was|were|does)\b", re.IGNORECASE)


@dataclass(frozen=True)
class ImportResult:
    bank: Bank
    yaml: str
    format: str
    notices: tuple[Notice, ...]


def read_text(path: Path) -> str:
    """The file's text; raises :class:`InterchangeError` when it cannot be read as UTF-8."""
    if path.exists() and not path.is_dir() and not path.is_file():
        # A named pipe or a device would be waited on for ever.
        raise InterchangeError("error.not_regular", path=str(path))
    with (
        said_as(path, "error.unreadable", _READING),
        open(path, "rb") as handle,
    ):
        data = handle.read(MAX_BANK_BYTES + 1)
    if len(data) > MAX_BANK_BYTES:
        raise InterchangeError("error.too_large", path=str(path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InterchangeError("error.not_utf8", path=str(path), line=str(line)) from None


def detect_format(text: str) -> str:
    """Aiken when its ``ANSWER:`` lines outnumber GIFT's answer braces, else GIFT."""
    answers = aiken_answers(text)
    braces = text.count("{") - text.count("\\{")
    if answers and answers >= braces:
        return "aiken"
    if braces and "}" in text:
        return "gift"
    raise InterchangeError("error.unknown_format")


def guess_language(text: str) -> str:
    return "fr" if len(_FRENCH.findall(text)) > len(_ENGLISH.findall(text)) else "en"


def import_text(
    text: str,
    *,
    name: str,
    fmt: str | None = None,
    bank_id: str | None = None,
    language: str | None = None,
) -> ImportResult:
    """A bank from GIFT or Aiken text; ``name`` (the file's stem) gives its id and title."""
    chosen = fmt or detect_format(text)
    imported = import_gift(text) if chosen == "gift" else import_aiken(text)
    ident = bank_id or slugify(name) or "imported"
    title = one_line(clean(name.replace("_", " "))) or ident
    bank = Bank(
        id=ident,
        title=title,
        language=language or guess_language(text),
        questions=imported.questions,
    )
    bank, notices = _checked(bank, imported)
    # With no question the bank is not valid: the caller says so, after the notices.
    header = f"Imported from {one_line(clean(name))} ({chosen.upper()}) by newsquiz import."
    text = bank_yaml(bank, header=header) if bank.questions else ""
    return ImportResult(bank, text, chosen, notices)


def _checked(bank: Bank, imported: Imported) -> tuple[Bank, tuple[Notice, ...]]:
    """Drop the questions the loader refuses, with the loader's reason."""
    notices = list(imported.notices)
    for _ in range(len(bank.questions) + 1):
        if not bank.questions:
            break
        text = bank_yaml(bank)
        report = parse_bank(text, "<import>")
        errors = [p for p in report.problems if p.severity is Severity.ERROR]
        if not errors:
            break
        owners = _owners(text)
        refused: dict[str, str] = {}
        for problem in errors:
            owner = _owner(owners, problem.line)
            if owner is not None:
                refused.setdefault(owner, problem.message)
        if not refused:
            raise InterchangeError("error.invalid_bank", reason=errors[0].message)
        for qid, reason in refused.items():
            line = imported.lines.get(qid, 0)
            notices.append(Notice("skip.invalid", line, qid, {"reason": reason}))
        kept = tuple(q for q in bank.questions if q.id not in refused)
        bank = replace(bank, questions=kept)
    return bank, tuple(sorted(notices, key=lambda n: n.line))


def _owners(text: str) -> tuple[list[int], list[str]]:
    """Where each question starts in the YAML written, and its id."""
    starts: list[int] = []
    ids: list[str] = []
    for number, content in enumerate(text.splitlines(), start=1):
        if content.startswith("  - id: "):
            starts.append(number)
            ids.append(content[len("  - id: ") :])
    return starts, ids


def _owner(owners: tuple[list[int], list[str]], line: int) -> str | None:
    starts, ids = owners
    index = bisect.bisect_right(starts, line) - 1
    return ids[index] if index >= 0 else None
