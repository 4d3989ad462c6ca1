"""Opening the progress store: where it lives, an older one brought up to date, a newer or
damaged one never lost, and the file left tidy once the program is done with it."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
import sys
from pathlib import Path

import pytest

from newsquiz.cli import main
from newsquiz.context import Environment
from newsquiz.scheduler import CardState
from newsquiz.store import STORE_NAME, StoreUnavailable, gather_statistics, open_store
from newsquiz.store.migrations import SCHEMA_VERSION
from newsquiz.store.opening import connect_read_only, default_data_dir

UTC = dt.timezone.utc
NOW = dt.datetime(2025, 6, 23, 9, 0, tzinfo=UTC)
DUE = dt.datetime(2025, 6, 25, 9, 0, tzinfo=UTC)

# A store as newsquiz 1 left it (store version 1): the tables of today, a learner's
# answers, a schedule, and a review saved under the stand-in bank "review".
VERSION_1 = f"""
CREATE TABLE sessions (id INTEGER PRIMARY KEY, bank_id TEXT NOT NULL, bank_path TEXT,
    mode TEXT NOT NULL, student TEXT, started_at INTEGER NOT NULL, finished_at INTEGER,
    score REAL, max_score REAL);
CREATE TABLE answers (id INTEGER PRIMARY KEY, session_id INTEGER REFERENCES sessions(id),
    bank_id TEXT NOT NULL, question_id TEXT NOT NULL, answered_at INTEGER NOT NULL,
    day TEXT NOT NULL, mode TEXT NOT NULL, correct INTEGER NOT NULL, fraction REAL NOT NULL,
    points REAL NOT NULL, max_points REAL NOT NULL, hint_used INTEGER NOT NULL,
    seconds REAL NOT NULL, response TEXT, rating INTEGER);
CREATE TABLE cards (bank_id TEXT NOT NULL, question_id TEXT NOT NULL,
    answer_fingerprint TEXT NOT NULL, state INTEGER NOT NULL, step INTEGER, stability REAL,
    difficulty REAL, due INTEGER, last_review INTEGER, reviews INTEGER NOT NULL DEFAULT 0,
    lapses INTEGER NOT NULL DEFAULT 0, introduced_day TEXT, PRIMARY KEY (bank_id, question_id));
CREATE TABLE question_totals (bank_id TEXT NOT NULL, question_id TEXT NOT NULL,
    answers INTEGER NOT NULL DEFAULT 0, correct INTEGER NOT NULL DEFAULT 0,
    fraction_sum REAL NOT NULL DEFAULT 0, seconds_sum REAL NOT NULL DEFAULT 0,
    correct_seconds_sum REAL NOT NULL DEFAULT 0, PRIMARY KEY (bank_id, question_id));
CREATE TABLE question_tags (bank_id TEXT NOT NULL, question_id TEXT NOT NULL,
    tag TEXT NOT NULL, PRIMARY KEY (bank_id, question_id, tag));
INSERT INTO sessions (bank_id, mode, started_at) VALUES ('mali', 'practice', 1750600000);
INSERT INTO sessions (bank_id, mode, started_at) VALUES ('review', 'review', 1750650000);
INSERT INTO answers (session_id, bank_id, question_id, answered_at, day, mode, correct,
    fraction, points, max_points, hint_used, seconds)
    VALUES (1, 'mali', 'city', 1750600000, '2025-06-22', 'practice', 1, 1, 1, 1, 0, 4),
           (2, 'mali', 'city', 1750650000, '2025-06-23', 'review', 0, 0, 0, 1, 0, 9);
INSERT INTO question_totals VALUES ('mali', 'city', 2, 1, 1.0, 13.0, 4.0);
INSERT INTO cards (bank_id, question_id, answer_fingerprint, state, step, stability,
    difficulty, due, last_review, reviews, lapses)
    VALUES ('mali', 'city', 'f', 2, NULL, 3.5, 5.0, {int(DUE.timestamp())}, 1750650000, 2, 1);
