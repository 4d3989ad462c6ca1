"""Writing a new bank file: atomically, and never over an existing file unless asked."""

from __future__ import annotations

from pathlib import Path

from newsquiz.atomic_write import NotAFileTarget, write_file


class FileExists(Exception):
    """The bank file is there already and --force was not given."""


class NotAFile(Exception):
    """A folder, a device or a pipe has the bank file's name: it is never replaced."""


def write_new(path: Path, text: str, *, force: bool) -> None:
    """Write ``text`` to ``path`` in one step: readers see the old file or the new one, never half."""
    try:
        write_file(path, text.encode("utf-8"), force=force)
    except FileExistsError:
        raise FileExists(str(path)) from None
    except (IsADirectoryError, NotAFileTarget):
        raise NotAFile(str(path)) from None
