"""Write an exported or imported file atomically, never over an existing one unasked."""

from __future__ import annotations

import os
from pathlib import Path

from newsquiz.atomic_write import NotAFileTarget, OutputRefusal, output_refusal, write_file
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
    refusal = output_refusal(path, shown, force=force)
    if refusal is OutputRefusal.FOLDER:
        example = os.path.join(shown, file_name or "…")
        raise InterchangeError("error.output_is_folder", path=shown, example=example)
    if refusal is not None:
        raise InterchangeError(_REFUSED[refusal], path=shown)


# A device or a pipe is never replaced (or waited on): use -o - for standard output.
_REFUSED = {
    OutputRefusal.NOT_REGULAR: "error.not_regular",
    OutputRefusal.NO_FOLDER: "error.no_folder",
    OutputRefusal.EXISTS: "error.exists",
}


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
