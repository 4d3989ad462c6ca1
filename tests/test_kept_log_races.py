"""The log kept for a damaged store, when the file system or another program gets in the way.

Whatever happens between looking at the log and keeping it, the outcome is one
of two: a second name holding exactly the log's bytes, or nothing at all. No
half-copied file, no stray name, and a log moved aside never replaces another.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsquiz.store import kept_log
from newsquiz.store.kept_log import keep_log, place_log

LOG = b"WAL header and pages " * 20


def _store(tmp_path: Path, log: bytes = LOG) -> Path:
    store = tmp_path / "progress.sqlite3"
    store.write_bytes(b"store")
    Path(f"{store}-wal").write_bytes(log)
    return store


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _no_links(monkeypatch: pytest.MonkeyPatch, before: object = None) -> None:
    """A file system without hard links; ``before`` runs first (another program's move)."""

    def link(*args: object, **kwargs: object) -> None:
        if callable(before):
            before()
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(kept_log.os, "link", link)


def test_without_hard_links_the_log_is_copied_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(tmp_path)
    _no_links(monkeypatch)
    kept = keep_log(store)
    assert kept is not None
    assert kept.read_bytes() == LOG
    assert not os.path.samefile(kept, f"{store}-wal")


def test_a_log_that_grows_past_the_limit_while_copied_is_not_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(tmp_path)
    monkeypatch.setattr(kept_log, "COPY_LIMIT", len(LOG) + 10)
    with open(f"{store}-wal", "ab") as log:
        _no_links(monkeypatch, before=lambda: log.write(LOG) and log.flush())
        assert keep_log(store) is None
    assert _names(tmp_path) == ["progress.sqlite3", "progress.sqlite3-wal"]


def test_a_log_swapped_for_another_file_meanwhile_is_not_copied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(tmp_path)
    log = Path(f"{store}-wal")

    def swap() -> None:
        other = tmp_path / "other"
        other.write_bytes(b"someone else's file " * 10)
        other.replace(log)  # a new file: the old one still existed when it was made

    _no_links(monkeypatch, before=swap)
    assert keep_log(store) is None
    assert _names(tmp_path) == ["progress.sqlite3", "progress.sqlite3-wal"]


def test_a_log_replaced_by_a_link_meanwhile_is_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(tmp_path)
    secret = tmp_path / "secret"
    secret.write_bytes(b"not the learner's " * 10)
    log = Path(f"{store}-wal")

    def swap() -> None:
        log.unlink()
        log.symlink_to(secret)

    _no_links(monkeypatch, before=swap)
    assert keep_log(store) is None
    assert _names(tmp_path) == ["progress.sqlite3", "progress.sqlite3-wal", "secret"]


def test_a_link_given_where_the_log_was_linked_is_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(tmp_path)

    def link_swapped(source: Path, target: Path, **kwargs: object) -> None:
        os.symlink(source, target)  # as if the log had been swapped for a link meanwhile

    monkeypatch.setattr(kept_log.os, "link", link_swapped)
    assert keep_log(store) is None
    assert _names(tmp_path) == ["progress.sqlite3", "progress.sqlite3-wal"]


def test_a_copy_that_fails_to_write_leaves_nothing_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(tmp_path)
    _no_links(monkeypatch)

    def full(descriptor: int, data: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kept_log.os, "write", full)
    assert keep_log(store) is None
    assert _names(tmp_path) == ["progress.sqlite3", "progress.sqlite3-wal"]


def test_a_log_that_cannot_be_opened_or_a_name_already_taken_keeps_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(tmp_path)
    _no_links(monkeypatch)
    monkeypatch.setattr(kept_log.secrets, "token_hex", lambda n: "taken")
    taken = tmp_path / f".progress.sqlite3-wal.{os.getpid()}-taken.kept"
    taken.write_bytes(b"another's")
    assert keep_log(store) is None
    assert taken.read_bytes() == b"another's"
    taken.unlink()
    real_open = os.open

    def refused(path: str, flags: int, *args: int) -> int:
        if str(path).endswith("-wal"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(kept_log.os, "open", refused)
    assert keep_log(store) is None
    assert _names(tmp_path) == ["progress.sqlite3", "progress.sqlite3-wal"]


def test_a_second_kept_log_beside_the_same_aside_store_never_replaces_the_first(
    tmp_path: Path,
) -> None:
    aside = tmp_path / "progress.sqlite3.corrupt-20250623T210405"
    aside.write_bytes(b"damaged")
    Path(f"{aside}-wal").write_bytes(b"first log")
    store = _store(tmp_path)
    kept = keep_log(store)
    Path(f"{store}-wal").unlink()
    assert place_log(kept, aside) == Path(f"{aside}-wal-2")
    assert Path(f"{aside}-wal").read_bytes() == b"first log"
    assert Path(f"{aside}-wal-2").read_bytes() == LOG


def test_a_kept_log_that_cannot_be_moved_stays_under_its_second_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(tmp_path)
    kept = keep_log(store)
    assert kept is not None

    def refused(self: Path, target: object) -> Path:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(Path, "rename", refused)
    assert place_log(kept, tmp_path / "progress.sqlite3.corrupt-x") == kept
    assert kept.read_bytes() == LOG
