"""The results file (`--results FILE`, `--results-dir DIR`): one session as JSON.

Format version 1. Each question of the session has a record, in the order the
questions were asked, including those the session never reached
(``reached: false``, ``response: null``). The question on screen when a
session stopped early was reached but not answered (``reached: true``,
``response: null``, ``skipped: false``): stopping is not skipping.
``bank.tag_labels`` maps the bank's tags to their labels (absent in older files). Responses and correct answers are
structured: a list for multi, order and cloze, a mapping for match, a boolean
for true/false, a string for the other types (a number for a number's correct
answer). Older files of version 1 had the response as text only; readers
accept both (see :mod:`newsquiz.results_reading`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import tempfile
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from newsquiz import model
from newsquiz.model import Blank, Question
from newsquiz.outside_text import encodable
from newsquiz.session import Answer, Item, Session

RESULTS_VERSION = 1

JSONValue = Any


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z")


def results_document(session: Session, *, student: str | None, now: dt.datetime) -> dict[str, Any]:
    bank = session.bank
    # Results are written for a bank played (`play --results`); a review writes none.
    assert bank is not None, "a review has no results file"
    summary = session.summary(now)
    answered = {id(a.item): a for a in session.answers}
    shown = {id(item) for item in session.items[: session.shown]}
    return {
        "newsquiz_results": RESULTS_VERSION,
        "bank": {
            "id": bank.id,
            "title": bank.title,
            "language": bank.language,
            # The bank's question ids, in the bank's order: the report puts
            # questions in this order and tells apart versions of a bank.
            "questions": [q.id for q in bank.questions],
            # How the bank names its tags (`tag_labels`): the report shows these.
            "tag_labels": dict(bank.tag_labels),
        },
        "student": student,
        "mode": session.options.mode.value,
        "started_at": _iso(session.started_at),
        "finished_at": _iso(session.finished_at or now),
        # False when the session stopped early (Ctrl-C, end of input): a script can
        # tell a short run from a whole one.
        "complete": session.timed_out or len(session.answers) == len(session.items),
        "questions_asked": summary.total,
        "score": summary.score,
        "max_score": summary.max_score,
        "questions": [
            _record(item, answered.get(id(item)), shown=id(item) in shown) for item in session.items
        ],
    }


def _record(item: Item, answer: Answer | None, *, shown: bool) -> dict[str, Any]:
    question = item.question
    record: dict[str, Any] = {
        "id": question.id,
        "type": question.type.value,
        "tags": list(question.tags),
        "prompt": prompt_text(question),
        "correct_answer": correct_answer(question),
    }
    if isinstance(question, model.ChoiceQuestion | model.MultiQuestion):
        record["choices"] = list(question.choices)
    if answer is None:
        # A question on screen when the session stopped (Ctrl-C, end of input,
        # time up) was reached but not answered; the student did not skip it.
        record.update(
            reached=shown,
            skipped=False,
            response=None,
            correct=False,
            points=0.0,
            max_points=question.points,
            hint_used=False,
            seconds=None,
        )
        return record
    record.update(
        reached=True,
        skipped=answer.text is None,
        response=None if answer.text is None else structured_response(question, answer.response),
        correct=answer.grade.correct,
        points=answer.grade.points,
        max_points=answer.grade.max_points,
        hint_used=answer.hint_used,
        seconds=round(answer.seconds, 3),
    )
    if isinstance(question, model.ClozeQuestion) and answer.text is not None:
        # Which blanks were right: the report lists the wrong ones' typed text.
        record["parts"] = list(answer.grade.parts)
    return record


def prompt_text(question: Question) -> str:
    """The question as a reader of the file needs it; a cloze's text has its blanks as ____."""
    if isinstance(question, model.ClozeQuestion):
        text = "".join("____" if isinstance(s, Blank) else s for s in question.segments)
        return f"{question.prompt}\n{text}".strip() if question.prompt else text
    return question.prompt


