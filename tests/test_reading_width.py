"""Text follows the terminal when it is resized during a session: narrower, it
wraps at the new width; wider, it still stops at the reading width (100)."""

from __future__ import annotations

import io
import os

import pytest

from newsquiz.interface.console import READING_WIDTH, make_console

WORDS = " ".join(f"mot{n:02d}" for n in range(80))  # 479 characters, no long word


def lines_printed(columns: list[int], monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    size = [columns[0]]
    monkeypatch.setattr(os, "get_terminal_size", lambda *_: os.terminal_size((size[0], 40)))
    out = io.StringIO()
    console = make_console(out, color=False)
    screens = []
    for width in columns:
        size[0] = width
        start = out.tell()
        console.print(WORDS)
        screens.append(out.getvalue()[start:].splitlines())
    return screens


@pytest.mark.parametrize("columns", [[60, 200], [200, 60], [150, 40, 120]])
def test_resizing_the_terminal_changes_the_wrapping(
    columns: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    for width, lines in zip(columns, lines_printed(columns, monkeypatch), strict=True):
        limit = min(width, READING_WIDTH)
        assert max(len(line) for line in lines) <= limit
        assert max(len(line) for line in lines) > limit - 8  # the width is used, not less
