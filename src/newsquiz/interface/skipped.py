"""The notes about files and folders left aside while looking for banks."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from newsquiz.bank_files import Skipped
from newsquiz.interface.messages import Messages
from newsquiz.shown_path import printable_path


def skipped_lines(say: Messages, skipped: Sequence[Skipped], cwd: Path) -> list[str]:
    """One line per path left aside (each path once), its name made safe to print."""
    lines: list[str] = []
    seen: set[Path] = set()
    for note in skipped:
        if note.path in seen:
            continue
        seen.add(note.path)
        lines.append(say(f"files.skipped_{note.reason.value}", path=printable_path(note.path, cwd)))
    return lines
