"""The results file (`--results FILE`): one session as JSON, written atomically."""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from newsquiz.session import Session

RESULTS_VERSION = 1


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z")


def results_document(session: Session, *, student: str | None, now: dt.datetime) -> dict[str, Any]:
    summary = session.summary(now)
    return {
        "newsquiz_results": RESULTS_VERSION,
        "bank": {
            "id": session.bank.id,
            "title": session.bank.title,
            "language": session.bank.language,
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
            {
                "id": a.item.question.id,
                "type": a.item.question.type.value,
                "tags": list(a.item.question.tags),
                "response": a.text,
                "correct": a.grade.correct,
                "points": a.grade.points,
                "max_points": a.grade.max_points,
                "hint_used": a.hint_used,
                "seconds": round(a.seconds, 3),
            }
            for a in session.answers
        ],
    }


def write_results(path: Path, document: dict[str, Any]) -> None:
    """Write beside the target, then rename: a reader never sees half a file."""
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
