"""Outside text made safe to show: file names, ids and excerpts of bank files.

Text that came from outside (a file name, a line of a file) may hold terminal
control codes (ESC starts the sequences that move the cursor, retitle the
window or write to the clipboard), bidirectional overrides that make a line
read differently from what it holds, or bytes that are not UTF-8 (a file name
decoded with ``surrogateescape``), which cannot even be written to the
terminal. :func:`visible` replaces each with an escape anyone can read.
"""

from __future__ import annotations

import re

EXCERPT_LIMIT = 60

# C0 and C1 controls, DEL, lone surrogates (undecodable bytes of a file name),
# and the bidirectional embeddings, overrides and isolates. Tab and newline are
# controls too: a name or an excerpt is shown on one line.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")

# An escape written by visible(), or any other single character.
_PIECE = re.compile(r"\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|.", re.DOTALL)


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    if 0xDC80 <= code <= 0xDCFF:
        # surrogateescape keeps an undecodable byte as U+DC80 + byte.
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control, override and undecodable byte written as an escape."""
    return _UNSAFE.sub(_escape, text)


def excerpt(text: str, limit: int = EXCERPT_LIMIT) -> str:
    """A short, visible excerpt: at most ``limit`` characters shown, the last one ``…``
    when ``text`` was cut. An escape is never cut in the middle."""
    shown = visible(text[: limit + 1])
    if len(shown) <= limit and len(text) <= limit:
        return shown
    pieces: list[str] = []
    used = 0
    for found in _PIECE.finditer(shown):
        piece = found.group()
        if used + len(piece) > limit - 1:
            break
        pieces.append(piece)
        used += len(piece)
    return "".join(pieces) + "…"
