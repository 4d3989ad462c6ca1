"""Scores and shares are rounded as people round: halves up, never to the even neighbour."""

from __future__ import annotations

import pytest

from newsquiz.rounding import half_up


@pytest.mark.parametrize(
    ("value", "shown"),
    [(16.5, 17), (12.5, 13), (0.5, 1), (9.78, 10), (9.49, 9), (0.0, 0), (100.0, 100)],
)
def test_halves_go_up(value: float, shown: int) -> None:
    assert half_up(value) == shown
