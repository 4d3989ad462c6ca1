"""What a command raises to end with a message and an exit status (see cli.py)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


class UsageError(Exception):
    """The command line asks for something that cannot be done (exit status 2)."""


class InvalidInput(Exception):
    """A file the user gave is invalid; the message says why (exit status 1)."""


class ResultsNotWritten(Exception):
    """The results file could not be written at the end; the learner was told (exit 1)."""


class OutputClosed(Exception):
    """Standard output's reader went away after the command knew its result (`| head -1`).

    The command ends quietly with ``status``, the result it found: a reader that
    stops reading does not turn a failure into a success.
    """

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


@contextmanager
def result_decided(status: int) -> Iterator[None]:
    """Show a result whose exit status is ``status`` already; a closed output keeps it."""
    try:
        yield
    except BrokenPipeError:
        raise OutputClosed(status) from None
