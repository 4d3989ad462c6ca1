"""Student names and answers in the class report: on one line, control characters shown."""

from __future__ import annotations

import re

from newsquiz.outside_text import visible

__all__ = ["json_safe", "one_line", "visible"]


def one_line(text: str, width: int = 0) -> str:
    """Whitespace runs (new lines included) as one space, control characters written out
    (``\\x1b``), then cut to ``width`` with an ellipsis."""
    flat = visible(" ".join(text.split()))
    if width and len(flat) > width:
        return flat[: width - 1].rstrip() + "…"
    return flat


_RAW_IN_JSON = re.compile(
    "[\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def json_safe(text: str) -> str:
    """JSON text whose strings carry no raw C1 control, DEL or invisible mark (json.dumps
    leaves them raw). They only occur inside strings, where ``\\uXXXX`` is their escape."""
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
