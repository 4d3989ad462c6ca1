"""A store whose contents no version of newsquiz writes: moved aside, a new one started."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest

from newsquiz.store import (
    STORE_NAME,
    Store,
    StoreDamaged,
    connect_read_only,
    open_for_reading,
    open_store,
)
from newsquiz.store.health import check_contents

NOW = dt.datetime(2025, 6, 23, 9, 0, tzinfo=dt.timezone.utc)
CARD = (
    "INSERT INTO cards (bank_id, question_id, answer_fingerprint, state, step, stability,"
    " difficulty, due, last_review, reviews, lapses) VALUES"
    " ('b', 'q', 'f', 2, NULL, 3.5, 5.0, 1750700000, 1750600000, 1, 0)"
)


def _store_with_a_card(folder: Path, damage: str) -> Path:
    store = open_store(folder, now=NOW).store
    with store.write() as db:
        db.execute(CARD)
    path = store.path
    store.close()
    db = sqlite3.connect(path)
    db.execute(damage)
    db.commit()
    db.close()
    return path


DAMAGES = [
    "UPDATE cards SET state = 99",
    "UPDATE cards SET state = 0",
    "UPDATE cards SET state = '2x'",
    "UPDATE cards SET due = 99999999999999",
    "UPDATE cards SET due = -1",
    "UPDATE cards SET due = 1e300",
    "UPDATE cards SET due = 'tomorrow'",
    "UPDATE cards SET last_review = 253402300800",
    "UPDATE cards SET stability = 9e999",
    "UPDATE cards SET difficulty = -3",
    "UPDATE cards SET reviews = -1",
    "UPDATE cards SET lapses = 'many'",
    "UPDATE cards SET step = 1e12",
    "DROP TABLE cards",
    "DROP TABLE answers",
    "DROP TABLE question_tags",
    "ALTER TABLE sessions DROP COLUMN student",
    "ALTER TABLE question_totals RENAME TO old_totals",
    "INSERT INTO answers (bank_id, question_id, answered_at, day, mode, correct, fraction,"
    " points, max_points, hint_used, seconds) VALUES ('b', 'q', 0, 'garbage', 'practice',"
    " 1, 1, 1, 1, 0, 1)",
    "INSERT INTO question_totals (bank_id, question_id, answers, correct) VALUES ('b', 'q', 'x', 0)",
    "INSERT INTO question_totals (bank_id, question_id, answers, correct) VALUES ('b', 'q', 1, 5)",
]


@pytest.mark.parametrize("damage", DAMAGES)
def test_damaged_contents_are_moved_aside_never_deleted(tmp_path: Path, damage: str) -> None:
    folder = tmp_path / "data"
    path = _store_with_a_card(folder, damage)
    size = path.stat().st_size
    opened = open_store(folder, now=NOW)
    assert opened.moved_aside is not None
    assert opened.moved_aside.stat().st_size == size  # kept whole, beside the new one
    assert opened.store.cards() == []  # a new, empty store
    opened.store.close()


def test_a_healthy_store_is_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    _store_with_a_card(folder, "UPDATE cards SET due = NULL, step = 0")
    opened = open_store(folder, now=NOW)
    assert opened.moved_aside is None
    assert len(opened.store.cards()) == 1
    opened.store.close()


def test_the_damage_is_named(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "x.sqlite3")
    with pytest.raises(StoreDamaged, match="the table sessions is missing"):
        check_contents(db)
    db.close()


def test_reading_a_store_in_a_read_only_folder_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    path = _store_with_a_card(folder, "UPDATE cards SET lapses = 0")
    before = path.read_bytes()
    real_access = os.access
    monkeypatch.setattr(
        "newsquiz.store.opening.os.access",
        lambda p, mode: False if mode & os.W_OK else real_access(p, mode),
    )
    opened = open_for_reading(folder, now=NOW)
    assert len(opened.store.cards()) == 1
    with pytest.raises(sqlite3.OperationalError, match="readonly"), opened.store.write() as db:
        db.execute("DELETE FROM cards")
    opened.store.close()
    assert path.read_bytes() == before


def test_a_damaged_store_in_a_read_only_folder_is_unreadable_not_moved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsquiz.store import StoreUnavailable

    folder = tmp_path / "data"
    _store_with_a_card(folder, "UPDATE cards SET state = 99")
    monkeypatch.setattr("newsquiz.store.opening.os.access", lambda p, mode: False)
    with pytest.raises(StoreUnavailable, match="values newsquiz never writes"):
        open_for_reading(folder, now=NOW)
    assert not [name for name in os.listdir(folder) if ".corrupt-" in name]


def test_a_read_only_connection_falls_back_to_immutable(tmp_path: Path) -> None:
    """In a folder where SQLite cannot create its -shm file, the store is read as immutable."""
    folder = tmp_path / "data"
    path = _store_with_a_card(folder, "UPDATE cards SET lapses = 0")
    import subprocess

    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False).returncode:
        if os.geteuid() == 0:
            pytest.skip("root without chattr +i cannot make a read-only folder")
        folder.chmod(0o500)
    try:
        store = Store(path, read_only=connect_read_only(path))
        assert len(store.cards()) == 1
        store.close()
    finally:
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True, check=False)
        folder.chmod(0o700)
    assert sorted(os.listdir(folder)) == [STORE_NAME]
