"""Text from outside the program (typed answers, names given on the command line).

Shown with its control characters made visible, so that nothing typed or piped in
can move the cursor, recolour or clear the terminal; stored without NUL or control
codes; and never carrying the lone surrogates that undecodable input leaves behind.
"""

from __future__ import annotations

import re

# C0 controls, DEL, C1 controls, and the invisible marks that reorder or hide text
# (bidirectional overrides and isolates, zero-width characters).
_CONTROLS = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_SURROGATES = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control or invisible character written out (``\\x1b``, ``\\u202e``)."""
    return _CONTROLS.sub(_escape, without_surrogates(text))


def storable(text: str) -> str:
    """``text`` as it may be kept: control and invisible characters dropped, tabs as spaces."""
    return _CONTROLS.sub("", without_surrogates(text).replace("\t", " "))


def without_surrogates(text: str) -> str:
    """Lone surrogates (bytes that were not UTF-8, read with ``surrogateescape``) as U+FFFD."""
    return _SURROGATES.sub(REPLACEMENT, text)


def undecodable(text: str) -> bool:
    """Whether some of ``text`` could not be read as text (bytes that were not UTF-8)."""
    return REPLACEMENT in text or _SURROGATES.search(text) is not None


def encodable(text: str) -> bool:
    """Whether ``text`` can be written as UTF-8 (a file name with bytes that are not
    UTF-8 reaches Python as lone surrogates, which no UTF-8 file or database takes)."""
    return _SURROGATES.search(text) is None
