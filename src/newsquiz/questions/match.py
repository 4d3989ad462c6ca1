"""Match questions: each left-hand entry to match with its right-hand one."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from newsquiz import fields as F
from newsquiz.grades import Grade, credit, finish, share, skipped
from newsquiz.model import MatchQuestion
from newsquiz.text import grader_key
from newsquiz.yaml_nodes import Map, Node, Seq, describe, show

if TYPE_CHECKING:
    from newsquiz.questions.common import Build
    from newsquiz.tree_reader import Fields, TreeReader


def read(r: TreeReader, got: Fields) -> Build | None:
    pairs = _pairs(r, got["pairs"])
    if pairs is None:
        return None
    distractors = _distractors(r, got.get("distractors"), pairs)
    if distractors is None:
        return None
    return lambda c: MatchQuestion(**c, pairs=pairs, distractors=distractors)


def _pairs(r: TreeReader, node: Node) -> tuple[tuple[str, str], ...] | None:
    if not isinstance(node, Map):
        r.keyed(node, "loader.pairs_not_map", found=describe(node))
        return None
    if len(node.pairs) > F.MAX_OPTIONS:
        r.too_many(node, "pairs", len(node.pairs))
        return None
    lefts: list[tuple[Node, str]] = []
    rights: list[tuple[Node, str]] = []
    for key, value in node.pairs:
        left = r.text(key, "each left-hand entry of pairs")
        right = r.text(value, "each right-hand entry of pairs")
        if left is not None and right is not None:
            lefts.append((key, left))
            rights.append((value, right))
    if len(lefts) != len(node.pairs):
        return None
    if len(lefts) < F.MIN_MATCH_PAIRS:
        r.keyed(node, "loader.pairs_too_few", least=str(F.MIN_MATCH_PAIRS), count=str(len(lefts)))
        return None
    if r.check_distinct(node, lefts, "the left-hand side of pairs") is None:
        return None
    if r.check_distinct(node, rights, "the right-hand side of pairs") is None:
        return None
    r.check_lookalikes(lefts, "the left-hand side of pairs")
    r.check_lookalikes(rights, "the right-hand side of pairs")
    return tuple((left, right) for (_, left), (_, right) in zip(lefts, rights, strict=True))


def _distractors(
    r: TreeReader, node: Node | None, pairs: tuple[tuple[str, str], ...]
) -> tuple[str, ...] | None:
    if node is None:
        return ()
    if isinstance(node, Seq) and len(node.items) > F.MAX_OPTIONS:
        r.too_many(node, "distractors", len(node.items))
        return None
    distractors = r.texts(node, "distractors", single_ok=True)
    if distractors is None:
        return None
    rights = {grader_key(right): right for _, right in pairs}
    clash = next((d for d in distractors if grader_key(d) in rights), None)
    if clash is None:
        return distractors
    right = rights[grader_key(clash)]
    if right == clash:
        r.keyed(node, "loader.distractor_is_right", value=show(clash))
    else:
        r.keyed(node, "loader.distractor_indistinct", value=show(clash, 30), right=show(right, 30))
    return None


def grade_match(
    question: MatchQuestion, response: Mapping[str, str] | None, *, hint_used: bool = False
) -> Grade:
    """Share of left items given their right partner."""
    if response is None:
        return skipped(question, len(question.pairs))
    parts = tuple(response.get(left) == right for left, right in question.pairs)
    fraction = credit(share(sum(parts), len(parts)), partial=question.partial)
    return finish(question, fraction, hint_used=hint_used, parts=parts)
