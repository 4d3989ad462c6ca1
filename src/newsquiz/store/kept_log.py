"""A store's write-ahead log, kept while the store is first opened, for a damaged store.

The log (``progress.sqlite3-wal``) may hold the learner's latest answers. When
the last connection to a store closes, SQLite folds the log into the store and
deletes it, even when the store has just proved damaged; the damaged store is
then moved aside without it. So before the first open the log gets a second
name (a hard link: nothing is copied), and afterwards that name either goes
beside the moved-aside store as its ``-wal`` or, for a healthy store, is removed.

A link planted in place of the log is never followed, and the second name is
one of this process's own: other newsquiz processes on the same store are not
disturbed.
"""

from __future__ import annotations

import os
import secrets
import stat
from contextlib import suppress
from pathlib import Path

WAL = "-wal"
WAL_HEADER = 32
"""Bytes of a log's header: a log no longer than this holds no page."""
COPY_LIMIT = 16 * 1024 * 1024
"""Where hard links are not available, a log up to this size is copied instead."""
_CHUNK = 1024 * 1024
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def keep_log(store: Path) -> Path | None:
    """Give the store's log a second name of this process's own; None when there is none."""
    log = Path(f"{store}{WAL}")
    try:
        found = os.lstat(log)
    except OSError:
        return None
    if not stat.S_ISREG(found.st_mode) or found.st_size <= WAL_HEADER:
        return None  # no log, an empty one, or a link planted in its place
    kept = store.with_name(f".{store.name}{WAL}.{os.getpid()}-{secrets.token_hex(4)}.kept")
    try:
        os.link(log, kept, follow_symlinks=False)
    except (OSError, NotImplementedError):
        return _copy(log, kept, found) if found.st_size <= COPY_LIMIT else None
    if not _is_regular(kept):  # the log was swapped for a link meanwhile
        drop_log(kept)
        return None
    return kept


def drop_log(kept: Path | None) -> None:
    """Remove the second name: the store was healthy and has the log's pages."""
    if kept is not None:
        with suppress(FileNotFoundError):
            kept.unlink()


def place_log(kept: Path | None, aside: Path | None) -> Path | None:
    """Put the kept log beside the store moved aside to ``aside``; return where it went.

    With no ``aside`` (the store was not moved), the kept log is removed.
    """
    if kept is None or aside is None:
        drop_log(kept)
        return None
    target = Path(f"{aside}{WAL}")
    copies = 1
    while os.path.lexists(target):
        if _same_file(target, kept):
            drop_log(kept)  # the log itself was moved aside with the store
            return target
        copies += 1
        target = Path(f"{aside}{WAL}-{copies}")
    try:
        kept.rename(target)
    except OSError:
        return kept  # left under its second name rather than lost
    return target


def _same_file(one: Path, other: Path) -> bool:
    """Whether two names are one file; a link is not the file it points to."""
    first, second = os.lstat(one), os.lstat(other)
    return (first.st_dev, first.st_ino) == (second.st_dev, second.st_ino)


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _copy(log: Path, kept: Path, found: os.stat_result) -> Path | None:
    """Copy a small log where it cannot be linked; None (nothing kept) when that fails."""
    try:
        source = os.open(log, os.O_RDONLY | _NONBLOCK | _NOFOLLOW | _BINARY)
    except OSError:
        return None
    try:
        return _copy_into(source, kept, found)
    finally:
        os.close(source)


def _copy_into(source: int, kept: Path, found: os.stat_result) -> Path | None:
    try:
        opened = os.fstat(source)
        if (opened.st_dev, opened.st_ino) != (found.st_dev, found.st_ino):
            return None  # not the file found: the log was swapped for a link meanwhile
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY
        target = os.open(kept, flags, 0o600)
    except OSError:
        return None
    try:
        copied = _copy_bytes(source, target)
    except OSError:
        copied = False
    finally:
        os.close(target)
    if not copied:
        drop_log(kept)
        return None
    return kept


def _copy_bytes(source: int, target: int) -> bool:
    """Copy up to COPY_LIMIT bytes; False when the log has grown past it."""
    total = 0
    while chunk := os.read(source, _CHUNK):
        total += len(chunk)
        if total > COPY_LIMIT:
            return False
        view = memoryview(chunk)
        while view:
            view = view[os.write(target, view) :]
    return True
