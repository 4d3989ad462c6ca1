"""Write an exported or imported file atomically, never over an existing one unasked."""

from __future__ import annotations

from pathlib import Path

from newsquiz.atomic_write import write_file
from newsquiz.interchange.file_errors import said_as
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
    with said_as(path, "error.unwritable", {FileExistsError: "error.exists"}):
        write_file(path, data, force=force)
