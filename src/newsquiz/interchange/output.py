"""Write an exported or imported file atomically, never over an existing one unasked."""

from __future__ import annotations

import os
from pathlib import Path

from newsquiz.atomic_write import NotAFileTarget, existing_file, write_file
from newsquiz.interchange.file_errors import said_as
from newsquiz.interchange.notices import InterchangeError


def check_output(path: Path, *, force: bool, shown: str = "", file_name: str = "") -> None:
    """Raise :class:`InterchangeError` if ``path`` cannot take the output, the real problem first.

    A folder (``error.output_is_folder``, with an example file in it named
    ``file_name``), a device or a pipe (``error.not_regular``) is refused even
    with ``force``; only then is a missing folder or an existing file said.
    ``shown`` is the name as the user typed it (``path`` if empty).
    """
    shown = shown or str(path)
    example = os.path.join(shown, file_name or "…")
    if shown.endswith(("/", os.sep)):
        raise InterchangeError("error.output_is_folder", path=shown, example=example)
    try:
        there = existing_file(path)
    except IsADirectoryError:
        raise InterchangeError("error.output_is_folder", path=shown, example=example) from None
    except NotAFileTarget:
        # A device or a pipe is never replaced (or waited on): use -o - for standard output.
        raise InterchangeError("error.not_regular", path=shown) from None
    except OSError as exc:
        raise InterchangeError("error.unwritable", path=shown, reason=str(exc.strerror)) from None
    if not path.parent.is_dir():
        raise InterchangeError("error.no_folder", path=shown)
    if there and not force:
        raise InterchangeError("error.exists", path=shown)


def write_atomically(
    path: Path, data: bytes, *, force: bool = False, shown: str = "", file_name: str = ""
) -> None:
    """Write ``data`` to ``path`` all at once: readers see the old file or the new one.

    Without ``force`` an existing file is left untouched and
    :class:`InterchangeError` (``error.exists``) is raised, even if the file
    appears while this one is being written. What :func:`check_output`
    refuses is refused here too, even if it appears meanwhile.
    """
    check_output(path, force=force, shown=shown, file_name=file_name)
    known = {
        FileExistsError: "error.exists",
        IsADirectoryError: "error.is_folder",
        NotAFileTarget: "error.not_regular",
    }
    with said_as(path, "error.unwritable", known):
        write_file(path, data, force=force)
