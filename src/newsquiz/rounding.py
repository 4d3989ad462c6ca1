"""Rounding as people do it: halves go up (16.5 % is 17 %, 9.78 % is 10 %).

Python's ``round()`` sends halves to the even neighbour (``round(16.5) == 16``),
which a learner reading a score would take for a mistake. Every whole number
newsquiz shows from a fraction goes through ``half_up``.
"""

from __future__ import annotations


def half_up(value: float) -> int:
    """The nearest whole number, halves rounded up (for the non-negative values shown)."""
    return int(value + 0.5)
