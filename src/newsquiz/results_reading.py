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
import re
import stat
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from newsquiz.outside_text import without_surrogates
from newsquiz.results import RESULTS_VERSION

MAX_BYTES = 16 * 1024 * 1024
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF]")


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


@dataclass(slots=True)
class QuestionResult:
    """One question of a session, as read. Not frozen only for speed (a class of a
    thousand has forty thousand of them): treat it as read-only."""

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
    tag_labels: tuple[tuple[str, str], ...] = ()
    """The bank's ``tag_labels`` (tag, label); empty in files written before them."""

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
    if _SURROGATE_ESCAPE.search(text):
        # A lone surrogate (\ud800) is text no file or terminal can take: U+FFFD instead.
        document = json.loads(without_surrogates(json.dumps(document, ensure_ascii=False)))
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
        tag_labels=_tag_labels(bank.get("tag_labels")),
    )


def _tag_labels(value: Any) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    if type(value) is not dict or not set(map(type, value.values())) <= _STR:
        raise _Invalid("bank.tag_labels")
    return tuple(value.items())


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


_STR = frozenset({str})
_BOOL = frozenset({bool})
_SCALAR = frozenset(_SCALARS)


def _only(value: Any, kinds: frozenset[type]) -> bool:
    """A list whose items are all of ``kinds`` (checked in C: a class has many records)."""
    return type(value) is list and set(map(type, value)) <= kinds


def _is_number(value: Any) -> bool:
    return type(value) is int or (type(value) is float and math.isfinite(value))


def _is_flat(value: Any) -> bool:
    if value is None or type(value) in _SCALAR:
        return True
    if type(value) is dict:
        return set(map(type, value.values())) <= _SCALAR
    return _only(value, _SCALAR)


def _question(record: Any, where: str) -> QuestionResult:
    if type(record) is not dict:
        raise _Invalid(where.rstrip("."))
    get: Callable[..., Any] = record.get
    qid, kind, prompt, seconds = get("id"), get("type"), get("prompt"), get("seconds")
    tags, choices, parts = get("tags", []), get("choices", []), get("parts", [])
    points, max_points = get("points"), get("max_points")
    response, answer = get("response"), get("correct_answer")
    valid = (
        type(qid) is str
        and type(kind) is str
        and (prompt is None or type(prompt) is str)
        and _only(tags, _STR)
        and _only(choices, _STR)
        and _only(parts, _BOOL)
        and _is_number(points)
        and _is_number(max_points)
        and (seconds is None or _is_number(seconds))
        and _is_flat(response)
        and _is_flat(answer)
    )
    if not valid:
        raise _Invalid(_first_wrong_field(record, where))
    reached = get("reached", True) is not False
    return QuestionResult(
        id=qid,
        type=kind,
        tags=tuple(tags),
        prompt=prompt,
        correct_answer=answer,
        choices=tuple(choices),
        reached=reached,
        skipped=reached and get("skipped", response is None) is True,
        response=response,
        correct=get("correct") is True,
        points=float(points),
        max_points=float(max_points),
        hint_used=get("hint_used") is True,
        seconds=None if seconds is None else float(seconds),
        parts=tuple(parts),
    )


def _first_wrong_field(record: dict[str, Any], where: str) -> str:
    """The name of the first field of a record that is missing or of the wrong type."""
    try:
        _text(record, "id", where)
        _text(record, "type", where)
        if record.get("prompt") is not None:
            _text(record, "prompt", where)
        for key in ("tags", "choices"):
            _strings(record.get(key, []), f"{where}{key}")
        if not _only(record.get("parts", []), _BOOL):
            return f"{where}parts"
        for key in ("points", "max_points"):
            _number(record, key, where)
        if record.get("seconds") is not None:
            _number(record, "seconds", where)
        for key in ("response", "correct_answer"):
            _flat(record, key, where)
    except _Invalid as exc:
        return str(exc)
    return where.rstrip(".")


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
