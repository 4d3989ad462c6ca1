"""Write an exported or imported file atomically, never over an existing one unasked."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from newsquiz.file_modes import mode_for
from newsquiz.interchange.notices import InterchangeError


def write_atomically(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` all at once: readers see the old file or the new one.

    Without ``force`` an existing file is left untouched and
    :class:`InterchangeError` (``error.exists``) is raised, even if the file
    appears while this one is being written.
    """
    if path.is_dir():
        raise InterchangeError("error.is_folder", path=str(path))
    if path.exists() and not path.is_file():
        # A device or a pipe is never replaced (or waited on): use -o - for standard output.
        raise InterchangeError("error.not_regular", path=str(path))
    if not path.parent.is_dir():
        raise InterchangeError("error.no_folder", path=str(path))
    if path.exists() and not force:
        raise InterchangeError("error.exists", path=str(path))
    try:
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as exc:
        raise InterchangeError(
            "error.unwritable", path=str(path), reason=str(exc.strerror)
        ) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode_for(path))
        _move(Path(temporary), path, force=force)
    except OSError as exc:
        raise InterchangeError(
            "error.unwritable", path=str(path), reason=str(exc.strerror)
        ) from None
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
        raise InterchangeError("error.exists", path=str(path)) from None
    except OSError:
        if path.exists():
            raise InterchangeError("error.exists", path=str(path)) from None
        os.replace(temporary, path)
