"""The figures of `newsquiz stats`, and their types, read from the store by SQL aggregates.

All-time figures read the per-question totals, windowed ones the answers of
the window only (through the index on ``day``): the cost follows the number
of questions and recent activity, not the length of the history.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from typing import Any

from newsquiz.scheduler import LEECH_LAPSES
from newsquiz.store.clauses import in_banks
from newsquiz.store.columns import epoch
from newsquiz.store.reads import Reads

ACTIVITY_DAYS = 30
FORECAST_DAYS = 7
WEAKEST_SHOWN = 5
LEECHES_SHOWN = 10


@dataclass(frozen=True)
class Accuracy:
    """Answers and right answers over a span."""

    answers: int
    correct: int

    @property
    def share(self) -> float | None:
        return self.correct / self.answers if self.answers else None


@dataclass(frozen=True)
class DayActivity:
    """Answers and right answers on one day."""

    day: str
    answers: int
    correct: int


@dataclass(frozen=True)
class QuestionStanding:
    """How one question has gone so far."""

    bank_id: str
    question_id: str
    answers: int
    correct: int
    mean_fraction: float
    lapses: int


@dataclass(frozen=True)
class Statistics:
    """Every figure `newsquiz stats` shows."""

    sessions: int
    overall: Accuracy
    last_7_days: Accuracy
    last_30_days: Accuracy
    activity: tuple[DayActivity, ...]
    by_bank: tuple[tuple[str, Accuracy], ...]
    by_tag: tuple[tuple[str, Accuracy], ...]
    due_ready: int
    """Due at this moment: what `newsquiz review` would ask now."""
    due_now: int
    """Due by the end of today (learning steps of minutes fall due later today)."""
    forecast: tuple[tuple[str, int], ...]
    weakest: tuple[QuestionStanding, ...]
    leeches: tuple[QuestionStanding, ...]
    leech_count: int


def gather_statistics(
    store: Reads, now: dt.datetime, bank_id: str | None = None, *, leech_lapses: int = LEECH_LAPSES
) -> Statistics:
    """Every figure of `newsquiz stats`, over one bank or (with no ``bank_id``) all of them."""
    scope = _Scope(store.db, (bank_id,) if bank_id else None)
    today = now.astimezone().date()
    return Statistics(
        sessions=scope.count("sessions", "TRUE"),
        overall=_accuracy(
            scope.select("SELECT SUM(answers), SUM(correct) FROM question_totals WHERE TRUE")
        ),
        last_7_days=_accuracy_since(scope, _days_back(today, 7)),
        last_30_days=_accuracy_since(scope, _days_back(today, 30)),
        activity=_activity(scope, today),
        by_bank=_by_bank(scope),
        by_tag=_by_tag(scope),
        due_ready=scope.count("cards", "due <= ?", epoch(now)),
        due_now=scope.count("cards", "due < ?", epoch(_end_of_today(now))),
        forecast=_forecast(scope, now),
        weakest=_weakest(scope),
        leeches=_leeches(scope, leech_lapses),
        leech_count=scope.count("cards", "lapses >= ?", leech_lapses),
    )


@dataclass(frozen=True)
class _Scope:
    """The store the figures come from, and the banks they cover (None: every bank)."""

    db: sqlite3.Connection
    bank_ids: tuple[str, ...] | None

    def select(
        self, query: str, *values: object, table: str = "", after: str = ""
    ) -> sqlite3.Cursor:
        """``query`` (down to its WHERE conditions) over the banks in scope, then ``after``.

        ``table`` names the alias whose bank is meant in a join; ``after``
        (GROUP BY, ORDER BY, LIMIT) holds no parameters.
        """
        banks = in_banks(self.bank_ids, table=table)
        return self.db.execute(f"{query} AND {banks.sql}{after}", (*values, *banks.values))

    def count(self, table: str, condition: str, *values: object) -> int:
        """How many rows of ``table`` meet ``condition``, in the banks in scope."""
        found = self.select(f"SELECT COUNT(*) FROM {table} WHERE {condition}", *values)
        return int(found.fetchone()[0])


def _accuracy(found: sqlite3.Cursor) -> Accuracy:
    answers, correct = found.fetchone()
    return Accuracy(int(answers or 0), int(correct or 0))


def _accuracy_since(scope: _Scope, first_day: str) -> Accuracy:
    return _accuracy(
        scope.select("SELECT COUNT(*), SUM(correct) FROM answers WHERE day >= ?", first_day)
    )


def _days_back(today: dt.date, days: int) -> str:
    """The first day of the ``days`` days that end today."""
    return (today - dt.timedelta(days=days - 1)).isoformat()


def _end_of_today(now: dt.datetime) -> dt.datetime:
    local = now.astimezone()
    return dt.datetime.combine(local.date() + dt.timedelta(days=1), dt.time(), local.tzinfo)


def _activity(scope: _Scope, today: dt.date) -> tuple[DayActivity, ...]:
    """Answers day by day over the last days, days without any included."""
    days = [_days_back(today, ACTIVITY_DAYS - i) for i in range(ACTIVITY_DAYS)]
    counts = dict.fromkeys(days, (0, 0))
    for day, answers, correct in scope.select(
        "SELECT day, COUNT(*), SUM(correct) FROM answers WHERE day >= ?",
        days[0],
        after=" GROUP BY day",
    ):
        counts[str(day)] = (int(answers), int(correct or 0))
    return tuple(DayActivity(day, a, c) for day, (a, c) in sorted(counts.items()))


def _by_bank(scope: _Scope) -> tuple[tuple[str, Accuracy], ...]:
    return tuple(
        (str(bank), Accuracy(int(answers), int(correct)))
        for bank, answers, correct in scope.select(
            "SELECT bank_id, SUM(answers), SUM(correct) FROM question_totals WHERE TRUE",
            after=" GROUP BY bank_id ORDER BY bank_id",
        )
    )


def _by_tag(scope: _Scope) -> tuple[tuple[str, Accuracy], ...]:
    return tuple(
        (str(tag), Accuracy(int(answers), int(correct)))
        for tag, answers, correct in scope.select(
            "SELECT tag, SUM(t.answers), SUM(t.correct) FROM question_totals AS t"
            " JOIN question_tags AS g USING (bank_id, question_id) WHERE TRUE",
            table="t",
            after=" GROUP BY tag ORDER BY tag",
        )
    )


def _forecast(scope: _Scope, now: dt.datetime) -> tuple[tuple[str, int], ...]:
    """How many questions fall due on each of the coming days (today's are in due_now)."""
    end_of_today = _end_of_today(now)
    today = now.astimezone().date()
    days = []
    for offset in range(1, FORECAST_DAYS + 1):
        start = end_of_today + dt.timedelta(days=offset - 1)
        end = start + dt.timedelta(days=1)
        count = scope.count("cards", "due >= ? AND due < ?", epoch(start), epoch(end))
        days.append(((today + dt.timedelta(days=offset)).isoformat(), count))
    return tuple(days)


_STANDINGS = (
    "SELECT t.bank_id, t.question_id, t.answers, t.correct, t.fraction_sum / t.answers,"
    " COALESCE(c.lapses, 0) FROM question_totals AS t"
    " LEFT JOIN cards AS c USING (bank_id, question_id) WHERE t.answers > 0"
)


def _weakest(scope: _Scope) -> tuple[QuestionStanding, ...]:
    """The questions with the lowest mean score, not yet always right."""
    found = scope.select(
        f"{_STANDINGS} AND t.correct < t.answers",
        table="t",
        after=f" ORDER BY t.fraction_sum / t.answers, t.answers DESC LIMIT {WEAKEST_SHOWN:d}",
    )
    return tuple(_standing(row) for row in found)


def _leeches(scope: _Scope, leech_lapses: int) -> tuple[QuestionStanding, ...]:
    """The questions forgotten most often, ``leech_lapses`` times at least."""
    found = scope.select(
        f"{_STANDINGS} AND c.lapses >= ?",
        leech_lapses,
        table="t",
        after=f" ORDER BY c.lapses DESC LIMIT {LEECHES_SHOWN:d}",
    )
    return tuple(_standing(row) for row in found)


def _standing(row: tuple[Any, ...]) -> QuestionStanding:
    bank_id, question_id, answers, correct, mean_fraction, lapses = row
    return QuestionStanding(
        str(bank_id),
        str(question_id),
        int(answers),
        int(correct),
        float(mean_fraction),
        int(lapses),
    )
