"""Reading results files back: a class's sessions, with every unusable file set aside.

A file is refused, with the reason, when it cannot be read, is not JSON, is not
a newsquiz results file, is of another format version, is malformed, or was
written for another version of its bank (question ids that differ from those of
the other files of the same bank). Both forms of format 1 are read: the first
one, with responses as text, and the current one, with structured responses.
No printing here: the interface words the reasons.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import stat
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from newsquiz.results import RESULTS_VERSION

MAX_BYTES = 16 * 1024 * 1024


class Refusal(str, Enum):
    UNREADABLE = "unreadable"
    NOT_FILE = "not_file"
    TOO_LARGE = "too_large"
    NOT_JSON = "not_json"
    NOT_RESULTS = "not_results"
    VERSION = "version"
    INVALID = "invalid"
    OTHER_BANK_VERSION = "other_bank_version"


@dataclass(frozen=True)
class Refused:
    """A file left out of the report. ``detail`` is language-neutral: a field, a number, a line."""

    path: str
    reason: Refusal
    detail: str = ""


@dataclass(frozen=True)
class QuestionResult:
    id: str
    type: str
    tags: tuple[str, ...]
    prompt: str | None
    correct_answer: Any
    choices: tuple[str, ...]
    reached: bool
    skipped: bool
    response: Any
    """Structured (list, mapping, bool, str), or text in files of the first form."""
    correct: bool
    points: float
    max_points: float
    hint_used: bool
    seconds: float | None
    parts: tuple[bool, ...]


@dataclass(frozen=True)
class SessionResult:
    path: str
    bank_id: str
    bank_title: str
    bank_language: str
    bank_questions: tuple[str, ...] | None
    student: str | None
    mode: str | None
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    score: float
    max_score: float
    questions: tuple[QuestionResult, ...]

    @property
    def seconds(self) -> float | None:
        if self.started_at is None or self.finished_at is None:
            return None
        return (self.finished_at - self.started_at).total_seconds()


class _Invalid(ValueError):
    """A field is missing or of the wrong type; the message names it."""


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; for a folder, the ``*.json`` files in it, by name."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = [p for p in path.iterdir() if p.suffix.lower() == ".json"]
            found.extend(sorted(p for p in inside if not p.name.startswith(".")))
        else:
            found.append(path)
    return found


def read_results_file(path: Path, shown: str) -> SessionResult | Refused:
    try:
        # Non-blocking: a FIFO named like a results file must not hang the report.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        return Refused(shown, Refusal.UNREADABLE, exc.strerror or type(exc).__name__)
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            return Refused(shown, Refusal.NOT_FILE)
        with os.fdopen(handle, "rb", closefd=False) as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        return Refused(shown, Refusal.UNREADABLE, exc.strerror or type(exc).__name__)
    finally:
        os.close(handle)
    if len(data) > MAX_BYTES:
        return Refused(shown, Refusal.TOO_LARGE, str(MAX_BYTES // (1024 * 1024)))
    return parse_results(data, shown)


def _no_constants(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def parse_results(data: bytes | str, shown: str) -> SessionResult | Refused:
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
        document = json.loads(text, parse_constant=_no_constants)
    except UnicodeDecodeError:
        return Refused(shown, Refusal.NOT_JSON, "")
    except json.JSONDecodeError as exc:
        return Refused(shown, Refusal.NOT_JSON, f"{exc.lineno}:{exc.colno}")
    except (ValueError, RecursionError):
        return Refused(shown, Refusal.NOT_JSON, "")
    if not isinstance(document, dict) or "newsquiz_results" not in document:
        return Refused(shown, Refusal.NOT_RESULTS)
    version = document["newsquiz_results"]
    if version != RESULTS_VERSION or isinstance(version, bool):
        return Refused(shown, Refusal.VERSION, json.dumps(version)[:20])
    try:
        return _session(document, shown)
    except _Invalid as exc:
        return Refused(shown, Refusal.INVALID, str(exc))


def _get(mapping: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    value = mapping.get(key)
    numeric = kind is float or (isinstance(kind, tuple) and float in kind)
    if numeric and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or (numeric and isinstance(value, bool)):
        raise _Invalid(f"{where}{key}")
    if isinstance(value, float) and not math.isfinite(value):
        raise _Invalid(f"{where}{key}")
    return value


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if type(value) is not list or not all(type(v) is str for v in value):
        raise _Invalid(where)
    return tuple(value)


def _moment(document: dict[str, Any], key: str) -> dt.datetime | None:
    value = document.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _Invalid(key)
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise _Invalid(key) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def _session(document: dict[str, Any], shown: str) -> SessionResult:
    bank = _get(document, "bank", dict, "")
    listed = bank.get("questions")
    records = _get(document, "questions", list, "")
    questions = tuple(_question(r, f"questions[{i}].") for i, r in enumerate(records))
    ids = [q.id for q in questions]
    if len(set(ids)) != len(ids):
        raise _Invalid("questions[].id")
    student = document.get("student")
    mode = document.get("mode")
    score, max_score = document.get("score"), document.get("max_score")
    return SessionResult(
        path=shown,
        bank_id=_get(bank, "id", str, "bank."),
        bank_title=_optional(bank, "title", str, "bank.") or _get(bank, "id", str, "bank."),
        bank_language=_optional(bank, "language", str, "bank.") or "",
        bank_questions=None if listed is None else _strings(listed, "bank.questions"),
        student=_optional(document, "student", str, "") if student is not None else None,
        mode=_optional(document, "mode", str, "") if mode is not None else None,
        started_at=_moment(document, "started_at"),
        finished_at=_moment(document, "finished_at"),
        score=sum(q.points for q in questions)
        if score is None
        else _get(document, "score", float, ""),
        max_score=sum(q.max_points for q in questions)
        if max_score is None
        else _get(document, "max_score", float, ""),
        questions=questions,
    )


def _optional(mapping: dict[str, Any], key: str, kind: type, where: str) -> Any:
    return None if mapping.get(key) is None else _get(mapping, key, kind, where)


def _text(record: dict[str, Any], key: str, where: str) -> str:
    value = record.get(key)
    if type(value) is not str:
        raise _Invalid(f"{where}{key}")
    return value


def _number(record: dict[str, Any], key: str, where: str) -> float:
    value = record.get(key)
    if type(value) is int:
        return float(value)
    if type(value) is not float or not math.isfinite(value):
        raise _Invalid(f"{where}{key}")
    return value


_SCALARS = (str, bool, int, float)


def _flat(record: dict[str, Any], key: str, where: str) -> Any:
    """A response or an answer: a scalar, a list of scalars or a mapping to scalars, or null."""
    value = record.get(key)
    if value is None or type(value) in _SCALARS:
        return value
    if type(value) is list and all(type(v) in _SCALARS for v in value):
        return value
    if type(value) is dict and all(type(v) in _SCALARS for v in value.values()):
        return value
    raise _Invalid(f"{where}{key}")


def _question(record: Any, where: str) -> QuestionResult:
    if type(record) is not dict:
        raise _Invalid(where.rstrip("."))
    response = _flat(record, "response", where)
    seconds = record.get("seconds")
    parts = record.get("parts", [])
    if type(parts) is not list or not all(type(p) is bool for p in parts):
        raise _Invalid(f"{where}parts")
    reached = record.get("reached", True) is not False
    prompt = record.get("prompt")
    return QuestionResult(
        id=_text(record, "id", where),
        type=_text(record, "type", where),
        tags=_strings(record.get("tags", []), f"{where}tags"),
        prompt=None if prompt is None else _text(record, "prompt", where),
        correct_answer=_flat(record, "correct_answer", where),
        choices=_strings(record.get("choices", []), f"{where}choices"),
        reached=reached,
        skipped=reached and record.get("skipped", response is None) is True,
        response=response,
        correct=record.get("correct") is True,
        points=_number(record, "points", where),
        max_points=_number(record, "max_points", where),
        hint_used=record.get("hint_used") is True,
        seconds=None if seconds is None else _number(record, "seconds", where),
        parts=tuple(parts),
    )


def keep_one_version(
    sessions: Sequence[SessionResult],
) -> tuple[list[SessionResult], list[Refused]]:
    """Per bank, the files of the version most files were written for; the others refused.

    A bank's version is the list of its question ids. Files that name it
    (``bank.questions``) vote for it; a file of the first form, which does not,
    is kept when its question ids all belong to the version chosen.
    """
    by_bank: dict[str, list[SessionResult]] = {}
    for session in sessions:
        by_bank.setdefault(session.bank_id, []).append(session)
    kept: list[SessionResult] = []
    refused: list[Refused] = []
    for group in by_bank.values():
        listed, known = _reference(group)
        for session in group:
            ids = {q.id for q in session.questions}
            same_list = session.bank_questions is None or session.bank_questions == listed
            if (listed is None or same_list) and ids <= known:
                kept.append(session)
            else:
                extra = sorted(ids - known) or sorted(set(session.bank_questions or ()) ^ known)
                refused.append(
                    Refused(session.path, Refusal.OTHER_BANK_VERSION, ", ".join(extra[:5]))
                )
    return kept, refused


def _reference(group: Sequence[SessionResult]) -> tuple[tuple[str, ...] | None, set[str]]:
    """The question-id list most files name (first seen on a tie), and its ids as a set."""
    votes = Counter(s.bank_questions for s in group if s.bank_questions is not None)
    if votes:
        listed = votes.most_common(1)[0][0]
        return listed, set(listed)
    sets = Counter(frozenset(q.id for q in s.questions) for s in group)
    best = max(sets.items(), key=lambda entry: (entry[1], len(entry[0])))[0]
    return None, set(best)


def read_class(files: Sequence[tuple[Path, str]]) -> tuple[list[SessionResult], list[Refused]]:
    """Every file (path, name to show) read; those unusable set aside, in the order given."""
    sessions: list[SessionResult] = []
    refused: list[Refused] = []
    for path, shown in files:
        result = read_results_file(path, shown)
        if isinstance(result, Refused):
            refused.append(result)
        else:
            sessions.append(result)
    kept, other_version = keep_one_version(sessions)
    order = {shown: index for index, (_, shown) in enumerate(files)}
    refused = sorted(refused + other_version, key=lambda r: order.get(r.path, len(order)))
    return kept, refused
