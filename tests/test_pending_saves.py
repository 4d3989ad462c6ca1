"""A store that cannot take writes for a while (a full disk, a long lock): the quiz goes on.

The answers wait in memory, in order; the learner is told once; every later
answer tries again; nothing is lost once the store takes writes again.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from pathlib import Path

import pytest

import newsquiz.store.database as store_module
from newsquiz.model import Bank, ShortQuestion
from newsquiz.pending import PendingWrites, SavingChange, read_or
from newsquiz.progress import Recorder
from newsquiz.session import Mode, Options, start_session
from newsquiz.store import open_store

NOW = dt.datetime(2025, 6, 23, 9, 0, tzinfo=dt.timezone.utc)


def test_writes_wait_in_order_and_the_change_is_told_once() -> None:
    done: list[int] = []
    full = True

    def write(n: int) -> None:
        if full:
            raise sqlite3.OperationalError("database or disk is full")
        done.append(n)

    pending = PendingWrites()
    for n in range(3):
        pending.run(lambda n=n: write(n))  # type: ignore[misc]
    assert (done, pending.waiting, pending.reason) == ([], 3, "database or disk is full")
    assert list(pending.changes()) == [SavingChange.STOPPED]
    pending.run(lambda: write(3))
    assert list(pending.changes()) == []  # said once, not at every answer
    full = False
    pending.run(lambda: write(4))
    assert done == [0, 1, 2, 3, 4]
    assert (pending.waiting, pending.reason) == (0, None)
    assert list(pending.changes()) == [SavingChange.RESUMED]


def test_a_bug_is_not_mistaken_for_a_full_disk() -> None:
    pending = PendingWrites()
    with pytest.raises(sqlite3.ProgrammingError):
        pending.run(lambda: (_ for _ in ()).throw(sqlite3.ProgrammingError("bad SQL")))
    with pytest.raises(ZeroDivisionError):
        read_or(0, lambda: 1 // 0)
    assert read_or(7, lambda: (_ for _ in ()).throw(sqlite3.OperationalError("locked"))) == 7


def _bank() -> Bank:
    questions = tuple(
        ShortQuestion(id=f"q{i}", prompt=f"Question {i}?", answer="Goïta") for i in range(4)
    )
    return Bank(id="b", title="B", language="en", questions=questions)


def _count(path: Path, sql: str) -> int:
    with sqlite3.connect(path) as db:
        value = int(db.execute(sql).fetchone()[0])
    db.close()
    return value


def test_a_store_locked_longer_than_the_busy_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program holds the store: answers wait, then all go in, in order."""
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr(store_module, "WRITE_ATTEMPTS", 1)
    store = open_store(tmp_path / "data", now=NOW).store
    recorder = Recorder(store, fuzz=False)
    session = start_session(
        _bank(), Options(mode=Mode.PRACTICE, shuffle=False), random.Random(1), NOW
    )
    recorder.begin(session)

    def answer(text: str) -> None:
        recorder.record(session, session.record(text, text, hint_used=False, seconds=3.0, now=NOW))

    answer("Goita")
    holder = sqlite3.connect(store.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program, holding the lock
    answer("Goïta\x00\x1b[2J")
    answer("nope")
    assert recorder.pending.waiting == 2
    assert list(recorder.pending.changes()) == [SavingChange.STOPPED]
    assert "locked" in (recorder.pending.reason or "")
    holder.execute("ROLLBACK")
    holder.close()
    answer("Goita")
    recorder.end(session, NOW)
    assert list(recorder.pending.changes()) == [SavingChange.RESUMED]
    path = store.path
    store.close()
    assert _count(path, "SELECT COUNT(*) FROM answers") == 4
    with sqlite3.connect(path) as db:
        responses = [r[0] for r in db.execute("SELECT response FROM answers ORDER BY id")]
        finished = db.execute("SELECT finished_at FROM sessions").fetchone()[0]
    db.close()
    assert responses == ["Goita", "Goïta[2J", "nope", "Goita"]  # in order, no control codes
    assert finished is not None


def test_a_full_disk_at_commit_leaves_no_transaction_open(tmp_path: Path) -> None:
    """A COMMIT that fails must not leave the connection inside a transaction."""
    store = open_store(tmp_path / "data", now=NOW).store

    def fails_inside() -> None:
        with store.write() as db:
            db.execute("INSERT INTO question_tags VALUES ('b', 'q', 't')")
            db.execute("SELECT * FROM no_such_table")

    with pytest.raises(sqlite3.OperationalError):
        fails_inside()
    assert not store.db.in_transaction
    with store.write() as db:  # the next write works
        db.execute("INSERT INTO question_tags VALUES ('b', 'q', 't')")
    assert _count(store.path, "SELECT COUNT(*) FROM question_tags") == 1


def test_a_store_held_locked_by_another_program_still_opens(tmp_path: Path) -> None:
    """Opening an up-to-date store writes nothing: a lock held elsewhere does not stop it,
    and the session's writes wait in memory instead."""
    store = open_store(tmp_path / "data", now=NOW).store
    path = store.path
    store.close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        opened = open_store(tmp_path / "data", now=NOW)
        assert opened.moved_aside is None
        assert opened.store.cards() == []
        opened.store.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
