"""Opening the progress store without changing it: for a data folder the learner cannot write.

`stats` and `review` only read; when the data folder is read-only they still
show the real progress instead of "no progress".
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from newsquiz.store import STORE_NAME, OpenedStore, Store, StoreUnavailable, open_store


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
