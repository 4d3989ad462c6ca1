"""The standard streams as the program finds them: closed, undecodable, or full.

Called once, before anything reads or writes, when ``newsquiz`` runs as a program.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import io
import os
import sys
from typing import TextIO

# Write errors that mean "the output cannot take more": a full disk or device,
# a quota, a file size limit, a device that went away (a closed terminal).
OUTPUT_ERRORS = frozenset(
    {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.ENXIO, errno.EBADF}
)


def prepare_standard_streams() -> None:
    """Closed descriptors get /dev/null; input never fails to decode; output never fails to encode.

    A closed standard input (``<&-``) then reads as an empty one: end of input.
    Filling descriptors 0 to 2 also keeps the progress store or a results file
    from being opened as descriptor 1, where the quiz would write over it.
    """
    for descriptor in (0, 1, 2):
        try:
            os.fstat(descriptor)
        except OSError:
            _fill(descriptor)
    if sys.stdin is None:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - lives as long as the program
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    _tolerant_input(sys.stdin)
    for stream in (sys.stdout, sys.stderr):
        _tolerant_output(stream)


def _fill(descriptor: int) -> None:
    opened = os.open(os.devnull, os.O_RDONLY if descriptor == 0 else os.O_WRONLY)
    if opened != descriptor:
        os.dup2(opened, descriptor)
        os.close(opened)


def _codec(stream: object) -> str:
    try:
        return codecs.lookup(str(getattr(stream, "encoding", None) or "utf-8")).name
    except LookupError:
        return "utf-8"


def _tolerant_input(stream: object) -> None:
    """Bytes that are not text become U+FFFD (the prompt then asks again), never an error.

    An ASCII locale (``LC_ALL=C`` without UTF-8) reads UTF-8: an accent typed in
    such a terminal is far more likely UTF-8 than anything else.
    """
    if not isinstance(stream, io.TextIOWrapper):
        return
    encoding = "utf-8" if _codec(stream) == "ascii" else stream.encoding
    with contextlib.suppress(ValueError, io.UnsupportedOperation):
        stream.reconfigure(encoding=encoding, errors="replace")


def _tolerant_output(stream: object) -> None:
    """A character the terminal's encoding lacks is shown as ``?``, never an error."""
    if isinstance(stream, io.TextIOWrapper):
        with contextlib.suppress(ValueError, io.UnsupportedOperation):
            stream.reconfigure(errors="replace")


def reason_of(error: OSError) -> str:
    """Why a read or write failed, in one line (with the file, when there is one)."""
    reason = error.strerror or str(error)
    return f"{reason} ({error.filename})" if error.filename else reason


def is_output_error(error: OSError) -> bool:
    return error.errno in OUTPUT_ERRORS


def silence_stdout() -> None:
    """Point descriptor 1 at /dev/null, so the final flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def settle_standard_output() -> None:
    """Flush what is left; if the output is gone (a terminal that hung up), drop it
    quietly instead of failing again when Python exits."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, stream.fileno())
                os.close(devnull)


MAX_LINE = 65_536
"""Characters of one answer line: far more than any answer, far less than memory."""
MAX_ENDLESS = 1 << 20
"""A "line" longer than this (``< /dev/zero``) is not text typed by anyone: end of input."""


def read_bounded_line(stream: TextIO) -> tuple[str, bool]:
    """One line, and whether it was too long (then it is read to its end and dropped).

    ``("", False)`` is the end of input, as for ``readline``; so is a line that
    never ends.
    """
    line = stream.readline(MAX_LINE + 1)
    if len(line) <= MAX_LINE or line.endswith("\n"):
        return line, False
    read = len(line)
    while read <= MAX_ENDLESS:
        more = stream.readline(MAX_LINE)
        if not more or more.endswith("\n"):
            return ("", False) if not more else (line[:MAX_LINE], True)
        read += len(more)
    return "", False
