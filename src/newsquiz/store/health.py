"""Is a progress store whole? Tables, columns and schedules that the program can read.

SQLite's own integrity check finds damaged pages; this finds damaged contents:
a table dropped, a column missing, a card in a state or with a date no version
of newsquiz writes. Such a store is treated like a corrupt file: moved aside,
never deleted, and a new one started.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

# Enough to cover every date a schedule can reach, far from the year 9999 where
# Python's dates end.
LATEST_EPOCH = 32_503_680_000  # 3000-01-01

_COLUMNS: dict[str, frozenset[str]] = {
    "sessions": frozenset(
        [
            "id",
            "bank_id",
            "bank_path",
            "mode",
            "student",
            "started_at",
            "finished_at",
            "score",
            "max_score",
        ]
    ),
    "answers": frozenset(
        [
            "id",
            "session_id",
            "bank_id",
            "question_id",
            "answered_at",
            "day",
            "mode",
            "correct",
            "fraction",
            "points",
            "max_points",
            "hint_used",
            "seconds",
            "response",
            "rating",
        ]
    ),
    "cards": frozenset(
        [
            "bank_id",
            "question_id",
            "answer_fingerprint",
            "state",
            "step",
            "stability",
            "difficulty",
            "due",
            "last_review",
            "reviews",
            "lapses",
            "introduced_day",
        ]
    ),
    "question_totals": frozenset(
        [
            "bank_id",
            "question_id",
            "answers",
            "correct",
            "fraction_sum",
            "seconds_sum",
            "correct_seconds_sum",
        ]
    ),
    "question_tags": frozenset(["bank_id", "question_id", "tag"]),
}

_BAD_CARDS = f"""
SELECT COUNT(*) FROM cards WHERE
    typeof(state) != 'integer' OR state NOT IN (1, 2, 3)
    OR (due IS NOT NULL AND (typeof(due) != 'integer' OR due NOT BETWEEN 0 AND {LATEST_EPOCH}))
    OR (last_review IS NOT NULL
        AND (typeof(last_review) != 'integer' OR last_review NOT BETWEEN 0 AND {LATEST_EPOCH}))
    OR (step IS NOT NULL AND (typeof(step) != 'integer' OR step NOT BETWEEN 0 AND 1000))
    OR (stability IS NOT NULL
        AND (typeof(stability) NOT IN ('integer', 'real') OR stability NOT BETWEEN 0 AND 1e9))
    OR (difficulty IS NOT NULL
        AND (typeof(difficulty) NOT IN ('integer', 'real') OR difficulty NOT BETWEEN 0 AND 100))
    OR typeof(reviews) != 'integer' OR reviews < 0
    OR typeof(lapses) != 'integer' OR lapses < 0
    OR typeof(bank_id) != 'text' OR typeof(question_id) != 'text'
"""


_BAD_TOTALS = """
SELECT COUNT(*) FROM question_totals WHERE
    typeof(answers) != 'integer' OR typeof(correct) != 'integer'
    OR answers < 0 OR correct < 0 OR correct > answers
    OR typeof(fraction_sum) NOT IN ('integer', 'real')
    OR typeof(seconds_sum) NOT IN ('integer', 'real')
    OR typeof(correct_seconds_sum) NOT IN ('integer', 'real')
"""
# Days that statistics read back as dates: those of the last weeks (through the
# index on `day`, so the check costs the same for a long history), and any day
# that is not a date at all (such text sorts after the digits).
RECENT_DAYS = 62


class StoreDamaged(sqlite3.DatabaseError):
    """The store's contents cannot be what newsquiz wrote.

    ``key`` names what is wrong in the message catalogue (``store.damage.*``) and
    ``values`` fill it in, for the command to say in the session's language;
    ``str()`` is the English.
    """

    def __init__(self, key: str, **values: str) -> None:
        from newsquiz.locales import Locale

        super().__init__(Locale("en")(key, **values))
        self.key = key
        self.values = values


def check_contents(db: sqlite3.Connection) -> None:
    """Raise StoreDamaged, saying what is wrong, unless the store's contents are readable."""
    for table, expected in _COLUMNS.items():
        found = {str(row[1]) for row in db.execute(f"PRAGMA table_info({table})")}
        if not found:
            raise StoreDamaged("store.damage.no_table", table=table)
        missing = sorted(expected - found)
        if missing:
            raise StoreDamaged("store.damage.no_column", table=table, column=missing[0])
    bad = int(db.execute(_BAD_CARDS).fetchone()[0])
    if bad:
        raise StoreDamaged("store.damage.schedules", count=str(bad))
    if int(db.execute(_BAD_TOTALS).fetchone()[0]):
        raise StoreDamaged("store.damage.totals")
    _check_recent_days(db)


def _check_recent_days(db: sqlite3.Connection) -> None:
    since = (dt.date.today() - dt.timedelta(days=RECENT_DAYS)).isoformat()
    for (day,) in db.execute("SELECT DISTINCT day FROM answers WHERE day >= ?", (since,)):
        try:
            dt.date.fromisoformat(day)
        except (TypeError, ValueError):
            raise StoreDamaged("store.damage.day", day=repr(str(day)[:20])) from None
