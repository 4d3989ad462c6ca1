"""Writing a new bank file: atomically, and never over an existing file unless asked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from newsquiz.file_modes import mode_for


class FileExists(Exception):
    """The bank file is there already and --force was not given."""


def write_new(path: Path, text: str, *, force: bool) -> None:
    """Write ``text`` to ``path`` in one step: readers see the old file or the new one, never half."""
    if path.exists() and not force:
        raise FileExists(str(path))
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode_for(path))
        if force:
            os.replace(temporary, path)
            return
        try:
            # link() fails if the file appeared meanwhile: nothing is ever replaced.
            os.link(temporary, path)
        except FileExistsError:
            raise FileExists(str(path)) from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
