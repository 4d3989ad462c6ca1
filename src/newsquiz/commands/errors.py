"""What a command raises to end with a message and an exit status (see cli.py)."""

from __future__ import annotations


class UsageError(Exception):
    """The command line asks for something that cannot be done (exit status 2)."""


class InvalidInput(Exception):
    """A file the user gave is invalid; the message says why (exit status 1)."""


class ResultsNotWritten(Exception):
    """The results file could not be written at the end; the learner was told (exit 1)."""
