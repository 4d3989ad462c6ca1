"""Order questions: the items, written in the right order, to put back in order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsquiz import fields as F
from newsquiz.model import OrderQuestion

if TYPE_CHECKING:
    from newsquiz.questions.common import Build
    from newsquiz.tree_reader import Fields, TreeReader


def read(r: TreeReader, got: Fields) -> Build | None:
    items = r.unique_texts(got["items"], "items", F.MIN_ORDER_ITEMS)
    if items is None:
        return None
    return lambda c: OrderQuestion(**c, items=items)
