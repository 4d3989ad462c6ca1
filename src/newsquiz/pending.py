"""Writes to the progress store that could not be done yet, kept in order and tried again.

A full disk, or another program holding the store locked beyond the busy
timeout, must not end a quiz: the answer is kept in memory, the learner is told
once, and every later answer first tries again what is waiting.
"""

from __future__ import annotations

import enum
import sqlite3
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import TypeVar

from newsquiz.store.reasons import StoreReason, sqlite_reason

T = TypeVar("T")


class SavingChange(enum.Enum):
    STOPPED = "stopped"
    """Progress is no longer being saved (the first failure of an outage)."""
    RESUMED = "resumed"
    """What was waiting is saved: progress is being saved again."""


def _store_error(error: BaseException) -> bool:
    """Errors of the store file itself (full, locked, damaged), not of the program."""
    return isinstance(error, sqlite3.DatabaseError) and not isinstance(
        error, sqlite3.ProgrammingError
    )


class PendingWrites:
    def __init__(self, hurry: Callable[[], AbstractContextManager[None]] | None = None) -> None:
        self._waiting: deque[Callable[[], None]] = deque()
        self._hurry = hurry or nullcontext
        self.reason: str | None = None
        """Why progress is not being saved, while it is not: SQLite's own (English) words."""
        self.cause: StoreReason | None = None
        """The same reason as a message key, to say in the session's language."""
        self._changes: list[SavingChange] = []

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    def run(self, write: Callable[[], None]) -> None:
        """Do ``write`` after what is already waiting; keep it for later if it fails."""
        self._waiting.append(write)
        self.flush()

    def flush(self) -> None:
        """Try again everything waiting, in order; stop at the first failure."""
        # While failing, each try gives up fast: the learner is waiting for the next question.
        with self._hurry() if self.reason is not None else nullcontext():
            while self._waiting:
                try:
                    self._waiting[0]()
                except Exception as exc:
                    if not _store_error(exc):
                        raise
                    if self.reason is None:
                        self._changes.append(SavingChange.STOPPED)
                    self.reason, self.cause = str(exc), sqlite_reason(exc)
                    return
                self._waiting.popleft()
        if self.reason is not None:
            self.reason, self.cause = None, None
            self._changes.append(SavingChange.RESUMED)

    def changes(self) -> Iterator[SavingChange]:
        """What changed since last asked (to tell the learner), oldest first."""
        while self._changes:
            yield self._changes.pop(0)


def read_or(default: T, read: Callable[[], T]) -> T:
    """What ``read`` returns, or ``default`` when the store cannot be read right now."""
    try:
        return read()
    except Exception as exc:
        if not _store_error(exc):
            raise
        return default
