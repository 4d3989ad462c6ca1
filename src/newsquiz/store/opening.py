"""Opening the progress store: where it lives, a damaged one moved aside, a read-only one read.

`stats` and `review` only read; when the data folder is read-only they still
show the real progress instead of "no progress".
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from newsquiz.store.database import StoreUnavailable
from newsquiz.store.health import StoreDamaged
from newsquiz.store.writes import Store

STORE_NAME = "progress.sqlite3"


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
    """Open (or create) the store in ``folder``; a corrupt file is moved aside, never deleted."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreUnavailable(f"cannot create the data folder {folder}: {exc.strerror}") from None
    path = folder / STORE_NAME
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise StoreUnavailable(f"the data folder {folder} is not writable")
    try:
        return OpenedStore(Store(path), None)
    except sqlite3.DatabaseError as exc:
        if not _looks_corrupt(exc):
            raise StoreUnavailable(f"cannot open {path}: {exc}") from None
    aside = _move_aside(path, now)
    try:
        return OpenedStore(Store(path), aside)
    except sqlite3.DatabaseError as exc:
        raise StoreUnavailable(f"cannot open {path}: {exc}") from None


def _looks_corrupt(error: sqlite3.DatabaseError) -> bool:
    if isinstance(error, StoreDamaged):
        return True
    text = str(error).lower()
    return any(
        word in text for word in ("not a database", "malformed", "corrupt", "integrity check")
    )


def _move_aside(path: Path, now: dt.datetime) -> Path:
    """Rename a damaged store (and its companion files) to a new name; return that name."""
    stamp = now.astimezone().strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    copies = 1
    while aside.exists():  # never replace an earlier copy
        copies += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{copies}")
    for suffix in ("", "-wal", "-shm"):
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            companion.rename(Path(f"{aside}{suffix}"))
    return aside


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that never writes, not even SQLite's shared-memory file.

    A store in WAL mode needs its ``-shm`` file; in a read-only folder that file
    cannot be created, so the store is then opened as immutable (nobody can write
    to that folder meanwhile either).
    """
    if not path.is_file():
        raise sqlite3.OperationalError(f"unable to open database file {path}")
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
    raise sqlite3.OperationalError(f"unable to open database file {path} for reading")


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
        raise StoreUnavailable(f"cannot read {path}: {exc}") from None
