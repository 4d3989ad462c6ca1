"""A damaged store keeps its write-ahead log, where the learner's latest answers may be.

SQLite deletes a store's ``-wal`` file when the last connection to it closes, even
when the store has just proved damaged: the log must go aside with the store, and
nothing else may be left in the data folder.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import sqlite3
from contextlib import suppress
from dataclasses import replace
from pathlib import Path

import pytest

from newsquiz.store import STORE_NAME, AnswerRecord, Store, StoreUnavailable, open_store, opening
from test_store import answer_record

UTC = dt.timezone.utc
NOW = dt.datetime(2025, 6, 23, 21, 4, 5, tzinfo=UTC)
LATEST = "Bamako, typed last"
STAMP = NOW.astimezone().strftime("%Y%m%dT%H%M%S")
ASIDE = f"{STORE_NAME}.corrupt-{STAMP}"
PAGE = 4096


def _answer(question_id: str, response: str) -> AnswerRecord:
    return replace(answer_record("mali", question_id, NOW, tags=("capitals",)), response=response)


def _left_by_a_killed_session(tmp_path: Path, earlier: int = 300) -> tuple[Path, bytes]:
    """A data folder as a session killed mid-quiz leaves it: the store and its log.

    ``earlier`` answers are folded into the store first; the latest is only in the log.
    Returns the folder and the log's bytes.
    """
    live, data = tmp_path / "live", tmp_path / "data"
    if earlier:
        with open_store(live, now=NOW).store as store:
            for n in range(earlier):
                store.record_answer(None, _answer(f"q{n}", "earlier " * 20), None)
    with open_store(live, now=NOW).store as store:
        store.record_answer(None, _answer("latest", LATEST), None)
        data.mkdir()
        for suffix in ("", "-wal"):
            shutil.copyfile(f"{live / STORE_NAME}{suffix}", f"{data / STORE_NAME}{suffix}")
    log = Path(f"{data / STORE_NAME}-wal").read_bytes()
    assert LATEST.encode() in log
    return data, log


def _damage(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "garbage":
        data[:] = b"not a store " * (len(data) // 12)
    elif how == "emptied":  # SQLite would take the log for a stale one and delete it
        data[:] = b""
    else:  # a page in the middle, among the earlier answers the log does not hold
        middle = (len(data) // PAGE // 2) * PAGE
        data[middle : middle + PAGE] = b"\x55" * PAGE
    path.write_bytes(bytes(data))


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, bytes]:
    """A data folder with a store damaged throughout and the log of its latest answer."""
    data, log = _left_by_a_killed_session(tmp_path)
    _damage(data / STORE_NAME, "garbage")
    return data, log


def _names(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


@pytest.mark.parametrize("how", ["garbage", "damaged-page", "emptied"])
def test_a_damaged_store_keeps_its_log_beside_it(tmp_path: Path, how: str) -> None:
    data, log = _left_by_a_killed_session(tmp_path)
    _damage(data / STORE_NAME, how)

    opened = open_store(data, now=NOW)
    opened.store.close()

    assert opened.moved_aside == data / ASIDE
    assert (data / f"{ASIDE}-wal").read_bytes() == log
    assert _names(data) == [STORE_NAME, ASIDE, f"{ASIDE}-wal"]


def test_a_healthy_store_takes_in_its_log_and_leaves_one_file(tmp_path: Path) -> None:
    data, _ = _left_by_a_killed_session(tmp_path)

    opened = open_store(data, now=NOW)
    with opened.store as store:
        responses = [row[0] for row in store.db.execute("SELECT response FROM answers")]

    assert (opened.moved_aside, len(responses), responses[-1]) == (None, 301, LATEST)
    assert _names(data) == [STORE_NAME]


def test_a_log_that_cannot_be_linked_is_copied(
    damaged: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    data, log = damaged

    def no_links(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EPERM, "hard links are not allowed here")

    monkeypatch.setattr("newsquiz.store.kept_log.os.link", no_links)
    open_store(data, now=NOW).store.close()

    assert (data / f"{ASIDE}-wal").read_bytes() == log
    assert _names(data) == [STORE_NAME, ASIDE, f"{ASIDE}-wal"]


def test_a_log_too_large_to_copy_is_not_kept_and_nothing_is_left(
    damaged: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    data, log = damaged
    monkeypatch.setattr("newsquiz.store.kept_log.COPY_LIMIT", len(log) - 1)
    monkeypatch.setattr("newsquiz.store.kept_log.os.link", _refuse)

    open_store(data, now=NOW).store.close()

    assert _names(data) == [STORE_NAME, ASIDE]


def _refuse(*args: object, **kwargs: object) -> None:
    raise OSError(errno.EXDEV, "another file system")


@pytest.mark.parametrize("judge", ["sqlite", "damaged", "damaged-where-links-fail"])
def test_a_link_planted_in_place_of_the_log_is_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, judge: str
) -> None:
    data = tmp_path / "data"
    with open_store(data, now=NOW).store as store:
        store.record_answer(None, _answer("q", "typed"), None)
    _damage(data / STORE_NAME, "garbage")
    secret = tmp_path / "secret.txt"
    secret.write_text("not the learner's " * 500, encoding="utf-8")
    before = secret.read_bytes()
    os.symlink(secret, f"{data / STORE_NAME}-wal")
    if judge != "sqlite":  # as if the store were found damaged before SQLite saw the link
        monkeypatch.setattr(opening, "Store", _DamagedOnce(opening.Store))
    if judge == "damaged-where-links-fail":
        monkeypatch.setattr("newsquiz.store.kept_log.os.link", _refuse)

    with suppress(StoreUnavailable):  # SQLite itself refuses a log that is a link
        open_store(data, now=NOW).store.close()

    assert secret.read_bytes() == before
    copies = [
        name
        for name in _names(data)
        if not os.path.islink(data / name) and before[:40] in (data / name).read_bytes()
    ]
    assert copies == []
    assert not [name for name in _names(data) if name.startswith(".")]


class _DamagedOnce:
    def __init__(self, real: type[Store]) -> None:
        self.real = real
        self.calls = 0

    def __call__(self, path: Path) -> Store:
        self.calls += 1
        if self.calls == 1:
            raise sqlite3.DatabaseError("file is not a database")
        return self.real(path)


def test_a_store_another_newsquiz_has_open_is_left_to_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with open_store(data, now=NOW).store as first:
        first.record_answer(None, _answer("first", "typed first"), None)
        log = Path(f"{data / STORE_NAME}-wal")
        assert log.exists()
        with open_store(data, now=NOW).store as second:
            second.record_answer(None, _answer("second", LATEST), None)
        assert log.exists()
        first.record_answer(None, _answer("third", "typed third"), None)
        assert not [name for name in _names(data) if name.startswith(".")]
    with open_store(data, now=NOW).store as store:
        assert store.db.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 3
    assert _names(data) == [STORE_NAME]


def test_a_store_another_newsquiz_moved_aside_meanwhile_is_not_moved_again(
    damaged: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    data, log = damaged
    real_store = opening.Store
    raced: list[Path] = []

    def racing(path: Path) -> Store:
        if raced:
            return real_store(path)
        raced.append(path)
        try:
            return real_store(path)  # damaged: raises
        finally:
            # Meanwhile another newsquiz moves it aside and starts a new store.
            with open_store(data, now=NOW + dt.timedelta(seconds=1)).store as other:
                other.record_answer(None, _answer("other", "typed by the other"), None)

    monkeypatch.setattr(opening, "Store", racing)
    opened = open_store(data, now=NOW)
    with opened.store as store:
        kept = store.db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]

    second = (NOW + dt.timedelta(seconds=1)).astimezone().strftime("%Y%m%dT%H%M%S")
    later = f"{STORE_NAME}.corrupt-{second}"
    assert (opened.moved_aside, kept) == (None, 1)
    assert _names(data) == [STORE_NAME, later, f"{later}-wal"]
    assert (data / f"{later}-wal").read_bytes() == log
