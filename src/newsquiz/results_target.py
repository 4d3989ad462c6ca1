"""Where `--results` goes: checked before the first question, written without harm.

- ``-`` (or ``/dev/stdout``) is standard output.
- A regular file, new or old, reached directly or through symbolic links, is
  replaced atomically: the new text is written beside the real target, then
  renamed over it. A reader never sees half a file, and a link stays a link.
- A FIFO or a character device (a terminal, ``/dev/null``) is written plainly,
  never replaced; so is anything reached through ``/dev/`` or ``/proc/``
  (``/dev/stderr`` may lead to a file the shell opened: it is appended to).
- Anything else (a folder, a block device, a socket) is refused.
"""

from __future__ import annotations

import contextlib
import enum
import errno
import fcntl
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from newsquiz.outside_text import visible

_STANDARD_OUTPUT = frozenset({"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})
_SPECIAL_FOLDERS = ("/dev/", "/proc/")


class TargetKind(enum.Enum):
    STDOUT = "stdout"
    FILE = "file"
    STREAM = "stream"
    """A FIFO, a character device, or a path under /dev or /proc: written plainly."""


class TargetError(Exception):
    """The results cannot go there: ``key`` names the reason in the message catalogue."""

    def __init__(self, key: str, **values: str) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class ResultsTarget:
    shown: str
    """As the user typed it, control characters written out."""
    kind: TargetKind
    path: Path | None
    """The file written: for FILE the real target, every link followed."""


def results_target(text: str, cwd: Path) -> ResultsTarget:
    """Check that results can be written to ``text`` (raises TargetError saying why not)."""
    if text in _STANDARD_OUTPUT:
        return ResultsTarget(visible(text), TargetKind.STDOUT, None)
    if not text.strip():
        raise TargetError("target.empty")
    if text.endswith(("/", os.sep)):
        raise TargetError("target.folder_name")
    path = Path(text) if os.path.isabs(text) else cwd / text
    try:
        info: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise TargetError("target.system", reason=exc.strerror or str(exc)) from None
    if info is not None and (stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)):
        return _stream(text, path)
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISDIR(info.st_mode):
            raise TargetError("target.is_folder")
        raise TargetError("target.not_file")
    if str(path).startswith(_SPECIAL_FOLDERS):
        if info is None:
            raise TargetError("target.no_file", path=str(path))
        return _stream(text, path)
    real = Path(os.path.realpath(path))
    if not real.parent.is_dir():
        raise TargetError("target.no_folder", path=str(real.parent))
    if info is not None and not os.access(real, os.W_OK):
        raise TargetError("target.read_only")
    _probe_folder(real.parent)
    return ResultsTarget(visible(text), TargetKind.FILE, real)


def _stream(text: str, path: Path) -> ResultsTarget:
    if not os.access(path, os.W_OK):
        raise TargetError("target.permission")
    return ResultsTarget(visible(text), TargetKind.STREAM, path)


def _probe_folder(folder: Path) -> None:
    """Create and remove a file in ``folder``: the one sure test that a file can go there."""
    try:
        handle, name = tempfile.mkstemp(prefix=".newsquiz-probe-", dir=folder)
    except OSError as exc:
        if isinstance(exc, PermissionError):
            raise TargetError("target.folder_locked", path=str(folder)) from None
        reason = exc.strerror or str(exc)
        raise TargetError("target.folder_fails", path=str(folder), reason=reason) from None
    os.close(handle)
    os.unlink(name)


def write_results_text(target: ResultsTarget, text: str, stdout: TextIO) -> None:
    """Write ``text`` to the target checked before (raises OSError when it fails now)."""
    if target.kind is TargetKind.STDOUT:
        # UTF-8 whatever the locale: a JSON reader expects it, and an ASCII terminal
        # encoding would turn every accent into "?".
        stdout.flush()
        buffer = getattr(stdout, "buffer", None)
        if buffer is None:
            stdout.write(text)
        else:
            buffer.write(text.encode("utf-8"))
        stdout.flush()
        if buffer is not None:
            buffer.flush()
        return
    assert target.path is not None
    if target.kind is TargetKind.STREAM:
        _write_plainly(target.path, text.encode("utf-8"))
    else:
        _replace_atomically(target.path, text.encode("utf-8"))


def _write_plainly(path: Path, data: bytes) -> None:
    """Open without creating, truncating or waiting (a FIFO nobody reads fails at once)."""
    flags = os.O_WRONLY | os.O_APPEND | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OSError(exc.errno, "no program is reading this FIFO") from None
        raise
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            status = fcntl.fcntl(descriptor, fcntl.F_GETFL)
            fcntl.fcntl(descriptor, fcntl.F_SETFL, status & ~os.O_NONBLOCK)
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
    finally:
        os.close(descriptor)


def _replace_atomically(path: Path, data: bytes) -> None:
    """Write beside the target, then rename: the old file stays whole until the new one is."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):  # it changed since it was checked
            raise OSError(errno.EEXIST, "it is no longer a regular file: left alone")
        mode = stat.S_IMODE(info.st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