def correct_answer(question: Question) -> JSONValue:
    match question:
        case model.ChoiceQuestion() | model.ShortQuestion():
            return question.answer
        case model.MultiQuestion():
            return list(question.answers)
        case model.TrueFalseQuestion():
            return question.answer
        case model.NumberQuestion():
            value = question.answer
            return int(value) if value.is_integer() else value
        case model.DateQuestion():
            return question.answer.isoformat()
        case model.OrderQuestion():
            return list(question.items)
        case model.MatchQuestion():
            return dict(question.pairs)
        case model.ClozeQuestion():
            return [blank.answers[0] for blank in question.blanks]
        case _:
            return model.assert_never(question)


def structured_response(question: Question, response: object) -> JSONValue:
    """What was answered, in the form of the question's type (never flattened into text)."""
    match question:
        case (
            model.ChoiceQuestion()
            | model.ShortQuestion()
            | model.NumberQuestion()
            | model.DateQuestion()
        ):
            return str(response)
        case model.TrueFalseQuestion():
            return bool(response)
        case model.MatchQuestion():
            pairs = response if isinstance(response, Mapping) else {}
            return {str(left): str(right) for left, right in pairs.items()}
        case model.MultiQuestion() | model.OrderQuestion() | model.ClozeQuestion():
            return _as_list(question, response)
        case _:
            return model.assert_never(question)


def _as_list(question: Question, response: object) -> list[str]:
    if isinstance(response, str):
        return [response]
    if isinstance(question, model.MultiQuestion) and isinstance(response, set | frozenset):
        # A set has no order: give the choices in the bank's order.
        return [c for c in question.choices if c in response]
    if isinstance(response, Iterable):
        return [str(part) for part in response]
    return []


def login_name(environ: Mapping[str, str]) -> str | None:
    """The user's login name, as getpass finds it: the environment, then the account."""
    for key in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        # A value that is not UTF-8 could not be written to the results: skip it.
        if environ.get(key) and encodable(environ[key]):
            return environ[key]
    try:
        import pwd

        return pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError, AttributeError):
        return None


def _slug(text: str, fallback: str) -> str:
    """A part of a file name: letters and digits kept, anything else becomes one hyphen."""
    kept = []
    for char in unicodedata.normalize("NFC", text):
        kept.append(char if char.isalnum() or char in "_" else "-")
    slug = "-".join(part for part in "".join(kept).split("-") if part)[:40].strip("-")
    return slug or fallback


def results_file_stem(student: str | None, bank_id: str, moment: dt.datetime) -> str:
    """Student, bank, time to the second and a random suffix: two sessions never share a name."""
    stamp = moment.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    suffix = secrets.token_hex(3)
    return f"{_slug(student or '', 'student')}_{_slug(bank_id, 'bank')}_{stamp}_{suffix}"


def results_text(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _usual_mode(handle: int) -> None:
    """The permissions a new file gets from the user's umask (mkstemp's are owner-only):
    a teacher must be able to read the files students leave in a shared folder."""
    if not hasattr(os, "fchmod"):
        return
    mask = os.umask(0o022)
    os.umask(mask)
    os.fchmod(handle, 0o666 & ~mask)


def write_new_results(
    folder: Path, document: dict[str, Any], *, student: str | None, now: dt.datetime
) -> Path:
    """Write a new file in ``folder`` and return its path; never replaces a file.

    The whole text is written to a hidden temporary file, then linked under its
    final name, which fails rather than replace a file of the same name; on a
    file system without hard links the file is created exclusively instead.
    """
    text = results_text(document)
    for _ in range(20):
        path = folder / (results_file_stem(student, document["bank"]["id"], now) + ".json")
        try:
            _link_new(path, text)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(f"no free file name in {folder}")


def _link_new(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        _usual_mode(handle)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise
        except OSError:
            # No hard links here (some shared folders): create the name exclusively.
            with path.open("x", encoding="utf-8") as stream:
                stream.write(text)
    finally:
        Path(temporary).unlink(missing_ok=True)
