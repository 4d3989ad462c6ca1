"""The nodes of the loader's YAML tree, and how messages name them.

Kept apart from :mod:`newsquiz.yaml_tree` (which builds the tree) so that the
question type modules can read nodes without loading the YAML machinery: the
type modules are imported to grade, on every quiz's start-up path.
"""

from __future__ import annotations

from newsquiz.visible import excerpt


class Scalar:
    __slots__ = ("column", "line", "plain", "value")

    def __init__(self, value: str, line: int, column: int, plain: bool) -> None:
        self.value = value
        self.line = line
        self.column = column
        self.plain = plain


class Seq:
    __slots__ = ("column", "items", "line")

    def __init__(self, line: int, column: int) -> None:
        self.items: list[Node] = []
        self.line = line
        self.column = column


class Map:
    __slots__ = ("column", "line", "pairs")

    def __init__(self, line: int, column: int) -> None:
        self.pairs: list[tuple[Scalar, Node]] = []
        self.line = line
        self.column = column


Node = Scalar | Seq | Map


def show(text: str, limit: int = 60) -> str:
    """Quote bank text inside a message: a short excerpt, controls made visible."""
    return excerpt(text, limit)


def describe(node: Node) -> str:
    if isinstance(node, Map):
        return "a mapping"
    if isinstance(node, Seq):
        return "a list"
    if node.plain and node.value == "":
        return "nothing"
    return f"`{show(node.value)}`"


def kind_of(node: Node) -> str:
    """What a node is, without quoting it."""
    if isinstance(node, Map):
        return "a mapping"
    if isinstance(node, Seq):
        return "a list"
    return "nothing" if node.plain and node.value == "" else "text"


def place(node: Node) -> str:
    return f"{node.line + 1}:{node.column + 1}"
