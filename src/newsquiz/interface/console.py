"""Build the rich console a command writes to."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console

from newsquiz.interface.theme import THEME


class QuizConsole(Console):
    def on_broken_pipe(self) -> None:
        # The reader went away (`newsquiz list | head -1`): stop writing and let
        # the command's own handler end quietly, instead of rich's exit status 1.
        self.quiet = True
        raise BrokenPipeError


def make_console(
    file: TextIO, *, color: bool, plain: bool = False, width: int | None = None
) -> Console:
    """A console that never interprets bank text: markup and emoji stay off by default.

    Plain mode is for screen readers and scripts: no colour, no cursor movement,
    ASCII-safe output.
    """
    return QuizConsole(
        file=file,
        theme=THEME,
        no_color=not color or plain,
        color_system=None if plain or not color else "auto",
        markup=False,
        emoji=False,
        highlight=False,
        width=width,
        legacy_windows=False,
        safe_box=True,
    )
