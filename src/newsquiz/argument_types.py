"""Types for command-line values: each says the accepted range when a value is outside it.

Bounds keep every value within what the rest of the program can compute with:
``--time inf`` or ``--limit 9223372036854775807`` would otherwise overflow later.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable

MAX_COUNT = 100_000
"""More questions than any bank or review holds."""
MAX_SEED = 10**18
MAX_MINUTES = 1440
"""A day: the longest exam newsquiz times."""


def _shown(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:40] + "…")


def whole_number(minimum: int, maximum: int) -> Callable[[str], int]:
    """A whole number from ``minimum`` to ``maximum``."""

    def parse(text: str) -> int:
        stripped = text.strip()
        digits = stripped.removeprefix("-").removeprefix("+")
        value = None
        if digits.isascii() and digits.isdigit() and len(digits) <= len(str(maximum)) + 1:
            value = int(stripped)
        if value is None or not minimum <= value <= maximum:
            raise argparse.ArgumentTypeError(
                f"expected a whole number from {minimum} to {maximum}, found {_shown(text)}"
            )
        return value

    return parse


def minutes(text: str) -> float:
    """A time limit in minutes: more than 0, at most a day (decimal comma or dot)."""
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and 0 < value <= MAX_MINUTES):
        raise argparse.ArgumentTypeError(
            f"expected a number of minutes, more than 0 and at most {MAX_MINUTES} (24 hours), "
            f"found {_shown(text)}"
        )
    return value


def text(value: str) -> str:
    """Text that will be kept (a student's name): it must be UTF-8."""
    from newsquiz.outside_text import encodable

    if not encodable(value):
        raise argparse.ArgumentTypeError(
            f"{_shown(value.encode('utf-8', 'surrogateescape').decode('utf-8', 'replace'))}"
            " holds bytes that are not UTF-8 text"
        )
    return value
