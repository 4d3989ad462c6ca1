"""Build the rich console a command writes to."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TextIO, cast

from rich.console import Console, ConsoleDimensions
from rich.padding import Padding
from rich.text import Text

from newsquiz.interface.theme import THEME
from newsquiz.interface.typography import KeptSpaces, french_spacing, unbreakable

# Lines of text longer than this are hard to read: wider terminals get margins.
READING_WIDTH = 100


class QuizConsole(Console):
    french: bool = False
    """French typography: « » ? ! : ; keep their spaces across line breaks."""
    reading_limit: bool = False
    """Follow the terminal's width, resized or not, but never beyond READING_WIDTH."""

    @property
    def size(self) -> ConsoleDimensions:
        size = super().size
        if self.reading_limit and size.width > READING_WIDTH:
            return ConsoleDimensions(READING_WIDTH, size.height)
        return size

    @size.setter
    def size(self, new_size: tuple[int, int]) -> None:
        self._width, self._height = new_size

    def on_broken_pipe(self) -> None:
        # The reader went away (`newsquiz list | head -1`): stop writing and let
        # the command's own handler end quietly, instead of rich's exit status 1.
        self.quiet = True
        raise BrokenPipeError

    def print(self, *objects: Any, **options: Any) -> None:
        kept = _french_kept if self.french else unbreakable
        super().print(*(_kept(o, kept) for o in objects), **options)


def _french_kept(text: str) -> str:
    return unbreakable(french_spacing(text))


def _kept(renderable: Any, kept: Callable[[str], str]) -> Any:
    """The same text with its no-break spaces kept (one character for one: styles stay put):
    French spaces, and a number with its unit or percent sign, never split across lines."""
    if isinstance(renderable, str):
        return kept(renderable)
    if isinstance(renderable, Text):
        text = renderable.copy()
        text.plain = kept(text.plain)
        return text
    if isinstance(renderable, Padding):
        inner = _kept(renderable.renderable, kept)
        return Padding(
            inner,
            (renderable.top, renderable.right, renderable.bottom, renderable.left),
            style=renderable.style,
            expand=renderable.expand,
        )
    return renderable


def make_console(
    file: TextIO, *, color: bool, plain: bool = False, width: int | None = None
) -> QuizConsole:
    """A console that never interprets bank text: markup and emoji stay off by default.

    Plain mode is for screen readers and scripts: no colour, no cursor movement,
    ASCII-safe output. Text wraps at the terminal's width, but never wider than
    the reading width.
    """
    # KeptSpaces stands in for the stream: it translates what is written and passes
    # every other attribute (flush, isatty, fileno, encoding) to the stream itself.
    stream = cast("TextIO", KeptSpaces(file, plain=plain))
    console = QuizConsole(
        file=stream,
        width=width,
        theme=THEME,
        no_color=not color or plain,
        color_system=None if plain or not color else "auto",
        legacy_windows=False,
        safe_box=True,
        # Bank text is data: never read as markup, emoji codes or things to highlight.
        markup=False,
        emoji=False,
        highlight=False,
    )
    console.reading_limit = width is None
    return console
