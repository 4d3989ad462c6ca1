"""Writing a whole file in one step, never over an existing file unless asked.

Both `newsquiz new` (a bank) and the interchange commands (an export, an
imported bank) write through here; each says in its own words what went wrong.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from enum import Enum
from pathlib import Path

from newsquiz.file_modes import mode_for


class NotAFileTarget(OSError):
    """The name is taken by something no file may replace: a device, a pipe, a socket,
    or a link leading nowhere."""


def existing_file(path: Path) -> bool:
    """Whether a regular file is at ``path`` (links followed); ``False`` if nothing is.

    Anything else there is never replaced, even with ``--force``: a folder raises
    ``IsADirectoryError`` (also through a link), a device, a pipe, a socket or a
    link to nothing raises :class:`NotAFileTarget`.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.lexists(path):
            raise NotAFileTarget(errno.ENOENT, "a link to nothing", str(path)) from None
        return False
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if not stat.S_ISREG(info.st_mode):
        raise NotAFileTarget(errno.EEXIST, "not a regular file", str(path))
    return True


class OutputRefusal(Enum):
    """Why a name cannot take a new file; each command says it in its own words."""

    FOLDER = "folder"  # a folder, or a name ending in a slash
    NOT_REGULAR = "not_regular"  # a device, a pipe, a socket, a link to nothing
    NO_FOLDER = "no_folder"  # the folder it would go in does not exist
    EXISTS = "exists"  # a file is there and replacing it was not asked


def output_refusal(path: Path, shown: str, *, force: bool) -> OutputRefusal | None:
    """What stops ``path`` (typed as ``shown``) taking a new file, the real problem first:
    a folder, a device or a pipe even with ``force``; then a missing folder; then an
    existing file without ``force``. None when nothing does."""
    if shown.endswith(("/", os.sep)):
        return OutputRefusal.FOLDER
    try:
        there = existing_file(path)
    except IsADirectoryError:
        return OutputRefusal.FOLDER
    except NotAFileTarget:
        return OutputRefusal.NOT_REGULAR
    except OSError:  # a file where a folder should be, a folder we cannot look in
        there = False  # said as a missing folder, or when writing with the system's reason
    if not path.parent.is_dir():
        return OutputRefusal.NO_FOLDER
    if there and not force:
        return OutputRefusal.EXISTS
    return None


def write_file(path: Path, data: bytes, *, force: bool) -> None:
    """Write ``data`` to ``path`` all at once: readers see the old file or the new one, never half.

    Without ``force`` an existing file is left untouched and ``FileExistsError``
    is raised, even if the file appears while this one is being written. With
    it, only a regular file is replaced (see :func:`existing_file`); through a
    link, the file it leads to is, and the link stays. Any other failure is the
    ``OSError`` that caused it.
    """
    if existing_file(path) and not force:
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))
    path = Path(os.path.realpath(path))
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode_for(path))
        _move(Path(temporary), path, force=force)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _move(temporary: Path, path: Path, *, force: bool) -> None:
    if force:
        existing_file(path)  # checked again: it may have become a folder or a pipe meanwhile
        os.replace(temporary, path)
        return
    try:
        # A hard link fails if the name exists: no window for a file created meanwhile.
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:
        # No hard links on this file system (some shared folders).
        if path.exists():
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from None
        os.replace(temporary, path)
