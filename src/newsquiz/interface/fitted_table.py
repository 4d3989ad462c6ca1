"""A table that fits the console's width: words are never split.

Columns take their widest cell when the table fits. When it does not, the
columns shrink towards their longest word and cells wrap between words; when
even that does not fit, each row is written as lines of ``header: value``.
Quick for a class of a thousand students: one pass over the cells to measure,
and wrapping only when the table is too wide.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from newsquiz.interface.typography import breakable_words, unbreakable, word_lines

Cell = str | tuple[str, str]
"""A table cell: text, or text and its style."""

GAP = 2
HEADER_STYLE = "quiz.title"


def cell_text(cell: Cell) -> str:
    """The cell's text, its no-break spaces kept: a number stays with its unit or % sign."""
    return unbreakable(cell if isinstance(cell, str) else cell[0])


def _style(cell: Cell) -> str:
    return "" if isinstance(cell, str) else cell[1]


def _longest_word(text: str) -> int:
    return max(map(cell_len, breakable_words(text)), default=0)


def fit_widths(
    headers: Sequence[str], rows: Sequence[Sequence[Cell]], room: int
) -> tuple[list[int], int, bool] | None:
    """Each column's width within ``room`` cells, the gap between columns and
    whether cells must wrap; None when the longest words cannot fit side by side."""
    natural = [cell_len(h) for h in headers]
    for row in rows:
        for index, cell in enumerate(row):
            natural[index] = max(natural[index], cell_len(cell_text(cell)))
    if sum(natural) + GAP * (len(headers) - 1) <= room:
        return natural, GAP, False
    least = [_longest_word(h) for h in headers]
    for row in rows:
        for index, cell in enumerate(row):
            least[index] = max(least[index], _longest_word(cell_text(cell)))
    for gap in range(GAP, 0, -1):
        spare = room - gap * (len(headers) - 1) - sum(least)
        if spare >= 0:
            return _shared(natural, least, spare), gap, True
    return None


def _shared(natural: Sequence[int], least: Sequence[int], spare: int) -> list[int]:
    """The least widths, and ``spare`` shared out: the columns that need least first."""
    widths = list(least)
    wanting = sorted(range(len(widths)), key=lambda i: natural[i] - least[i])
    for place, index in enumerate(wanting):
        share = spare // (len(wanting) - place)
        given = min(natural[index] - least[index], share)
        widths[index] += given
        spare -= given
    return widths


def wrap_words(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` cells, broken between words only."""
    return word_lines(breakable_words(text), width, width, cell_len)


def _append_row(
    out: Text,
    row: Sequence[Cell],
    widths: Sequence[int],
    right: Sequence[int],
    gap: int,
    wrap: bool,
) -> None:
    texts = [cell_text(c) for c in row]
    parts = [wrap_words(t, w) if wrap else [t] for t, w in zip(texts, widths, strict=True)]
    for line in range(max(map(len, parts))):
        for index, cell in enumerate(row):
            text = parts[index][line] if line < len(parts[index]) else ""
            room = " " * (widths[index] - cell_len(text))
            if index:
                out.append(" " * gap)
            if index in right:
                out.append(room)
            out.append(text, style=_style(cell))
            if index not in right and index < len(row) - 1:
                out.append(room)
        out.append("\n")


def print_table(
    console: Console,
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    *,
    right: Sequence[int] = (),
    plain: bool = False,
    stacked: str = "{header}: {value}",
) -> None:
    fitted = fit_widths(headers, rows, console.width)
    if fitted is None:
        print_stacked(console, headers, rows, stacked)
        return
    widths, gap, wrap = fitted
    out = Text()
    _append_row(out, [(h, HEADER_STYLE) for h in headers], widths, right, gap, wrap)
    out.append(("-" if plain else "─") * (sum(widths) + gap * (len(widths) - 1)) + "\n")
    for row in rows:
        _append_row(out, row, widths, right, gap, wrap)
    console.print(out, soft_wrap=True, end="")


def print_stacked(
    console: Console, headers: Sequence[str], rows: Sequence[Sequence[Cell]], pattern: str
) -> None:
    """One block per row, a ``header: value`` line per cell (``pattern`` says how,
    ``{header}`` before ``{value}``): for the narrowest consoles."""
    lead = pattern.split("{value}")[0]
    for number, row in enumerate(rows):
        if number:
            console.print()
        for header, cell in zip(headers, row, strict=True):
            line = Text(lead.format(header=header), style=HEADER_STYLE)
            line.append(cell_text(cell), style=_style(cell))
            console.print(line)
