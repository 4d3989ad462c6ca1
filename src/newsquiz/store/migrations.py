"""The store's tables, and the steps that bring a store of an older newsquiz up to date.

``PRAGMA user_version`` says which version of the tables a store holds; a
store is only ever moved forward, inside the transaction that opens it.
"""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 2

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY,
    bank_id TEXT NOT NULL,
    bank_path TEXT,
    mode TEXT NOT NULL,
    student TEXT,
    started_at INTEGER NOT NULL,
    finished_at INTEGER,
    score REAL,
    max_score REAL
);
CREATE TABLE IF NOT EXISTS answers (
    id INTEGER PRIMARY KEY,
    session_id INTEGER REFERENCES sessions(id),
    bank_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    answered_at INTEGER NOT NULL,
    day TEXT NOT NULL,
    mode TEXT NOT NULL,
    correct INTEGER NOT NULL,
    fraction REAL NOT NULL,
    points REAL NOT NULL,
    max_points REAL NOT NULL,
    hint_used INTEGER NOT NULL,
    seconds REAL NOT NULL,
    response TEXT,
    rating INTEGER
);
CREATE INDEX IF NOT EXISTS answers_by_day ON answers(day);
CREATE INDEX IF NOT EXISTS answers_by_question ON answers(bank_id, question_id);
CREATE TABLE IF NOT EXISTS cards (
    bank_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    answer_fingerprint TEXT NOT NULL,
    state INTEGER NOT NULL,
    step INTEGER,
    stability REAL,
    difficulty REAL,
    due INTEGER,
    last_review INTEGER,
    reviews INTEGER NOT NULL DEFAULT 0,
    lapses INTEGER NOT NULL DEFAULT 0,
    introduced_day TEXT,
    PRIMARY KEY (bank_id, question_id)
);
CREATE INDEX IF NOT EXISTS cards_by_due ON cards(due);
-- Running totals per question, so that all-time statistics read one row per
-- question instead of the whole history.
CREATE TABLE IF NOT EXISTS question_totals (
    bank_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    answers INTEGER NOT NULL DEFAULT 0,
    correct INTEGER NOT NULL DEFAULT 0,
    fraction_sum REAL NOT NULL DEFAULT 0,
    seconds_sum REAL NOT NULL DEFAULT 0,
    correct_seconds_sum REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (bank_id, question_id)
);
CREATE TABLE IF NOT EXISTS question_tags (
    bank_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (bank_id, question_id, tag)
);
"""

# Forward migrations: index i brings a store from version i to i + 1.
_MIGRATIONS: tuple[str, ...] = (
    _SCHEMA,
    # Version 2: reviews were saved under a stand-in bank id, "review", that named no
    # bank but showed in `newsquiz stats` as one.
    "UPDATE sessions SET bank_id = '' WHERE mode = 'review'",
)


def stored_version(db: sqlite3.Connection) -> int:
    """The version of the tables a store holds (0 for a new, empty file)."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def upgrade(db: sqlite3.Connection, version: int) -> None:
    """Bring a store of ``version`` (older than this newsquiz's) up to date.

    Run inside a write transaction: a failed step leaves the store as it was.
    """
    for script in _MIGRATIONS[version:]:
        for statement in script.split(";\n"):
            if statement.strip():
                db.execute(statement)
    # A constant of the program, not a value from outside: PRAGMA takes no parameters.
    db.execute(f"PRAGMA user_version = {int(SCHEMA_VERSION)}")
