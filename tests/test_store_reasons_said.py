"""When the progress store cannot be written or read, the reason is said in the session's
language: SQLite's English ("database is locked") never reaches a French learner."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsquiz.store  # noqa: F401 - loaded now, so its waiting time can be shortened
from newsquiz.cli import main
from newsquiz.commands.stores import said_reason, unavailable_reason
from newsquiz.context import Environment
from newsquiz.interface.messages import Messages
from newsquiz.store import STORE_NAME, StoreUnavailable, connect_read_only, open_for_reading
from newsquiz.store.reasons import sqlite_reason
from test_saving_notices import Typing

BANK = """\
newsquiz: 1
id: alpha
title: Alpha
language: fr
questions:
  - {id: a1, type: truefalse, prompt: Alpha un est vrai., answer: true, explanation: e}
  - {id: a2, type: truefalse, prompt: Alpha deux est vrai., answer: true, explanation: e}
"""
SQLITE_ENGLISH = ("database", "locked", "disk", "malformed", "unable to open", "readonly")


def french() -> Messages:
    return Messages("fr")


def _run_french(argv: list[str], cwd: Path, data: Path, stdin: io.StringIO) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    environ = {"LANG": "fr_FR.UTF-8", "NEWSQUIZ_DATA_DIR": str(data)}
    env = Environment(stdin=stdin, stdout=out, stderr=err, environ=environ, cwd=cwd)
    return main(argv, env), out.getvalue() + err.getvalue()


def _shorten_busy_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, module in list(sys.modules.items()):
        if name.startswith("newsquiz.store") and hasattr(module, "BUSY_TIMEOUT_MS"):
            monkeypatch.setattr(module, "BUSY_TIMEOUT_MS", 100)


def test_a_store_locked_by_another_program_is_said_in_french_during_a_quiz(
    tmp_path: Path, private_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _shorten_busy_wait(monkeypatch)
    (tmp_path / "alpha.yaml").write_text(BANK, encoding="utf-8")
    played = ["play", "alpha.yaml", "--no-shuffle"]
    assert _run_french([*played, "-n", "1"], tmp_path, private_data_dir, io.StringIO("v\n"))[0] == 0
    holder = sqlite3.connect(private_data_dir / STORE_NAME, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        typed = Typing("v\nv\n", at=2, meanwhile=lambda: holder.execute("ROLLBACK"))
        code, shown = _run_french(played, tmp_path, private_data_dir, typed)
    finally:
        holder.close()
    assert code == 0, shown
    shown = " ".join(shown.split())
    assert "verrouillé par un autre programme" in shown
    assert "database is locked" not in shown


@pytest.fixture
def errors(tmp_path: Path) -> Iterator[dict[str, sqlite3.Error]]:
    """Real errors from SQLite: locked, full, read-only, corrupt."""
    found: dict[str, sqlite3.Error] = {}
    path = tmp_path / "a.sqlite3"
    db = sqlite3.connect(path, isolation_level=None, timeout=0)
    db.execute("CREATE TABLE t (x)")
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    db.execute("BEGIN EXCLUSIVE")
    for name, attempt in (
        ("locked", lambda: other.execute("BEGIN EXCLUSIVE")),
        ("full", lambda: _fill(db)),
    ):
        try:
            attempt()
        except sqlite3.Error as exc:
            found[name] = exc
    if db.in_transaction:
        db.execute("ROLLBACK")
    reader = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a store at all" * 300)
    broken = sqlite3.connect(garbage)
    for name, attempt in (
        ("read_only", lambda: reader.execute("INSERT INTO t VALUES (1)")),
        ("corrupt", lambda: broken.execute("SELECT * FROM sqlite_master")),
    ):
        try:
            attempt()
        except sqlite3.Error as exc:
            found[name] = exc
    yield found
    for connection in (db, other, reader, broken):
        connection.close()


def _fill(db: sqlite3.Connection) -> None:
    db.execute("PRAGMA max_page_count = 3")
    for _ in range(1000):
        db.execute("INSERT INTO t VALUES (?)", ("x" * 4000,))


@pytest.mark.parametrize(
    ("kind", "french_words"),
    [
        ("locked", "verrouillé"),
        ("full", "disque est plein"),
        ("read_only", "qu’en lecture"),
        ("corrupt", "endommagé"),
    ],
)
def test_sqlite_refusals_are_said_in_french(
    errors: dict[str, sqlite3.Error], kind: str, french_words: str
) -> None:
    said = said_reason(sqlite_reason(errors[kind]), french())
    assert french_words in said
    assert not any(word in said for word in SQLITE_ENGLISH)


def test_a_missing_store_read_only_is_said_in_french(tmp_path: Path) -> None:
    with pytest.raises(sqlite3.OperationalError) as raised:
        connect_read_only(tmp_path / STORE_NAME)
    said = said_reason(sqlite_reason(raised.value), french())
    assert "n’existe pas" in said
    assert not any(word in said for word in SQLITE_ENGLISH)


class _Refusing:
    """A connection SQLite opened, on which every read fails."""

    def execute(self, sql: str) -> None:
        raise sqlite3.OperationalError("unable to open database file")

    def close(self) -> None:
        pass


def test_a_store_that_cannot_be_read_is_said_in_french(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / STORE_NAME).write_bytes(b"")
    # As for a learner who is not root: neither the folder nor the file can be written.
    monkeypatch.setattr("newsquiz.store.opening.os.access", lambda where, mode: False)
    monkeypatch.setattr("newsquiz.store.opening.sqlite3.connect", lambda *a, **k: _Refusing())
    with pytest.raises(StoreUnavailable) as raised:
        open_for_reading(tmp_path, now=dt.datetime.now(dt.timezone.utc))
    said = unavailable_reason(raised.value, french())
    assert "impossible de lire" in said
    assert not any(word in said for word in SQLITE_ENGLISH)
