"""Short questions: a short typed answer, or one of the accepted variants."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsquiz.model import ShortQuestion

if TYPE_CHECKING:
    from newsquiz.questions.common import Build
    from newsquiz.tree_reader import Fields, TreeReader


def read(r: TreeReader, got: Fields) -> Build | None:
    text = r.text(got["answer"], "the answer")
    accept = r.texts(got["accept"], "accept", single_ok=True) if "accept" in got else ()
    exact = r.match_mode(got.get("match"))
    if text is None or accept is None or exact is None:
        return None
    strict: bool = exact
    return lambda c: ShortQuestion(**c, answer=text, accept=accept, exact=strict)
