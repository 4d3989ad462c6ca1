"""Order questions: the items, written in the right order, to put back in order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsquiz import fields as F
from newsquiz.grades import Grade, credit, finish, skipped
from newsquiz.model import OrderQuestion

if TYPE_CHECKING:
    from newsquiz.questions.common import Build
    from newsquiz.tree_reader import Fields, TreeReader


def read(r: TreeReader, got: Fields) -> Build | None:
    items = r.unique_texts(got["items"], "items", F.MIN_ORDER_ITEMS)
    if items is None:
        return None
    return lambda c: OrderQuestion(**c, items=items)


def grade_order(
    question: OrderQuestion, response: Sequence[str] | None, *, hint_used: bool = False
) -> Grade:
    """Share of item pairs in the right relative order; a missing item breaks
    every pair it belongs to."""
    items = question.items
    if response is None:
        return skipped(question, len(items))
    # Greedy matching keeps repeated item texts apart.
    used: set[int] = set()
    positions: list[int | None] = []
    for item in items:
        position = next(
            (i for i, text in enumerate(response) if text == item and i not in used), None
        )
        if position is not None:
            used.add(position)
        positions.append(position)
    total = len(items) * (len(items) - 1) // 2
    concordant = 0
    for i, before in enumerate(positions):
        for after in positions[i + 1 :]:
            if before is not None and after is not None and before < after:
                concordant += 1
    parts = tuple(position == index for index, position in enumerate(positions))
    if total == 0:
        fraction = 1.0 if all(p is not None for p in positions) else 0.0
    else:
        fraction = concordant / total
    fraction = credit(fraction, partial=question.partial)
    return finish(question, fraction, hint_used=hint_used, parts=parts)