PRAGMA user_version = 1;
"""


def _write_store(folder: Path, script: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / STORE_NAME
    db = sqlite3.connect(path)
    db.executescript(script)
    db.close()
    return path


def test_a_store_of_an_older_version_keeps_the_learners_progress(tmp_path: Path) -> None:
    _write_store(tmp_path, VERSION_1)
    with open_store(tmp_path, now=NOW).store as store:
        card = store.card("mali", "city")
        stats = gather_statistics(store, NOW)
        played = store.played_banks()
        under_review = gather_statistics(store, NOW, "review").sessions
        version = store.db.execute("PRAGMA user_version").fetchone()[0]

    assert version == SCHEMA_VERSION
    assert card is not None
    assert (card.state, card.due, card.reviews, card.lapses) == (CardState.REVIEW, DUE, 2, 1)
    assert (stats.overall.answers, stats.overall.correct, stats.sessions) == (2, 1, 2)
    assert [bank for bank, _ in stats.by_bank] == ["mali"]
    # The stand-in bank of version 1's reviews is gone: reviews belong to no bank.
    assert (played, under_review) == (["mali"], 0)


def test_a_store_of_a_newer_newsquiz_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    newer = SCHEMA_VERSION + 1
    path = _write_store(tmp_path, f"{VERSION_1}\nPRAGMA user_version = {newer};")
    before = path.read_bytes()

    with pytest.raises(StoreUnavailable, match="written by a newer newsquiz"):
        open_store(tmp_path, now=NOW)

    # Not moved aside as if damaged, not migrated back, not even switched to another
    # journal mode: what the newer version wrote stays, to the byte.
    assert sorted(p.name for p in tmp_path.iterdir()) == [STORE_NAME]
    assert path.read_bytes() == before
    db = sqlite3.connect(path)
    kept = db.execute("SELECT bank_id FROM sessions ORDER BY id").fetchall()
    version = db.execute("PRAGMA user_version").fetchone()[0]
    db.close()
    assert (kept, version) == ([("mali",), ("review",)], newer)


def test_stats_on_a_store_of_a_newer_newsquiz_leaves_its_bytes_as_they_were(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    # A store in SQLite's default journal mode, as another program may leave it.
    path = _write_store(data, f"{VERSION_1}\nPRAGMA user_version = {SCHEMA_VERSION + 1};")
    before = path.read_bytes()
    out, err = io.StringIO(), io.StringIO()
    env = Environment(
        stdin=io.StringIO(""),
        stdout=out,
        stderr=err,
        environ={"NEWSQUIZ_DATA_DIR": str(data), "LANG": "en_US.UTF-8"},
        cwd=tmp_path,
        clock=lambda: NOW,
    )

    code = main(["stats", "--plain"], env)

    assert (code, out.getvalue()) == (1, "")
    assert "written by a newer newsquiz" in err.getvalue()
    assert path.read_bytes() == before
    assert sorted(p.name for p in data.iterdir()) == [STORE_NAME]


def test_a_closed_store_leaves_one_file_in_the_data_folder(tmp_path: Path) -> None:
    with open_store(tmp_path, now=NOW).store as store:
        store.start_session("mali", "practice", NOW)
        # While open, SQLite keeps its write-ahead log beside the store...
        assert (tmp_path / f"{STORE_NAME}-wal").exists()
    # ...and folds it into the store when the program is done with it.
    assert sorted(p.name for p in tmp_path.iterdir()) == [STORE_NAME]
    with open_store(tmp_path, now=NOW).store as again:
        assert gather_statistics(again, NOW).sessions == 1


def test_two_damaged_stores_in_the_same_second_are_both_kept(tmp_path: Path) -> None:
    for garbage in (b"first damaged store " * 100, b"second damaged store " * 100):
        (tmp_path / STORE_NAME).write_bytes(garbage)
        open_store(tmp_path, now=NOW).store.close()

    stamp = NOW.astimezone().strftime("%Y%m%dT%H%M%S")
    first = tmp_path / f"{STORE_NAME}.corrupt-{stamp}"
    second = tmp_path / f"{STORE_NAME}.corrupt-{stamp}-2"
    assert first.read_bytes().startswith(b"first damaged store")
    assert second.read_bytes().startswith(b"second damaged store")


def test_a_folder_in_the_stores_place_is_neither_opened_nor_moved(tmp_path: Path) -> None:
    (tmp_path / STORE_NAME).mkdir()
    (tmp_path / STORE_NAME / "keep.txt").write_text("mine", encoding="utf-8")

    with pytest.raises(StoreUnavailable, match="cannot open"):
        open_store(tmp_path, now=NOW)

    assert (tmp_path / STORE_NAME / "keep.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == [STORE_NAME]


def test_a_store_file_that_cannot_be_written_is_unavailable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write_store(tmp_path, VERSION_1)
    before = path.read_bytes()
    # As for a learner who is not root: the file is read-only, the folder is not.
    monkeypatch.setattr("newsquiz.store.opening.os.access", lambda where, mode: Path(where) != path)

    with pytest.raises(StoreUnavailable, match="is not writable"):
        open_store(tmp_path, now=NOW)

    assert path.read_bytes() == before


def test_reading_a_store_that_is_not_there_says_so(tmp_path: Path) -> None:
    with pytest.raises(sqlite3.OperationalError, match="unable to open"):
        connect_read_only(tmp_path / STORE_NAME)
    assert not (tmp_path / STORE_NAME).exists()


def test_the_data_folder_is_the_one_named_else_the_users_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    named = tmp_path / "named"
    assert default_data_dir({"NEWSQUIZ_DATA_DIR": str(named)}) == named
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
        assert default_data_dir({}) == tmp_path / "share" / "newsquiz"
    assert default_data_dir({"NEWSQUIZ_DATA_DIR": ""}).name == "newsquiz"
