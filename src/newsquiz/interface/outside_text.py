"""Text written by others (student names, typed answers) made safe to show as it is."""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, the line and paragraph separators and the bidirectional
# controls that can reorder what surrounds them on screen.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """Control characters written out as ``\\x1b``, ``\\u202e``: shown, never obeyed."""
    return _INVISIBLE.sub(_escape, text)


def one_line(text: str, width: int = 0) -> str:
    """Whitespace runs (new lines included) as one space, then cut to ``width`` with an ellipsis."""
    flat = visible(" ".join(text.split()))
    if width and len(flat) > width:
        return flat[: width - 1].rstrip() + "…"
    return flat


def json_safe(text: str) -> str:
    """JSON text whose strings carry no raw C1 control, DEL or bidi control (json leaves them raw).

    Those characters only occur inside strings, where ``\\uXXXX`` is their valid escape.
    """
    return re.sub(
        "[\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]",
        lambda m: f"\\u{ord(m.group()):04x}",
        text,
    )
