"""Writing a whole file in one step, never over an existing file unless asked.

Both `newsquiz new` (a bank) and the interchange commands (an export, an
imported bank) write through here; each says in its own words what went wrong.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from newsquiz.file_modes import mode_for


def write_file(path: Path, data: bytes, *, force: bool) -> None:
    """Write ``data`` to ``path`` all at once: readers see the old file or the new one, never half.

    Without ``force`` an existing file is left untouched and ``FileExistsError``
    is raised, even if the file appears while this one is being written. Any
    other failure is the ``OSError`` that caused it.
    """
    if path.exists() and not force:
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))
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
