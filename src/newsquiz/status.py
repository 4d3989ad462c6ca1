"""Exit statuses, the same for every command."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    SUCCESS = 0
    # A bank or answer file is invalid, or `check` found errors.
    INVALID_INPUT = 1
    # Command-line misuse: unknown option, missing file (argparse's own code).
    USAGE = 2
    # 128 + SIGINT, as shells report it.
    INTERRUPTED = 130
    INTERNAL_ERROR = 70
