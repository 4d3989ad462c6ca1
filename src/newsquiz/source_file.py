"""Checking a bank's ``source.file``: a relative path to a file beside the bank.

The name is checked as written, before anything on disk is looked at: an
absolute path, or one whose ``..`` climbs out of the bank's folder, is refused,
so that a bank cannot make ``check`` tell whether ``/etc/shadow`` exists. Only
a name that stays inside the bank's folder is then looked for there, and a name
too long for the file system is refused rather than passed to it.
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
    """Why ``written`` cannot be a path beside the bank, or None when it can."""
    if written.startswith(("/", "\\")) or _DRIVE.match(written):
        return "must be a path relative to the bank's folder, not an absolute path"
    if written.startswith("~"):
        return "must be a path relative to the bank's folder (`~` is not expanded)"
    depth = 0
    for part in re.split(r"[/\\]", written):
        if part == "..":
            depth -= 1
            if depth < 0:
                return "must stay inside the bank's folder: `..` leads out of it"
        elif part not in ("", "."):
            depth += 1
            if len(part.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
                return f"has a file name longer than {MAX_NAME_BYTES} bytes"
    if len(written.encode("utf-8", "surrogatepass")) > MAX_PATH_BYTES:
        return f"is longer than {MAX_PATH_BYTES} bytes"
    return None


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
