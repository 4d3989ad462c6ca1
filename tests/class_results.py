"""A class of ten students whose results files are written by the real session and writer.

The answers are chosen so that the figures can be worked out by hand (see
tests/test_class_report.py): every question is worth 1 point, total scores are
4, 3.5, 3, 2, 2, 1.5, 1, 0.5, 0, 0, so the top 27% (3 students) are s0-s2 and
the bottom 27% are s7-s9, with no tie across either boundary.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

from newsquiz.model import (
    Bank,
    ChoiceQuestion,
    MultiQuestion,
    NumberQuestion,
    ShortQuestion,
)
from newsquiz.results import results_document, write_new_results
from newsquiz.session import Mode, Options, start_session

START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)

BANK = Bank(
    id="class-bank",
    title="Class bank",
    language="en",
    questions=(
        ChoiceQuestion(
            id="capital",
            prompt="Capital of France?",
            choices=("Paris", "Lyon", "Nice", "Lille"),
            answer="Paris",
            tags=("geo",),
        ),
        MultiQuestion(
            id="letters",
            prompt="Tick a and b",
            choices=("a", "b", "c", "d"),
            answers=("a", "b"),
            tags=("abc",),
        ),
        ShortQuestion(id="mali", prompt="Capital of Mali?", answer="Bamako", tags=("geo",)),
        NumberQuestion(id="four", prompt="2 + 2?", answer=4.0),
    ),
)

# (student, capital, letters, mali, four); None skips the question.
ANSWERS: list[tuple[str, str | None, tuple[str, ...] | None, str | None, str | None]] = [
    ("s0", "Paris", ("a", "b"), "Bamako", "4"),
    ("s1", "Paris", ("a",), "Bamako", "4"),
    ("s2", "Paris", ("a", "b"), "Dakar", "4"),
    ("s3", "Lyon", ("a", "b"), "bamako", "5"),
    ("s4", "Paris", ("a", "c"), "Dakar", "4"),
    ("s5", "Nice", ("a", "b", "c"), "Bamako", "5"),
    ("s6", "Lyon", ("c",), "Dakar ", "4"),
    ("s7", "Lyon", ("a",), "Ségou", "5"),
    ("s8", "Lille", ("c", "d"), None, "3"),
    ("s9", "Lyon", ("d",), "Dakar", "3"),
]


def session_document(
    student: str,
    responses: list[object],
    *,
    bank: Bank = BANK,
    minutes: int = 0,
    hints: frozenset[int] = frozenset(),
    mode: Mode = Mode.PRACTICE,
) -> dict[str, Any]:
    """Play ``bank`` in its order with ``responses`` (fewer than the questions: stopped early)."""
    started = START + dt.timedelta(minutes=minutes)
    session = start_session(bank, Options(mode=mode, shuffle=False), random.Random(0), started)
    for index, response in enumerate(responses):
        now = started + dt.timedelta(seconds=10 * (index + 1))
        text = None if response is None else str(response)
        session.record(response, text, hint_used=index in hints, seconds=10.0, now=now)  # type: ignore[arg-type]
    end = started + dt.timedelta(seconds=10 * len(responses) + 5)
    session.finish(end)
    return results_document(session, student=student, now=end)


def write_class(folder: Path) -> list[Path]:
    paths = []
    for minutes, (student, *responses) in enumerate(ANSWERS):
        document = session_document(student, list(responses), minutes=minutes)
        paths.append(write_new_results(folder, document, student=student, now=START))
    return paths
