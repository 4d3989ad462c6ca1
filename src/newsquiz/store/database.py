"""The connection to the progress store: opening it whole and up to date, and write transactions.

One file in the data folder. Each write is its own ``BEGIN IMMEDIATE``
transaction, committed as soon as an answer is graded: a killed process loses
at most the answer being typed, and two processes on one store wait for each
other instead of failing with "database is locked".
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TypeVar

from newsquiz.store.health import check_contents
from newsquiz.store.migrations import SCHEMA_VERSION, stored_version, upgrade
from newsquiz.store.reasons import StoreReason

BUSY_TIMEOUT_MS = 10_000
WRITE_ATTEMPTS = 5

_Opened = TypeVar("_Opened", bound="Database")


class StoreUnavailable(Exception):
    """The store cannot be used (an unwritable folder, say); the quiz runs without saving.

    ``key`` names the reason in the message catalogue (``store.reason.*``) and
    ``values`` fill it in, for the command to say in the session's language;
    ``cause``, when set, is what SQLite refused or what was found wrong in the
    store, said as its ``{reason}``. ``str()`` is the English.
    """

    def __init__(self, key: str, *, cause: StoreReason | None = None, **values: str) -> None:
        from newsquiz.locales import Locale

        self.key = key
        self.values = values
        self.cause = cause
        english = Locale("en")
        if cause is not None:
            values = {**values, "reason": english(cause.key, **cause.values)}
        super().__init__(english(key, **values))


class Database:
    """An open store file; close it with :meth:`close`, or use it in a ``with`` block."""

    def __init__(self, path: Path, *, read_only: sqlite3.Connection | None = None) -> None:
        """Open the store; with a ``read_only`` connection (see opening.py), change nothing."""
        self.path = path
        self.attempts = WRITE_ATTEMPTS
        # isolation_level=None: we say BEGIN IMMEDIATE ourselves.
        self.db = read_only or sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
        )
        try:
            self._set_busy_timeout(BUSY_TIMEOUT_MS)
            verdict = self.db.execute("PRAGMA quick_check").fetchone()[0]
            if verdict != "ok":
                raise sqlite3.DatabaseError(f"integrity check failed: {verdict}")
            # Before anything writes (the switch to WAL changes the file's header): a
            # store of a newer newsquiz is left exactly as it is.
            self._check_version(stored_version(self.db))
            if read_only is None:
                self._switch_to_wal()
                self.db.execute("PRAGMA synchronous = NORMAL")
                self.db.execute("PRAGMA foreign_keys = ON")
                self._migrate()
            check_contents(self.db)
        except BaseException:
            self.db.close()
            raise

    def close(self) -> None:
        self.db.close()

    def __enter__(self: _Opened) -> _Opened:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def integrity(self) -> str:
        return str(self.db.execute("PRAGMA integrity_check").fetchone()[0])

    def _set_busy_timeout(self, milliseconds: int) -> None:
        # PRAGMA takes no parameters; the value is a whole number of ours.
        self.db.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")

    def _check_version(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise StoreUnavailable("store.reason.newer", path=str(self.path), version=str(version))

    def _switch_to_wal(self) -> None:
        # Switching a new file to WAL needs a moment alone with it, and SQLite
        # does not wait for that on its own: two first runs at once would fail.
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                self.db.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    def _migrate(self) -> None:
        if stored_version(self.db) == SCHEMA_VERSION:
            # Up to date: no write needed, so a store another program holds locked
            # still opens (its writes then wait in memory, see pending.py).
            return
        with self.write() as db:
            version = stored_version(db)
            self._check_version(version)
            upgrade(db, version)

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken before reading so two writers never deadlock."""
        self._begin()
        try:
            yield self.db
            self.db.execute("COMMIT")
        except BaseException:
            # A COMMIT that fails (a full disk) may leave the transaction open: close
            # it, or every later write would fail too.
            if self.db.in_transaction:
                with suppress(sqlite3.Error):
                    self.db.execute("ROLLBACK")
            raise

    def _begin(self) -> None:
        attempts = self.attempts
        # A lock held longer than the busy timeout is given up on after that long (the
        # answer then waits in memory); the retries are for a busy store that answers
        # "locked" at once, without waiting.
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        for attempt in range(attempts):
            try:
                self.db.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                late = time.monotonic() >= deadline
                if "locked" not in str(exc) or attempt == attempts - 1 or late:
                    raise
                time.sleep(0.05 * (attempt + 1))

    @contextmanager
    def hurried(self, busy_ms: int = 200) -> Iterator[None]:
        """Writes that give up quickly: for retries, while the learner waits on them."""
        with suppress(sqlite3.Error):
            self._set_busy_timeout(busy_ms)
        self.attempts = 1
        try:
            yield
        finally:
            self.attempts = WRITE_ATTEMPTS
            with suppress(sqlite3.Error):
                self._set_busy_timeout(BUSY_TIMEOUT_MS)
