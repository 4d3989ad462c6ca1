"""What the store tells about the learner's progress: schedules, banks played, usual times."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from newsquiz.scheduler import CardProgress
from newsquiz.store.clauses import in_banks
from newsquiz.store.columns import CARD_COLUMNS, UTC, card_from_row, epoch
from newsquiz.store.database import Database


class Reads(Database):
    """The store's queries; none of them writes."""

    def card(self, bank_id: str, question_id: str) -> CardProgress | None:
        found = self._cards("bank_id = ? AND question_id = ?", (bank_id, question_id))
        return found[0] if found else None

    def cards(self, bank_ids: Sequence[str] | None = None) -> list[CardProgress]:
        banks = in_banks(bank_ids)
        return self._cards(banks.sql, banks.values)

    def due_cards(
        self, now: dt.datetime, bank_ids: Sequence[str] | None = None, limit: int | None = None
    ) -> list[CardProgress]:
        """Cards due by ``now``, most overdue first (the first ``limit`` of them)."""
        banks = in_banks(bank_ids)
        order = " ORDER BY due, rowid" + ("" if limit is None else " LIMIT ?")
        tail = () if limit is None else (limit,)
        return self._cards(f"due <= ? AND {banks.sql}{order}", (epoch(now), *banks.values, *tail))

    def _cards(self, condition: str, values: Sequence[object]) -> list[CardProgress]:
        rows = self.db.execute(f"SELECT {CARD_COLUMNS} FROM cards WHERE {condition}", values)
        return [card_from_row(row) for row in rows]

    def card_keys(self, bank_ids: Sequence[str] | None = None) -> set[tuple[str, str]]:
        """(bank id, question id) of every question the learner has a schedule for."""
        banks = in_banks(bank_ids)
        rows = self.db.execute(
            f"SELECT bank_id, question_id FROM cards WHERE {banks.sql}", banks.values
        )
        return {(str(b), str(q)) for b, q in rows}

    def scheduled_banks(self) -> list[str]:
        return [str(r[0]) for r in self.db.execute("SELECT DISTINCT bank_id FROM cards")]

    def count_due(self, now: dt.datetime, bank_ids: Sequence[str] | None = None) -> int:
        banks = in_banks(bank_ids)
        row = self.db.execute(
            f"SELECT COUNT(*) FROM cards WHERE due <= ? AND {banks.sql}",
            (epoch(now), *banks.values),
        )
        return int(row.fetchone()[0])

    def introduced_on(self, day: str) -> int:
        """How many questions were seen for the first time on a day (the new-card limit)."""
        row = self.db.execute("SELECT COUNT(*) FROM cards WHERE introduced_day = ?", (day,))
        return int(row.fetchone()[0])

    def played_banks(self) -> list[str]:
        # A review belongs to no one bank (a store of version 1 called it "review").
        rows = self.db.execute(
            "SELECT DISTINCT bank_id FROM sessions WHERE mode != 'review' ORDER BY bank_id"
        )
        return [str(r[0]) for r in rows]

    def played_bank_paths(self) -> list[str]:
        """Files of banks played by path, newest first, so a review can find them again."""
        rows = self.db.execute(
            "SELECT bank_path FROM sessions WHERE bank_path IS NOT NULL"
            " GROUP BY bank_path ORDER BY MAX(started_at) DESC"
        )
        return [str(r[0]) for r in rows]

    def usual_seconds(self, bank_id: str, question_id: str) -> float | None:
        """The learner's usual time for a right answer: this question's, else overall."""
        row = self.db.execute(
            "SELECT correct_seconds_sum / correct FROM question_totals"
            " WHERE bank_id = ? AND question_id = ? AND correct > 0",
            (bank_id, question_id),
        ).fetchone()
        if row is not None:
            return float(row[0])
        row = self.db.execute(
            "SELECT SUM(correct_seconds_sum) / SUM(correct) FROM question_totals WHERE correct > 0"
        ).fetchone()
        return None if row is None or row[0] is None else float(row[0])


def next_due(
    store: Reads, now: dt.datetime, bank_ids: Sequence[str] | None = None
) -> tuple[dt.datetime, int] | None:
    """When the next questions fall due (after ``now``), and how many fall due that day."""
    local = now.astimezone()
    banks = in_banks(bank_ids)
    first = store.db.execute(
        f"SELECT MIN(due) FROM cards WHERE due > ? AND {banks.sql}", (epoch(now), *banks.values)
    ).fetchone()[0]
    if first is None:
        return None
    moment = dt.datetime.fromtimestamp(int(first), UTC).astimezone(local.tzinfo)
    end_of_day = dt.datetime.combine(moment.date() + dt.timedelta(days=1), dt.time(), local.tzinfo)
    count = store.db.execute(
        f"SELECT COUNT(*) FROM cards WHERE due > ? AND due < ? AND {banks.sql}",
        (epoch(now), epoch(end_of_day), *banks.values),
    ).fetchone()[0]
    return moment, int(count)
