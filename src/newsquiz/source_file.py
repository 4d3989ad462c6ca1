"""Checking a bank's ``source.file``: a relative path to a file beside the bank.

The name is checked as written, before anything on disk is looked at, so that
a bank cannot make ``check`` tell whether ``/etc/shadow`` exists: an absolute
path, and a name too long for any file system, are errors. A relative path
whose ``..`` climbs out of the bank's folder (``../articles/a.txt``, the layout
``newsquiz new`` writes for articles kept beside the quizzes folder) is only
warned about and never looked for. A name that stays inside the folder is
looked for there, links included only when they stay inside too.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

# Limits of common file systems (bytes of UTF-8): longer names cannot exist.
MAX_NAME_BYTES = 255
MAX_PATH_BYTES = 1024

_DRIVE = re.compile(r"^[A-Za-z]:")


def path_problem(written: str) -> str | None:
    """Why ``written`` cannot name a file beside the bank at all, or None."""
    if written.startswith(("/", "\\")) or _DRIVE.match(written):
        return "must be a path relative to the bank's folder, not an absolute path"
    if written.startswith("~"):
        return "must be a path relative to the bank's folder (`~` is not expanded)"
    for part in _parts(written):
        if len(part.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
            return f"has a file name longer than {MAX_NAME_BYTES} bytes"
    if len(written.encode("utf-8", "surrogatepass")) > MAX_PATH_BYTES:
        return f"is longer than {MAX_PATH_BYTES} bytes"
    return None


def leaves_folder(written: str) -> bool:
    """Whether a `..` of the relative path climbs out of the bank's folder."""
    depth = 0
    for part in _parts(written):
        if part == "..":
            depth -= 1
            if depth < 0:
                return True
        elif part not in ("", "."):
            depth += 1
    return False


def _parts(written: str) -> list[str]:
    # Both separators: a bank written on Windows says `articles\\a.txt`.
    return re.split(r"[/\\]", written)


def found_beside(written: str, base: Path) -> bool:
    """Whether the (already checked) name is a file inside ``base``, links included
    only when they stay inside it."""
    real_base = os.path.realpath(base)
    try:
        target = os.path.realpath(base / written)
        if os.path.commonpath([real_base, target]) != real_base:
            return False
        return os.path.isfile(target)
    except (OSError, ValueError):
        return False
