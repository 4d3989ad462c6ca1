"""Finding and opening bank files without being fooled by what is on disk.

Only regular files are opened: a named pipe called ``bank.yaml`` would make a
plain ``open`` wait forever for a writer, and a device could be read without
end. Each file is checked with ``stat`` before it is opened, opened with
``O_NONBLOCK`` (a pipe swapped in between the two is then seen, not waited
for) and checked again on the open descriptor.

Looking through a bank folder never leaves it: links to folders are not
followed, links to files are followed only when the file is inside the folder
too, and folders or files that cannot be read are skipped and reported as
:class:`Skipped`, never raised. A link named on the command line is the user's
own choice and is followed.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

BANK_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Skipped:
    """A file or folder that looking for banks left aside, and why."""

    path: Path
    reason: SkipReason


class SkipReason(str, Enum):
    """Why: the end of the message key the interface says it with (``files.skipped_<reason>``)."""

    UNREADABLE = "unreadable"
    OUTSIDE = "outside"
    NOT_REGULAR = "not_regular"


class NotRegularFile(OSError):
    """The path names a named pipe, a device or a socket, not a file of text."""

    def __init__(self, path: str | Path, what: str) -> None:
        super().__init__(f"{path} is {what}")
        self.what = what


# Each kind of file that is not a bank, by the test of its mode, in words.
_NOT_REGULAR: tuple[tuple[Callable[[int], bool], str], ...] = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def describe_mode(mode: int) -> str:
    """What kind of file a mode is, in words, for messages."""
    return next((words for test, words in _NOT_REGULAR if test(mode)), "not a regular file")


def read_regular(path: str | Path, max_bytes: int) -> bytes:
    """Up to ``max_bytes + 1`` bytes of a regular file (links followed).

    Raises :class:`IsADirectoryError`, :class:`NotRegularFile` or the
    :class:`OSError` of the failing call; never blocks on a pipe or a device.
    """
    mode = os.stat(path).st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(path)
    if not stat.S_ISREG(mode):
        raise NotRegularFile(path, describe_mode(mode))
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    descriptor = os.open(path, flags)
    try:
        opened = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(opened):
            raise NotRegularFile(path, describe_mode(opened))
        chunks: list[bytes] = []
        wanted = max_bytes + 1
        while wanted > 0:
            chunk = os.read(descriptor, min(wanted, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            wanted -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def path_kind(path: Path) -> str:
    """ "file", "folder", "missing" or "other" (a pipe, a device, or a path that
    cannot be examined); never raises, whatever the path holds."""
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        return "missing" if not _lexists(path) else "other"
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "folder"
    return "other"


def _lexists(path: Path) -> bool:
    try:
        os.lstat(path)
    except (OSError, ValueError):
        return False
    return True


def file_identity(path: Path) -> tuple[int, int] | str:
    """The same value for two names of one file (a link, a second spelling)."""
    try:
        found = path.stat()
    except (OSError, ValueError):
        return os.path.realpath(path)
    return (found.st_dev, found.st_ino)


def iter_bank_files(root: Path, skipped: list[Skipped] | None = None) -> Iterator[Path]:
    """The bank files in a folder and its subfolders, in a stable order.

    What cannot be read, links leading out of ``root`` and files that are not
    regular files are left out and, when ``skipped`` is given, added to it.
    """
    notes: list[Skipped] = []
    found = sorted(_walk(root, notes))
    if skipped is not None:
        skipped.extend(sorted(notes, key=lambda note: note.path))
    yield from found


def _walk(root: Path, notes: list[Skipped]) -> Iterator[Path]:
    real_root = os.path.realpath(root)
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError:
            notes.append(Skipped(folder, SkipReason.UNREADABLE))
            continue
        for entry in listed:
            path = folder / entry.name
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
            except OSError:
                notes.append(Skipped(path, SkipReason.UNREADABLE))
                continue
            if is_folder:
                pending.append(path)
            elif path.suffix in BANK_SUFFIXES:
                reason = _bank_file_problem(entry, real_root)
                if reason is None:
                    yield path
                elif isinstance(reason, SkipReason):
                    notes.append(Skipped(path, reason))


# A link to a folder inside the bank folder, named like a bank: not followed, not a note.
_FOLDER = "folder"


def _bank_file_problem(entry: os.DirEntry[str], real_root: str) -> SkipReason | str | None:
    try:
        if entry.is_symlink():
            target = os.path.realpath(entry.path)
            if os.path.commonpath([real_root, target]) != real_root:
                return SkipReason.OUTSIDE
        mode = entry.stat().st_mode
    except (OSError, ValueError):
        return SkipReason.UNREADABLE
    if stat.S_ISDIR(mode):
        return _FOLDER
    if not stat.S_ISREG(mode):
        return SkipReason.NOT_REGULAR
    if not os.access(entry.path, os.R_OK):
        return SkipReason.UNREADABLE
    return None


class NothingThere(LookupError):
    """A name on the command line leads to no bank file: ``problem`` says why
    ("missing", or "empty" for a folder without banks)."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(name)
        self.name = name
        self.problem = problem


def files_named(names: list[str], cwd: Path, skipped: list[Skipped] | None = None) -> list[Path]:
    """The bank files that names given by the user stand for, each file once.

    A folder stands for the bank files in it; anything else that exists (a
    file, a link, a pipe) for itself, so that reading it can say what it is.
    The same file named twice, or through a folder and by its own name, or by
    two links, is counted once, where it first appears.
    """
    files: list[Path] = []
    seen: set[tuple[int, int] | str] = set()
    for name in names:
        path = Path(name)
        if not path.is_absolute():
            path = cwd / path
        kind = path_kind(path)
        if kind == "folder":
            inside = list(iter_bank_files(path, skipped))
            if not inside:
                raise NothingThere(name, "empty")
        elif kind == "missing":
            raise NothingThere(name, "missing")
        else:
            inside = [path]
        for found in inside:
            identity = file_identity(found)
            if identity not in seen:
                seen.add(identity)
                files.append(found)
    return files
