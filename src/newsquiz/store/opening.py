"""Opening the progress store: where it lives, a damaged one moved aside, a read-only one read.

`stats` and `review` only read; when the data folder is read-only they still
show the real progress instead of "no progress".
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from newsquiz.store.database import StoreUnavailable
from newsquiz.store.health import StoreDamaged
from newsquiz.store.kept_log import WAL, drop_log, keep_log, place_log
from newsquiz.store.reasons import StoreRefused, sqlite_reason
from newsquiz.store.writes import Store

STORE_NAME = "progress.sqlite3"
_COMPANIONS = ("", WAL, "-shm")


@dataclass(frozen=True)
class OpenedStore:
    """The progress store, and where a damaged one was moved aside."""

    store: Store
    moved_aside: Path | None
    """Where a corrupt store was moved, when it was."""


def default_data_dir(environ: Mapping[str, str]) -> Path:
    override = environ.get("NEWSQUIZ_DATA_DIR")
    if override:
        return Path(override)
    # Imported here: only needed when no folder is given, and every command starts faster.
    import platformdirs

    return Path(platformdirs.user_data_dir("newsquiz", appauthor=False))


def open_store(folder: Path, *, now: dt.datetime) -> OpenedStore:
    """Open (or create) the store in ``folder``; a corrupt file is moved aside, never deleted.

    Its write-ahead log, which may hold the latest answers, goes with it (see kept_log.py).
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreUnavailable(
            "store.reason.no_folder", folder=str(folder), reason=exc.strerror or str(exc)
        ) from None
    path = folder / STORE_NAME
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise StoreUnavailable("store.reason.not_writable", folder=str(folder))
    found = _identity(path)
    kept = keep_log(path)
    try:
        store = _open_if_whole(path, log_kept=kept is not None)
    except BaseException:
        drop_log(kept)
        raise
    if store is not None:
        drop_log(kept)
        return OpenedStore(store, None)
    aside = _move_aside(path, now, found)
    # None: another newsquiz moved it aside meanwhile; the log goes beside it all the same.
    place_log(kept, aside or _moved_by_another(path, found))
    try:
        return OpenedStore(Store(path), aside)
    except sqlite3.DatabaseError as exc:
        raise _unavailable("store.reason.cannot_open", path, exc) from None


def _open_if_whole(path: Path, *, log_kept: bool) -> Store | None:
    """The store at ``path``; None when it is damaged."""
    if log_kept and path.is_file() and path.stat().st_size == 0:
        # Emptied, while its log still holds pages: SQLite would delete that log.
        return None
    try:
        return Store(path)
    except sqlite3.DatabaseError as exc:
        if not _looks_corrupt(exc):
            raise _unavailable("store.reason.cannot_open", path, exc) from None
    return None


def _unavailable(key: str, path: Path, error: sqlite3.DatabaseError) -> StoreUnavailable:
    """The store at ``path`` cannot be opened or read: SQLite's reason, or the damage found."""
    return StoreUnavailable(key, cause=sqlite_reason(error), path=str(path))


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


def _looks_corrupt(error: sqlite3.DatabaseError) -> bool:
    if isinstance(error, StoreDamaged):
        return True
    text = str(error).lower()
    return any(
        word in text for word in ("not a database", "malformed", "corrupt", "integrity check")
    )


def _moved_by_another(path: Path, found: tuple[int, int] | None) -> Path | None:
    """Where another newsquiz moved the damaged store ``found`` aside, if it did."""
    if found is None:
        return None
    for candidate in sorted(path.parent.glob(f"{path.name}.corrupt-*")):
        if _identity(candidate) == found:
            return candidate
    return None


def _move_aside(path: Path, now: dt.datetime, found: tuple[int, int] | None) -> Path | None:
    """Rename a damaged store (and its companion files) to a new name; return that name.

    None when the file at ``path`` is no longer the one ``found`` damaged: another
    newsquiz has moved it aside and started a new store, which stays.
    """
    if found is not None and _identity(path) != found:
        return None
    stamp = now.astimezone().strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    copies = 1
    while any(os.path.lexists(f"{aside}{suffix}") for suffix in _COMPANIONS):
        copies += 1  # never replace an earlier copy
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{copies}")
    for suffix in _COMPANIONS:
        # Gone meanwhile: SQLite removes a log and its index when a store is closed.
        with suppress(FileNotFoundError):
            Path(f"{path}{suffix}").rename(Path(f"{aside}{suffix}"))
    return aside


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that never writes, not even SQLite's shared-memory file.

    A store in WAL mode needs its ``-shm`` file; in a read-only folder that file
    cannot be created, so the store is then opened as immutable (nobody can write
    to that folder meanwhile either).
    """
    if not path.is_file():
        raise StoreRefused("store.sqlite.not_there", path=str(path))
    for options in ("mode=ro", "mode=ro&immutable=1"):
        db = sqlite3.connect(
            f"{path.absolute().as_uri()}?{options}",
            uri=True,
            isolation_level=None,
            check_same_thread=False,
        )
        try:
            db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            db.close()
            continue
        return db
    raise StoreRefused("store.sqlite.unreadable", path=str(path))


def open_for_reading(folder: Path, *, now: dt.datetime) -> OpenedStore:
    """The store as `stats` and `review` read it: read-only when the folder cannot be written.

    Where the folder is writable this is :func:`open_store` (a damaged store is
    moved aside). Raises StoreUnavailable when there is nothing to read.
    """
    path = folder / STORE_NAME
    writable = os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))
    if writable or not path.is_file():
        return open_store(folder, now=now)
    try:
        return OpenedStore(Store(path, read_only=connect_read_only(path)), None)
    except sqlite3.DatabaseError as exc:
        raise _unavailable("store.reason.cannot_read", path, exc) from None
