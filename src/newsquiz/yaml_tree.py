"""A safe YAML tree: the loader's own small tree, built from libyaml's events.

Aliases, tags, keys that are not text and deep nesting are refused while the
events stream by, before anything walks the data. Every scalar keeps the text
the teacher wrote: converting it (YAML 1.1's ``No``, ``1.10``, ``2025-06-23``)
is the bank conversion's job, by the format's rules, never PyYAML's resolver.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsquiz.diagnostics import Problem, ProblemKind
from newsquiz.loader_texts import english
from newsquiz.yaml_hints import explain
from newsquiz.yaml_nodes import Map, Node, Scalar, Seq, show
from newsquiz.yaml_syntax import SPECIFIC, character_at, syntax_key

MAX_DEPTH = 32
# Values (texts, lists, mappings) in one file: a bank of 16 MiB of ordinary
# questions holds about 1.5 million; past this, reading would take too long.
MAX_NODES = 2_000_000
# Duplicate keys described in one file; a count stands for the rest.
MAX_DESCRIBED = 200
_STANDARD_TAGS = frozenset(
    {
        "!",
        "tag:yaml.org,2002:str",
        "tag:yaml.org,2002:seq",
        "tag:yaml.org,2002:map",
    }
)


@dataclass(slots=True)
class _Frame:
    """One open list or mapping: for a mapping, the key waiting for its value and
    the keys seen so far (with the line each was first written on)."""

    node: Seq | Map
    key: Scalar | None = None
    seen: dict[str, int] = field(default_factory=dict)


class _Abort(Exception):
    """Stop reading a file whose structure is already known to be hostile."""


def compose(
    text: str,
    path: str,
    problems: list[Problem],
    *,
    max_nodes: int = MAX_NODES,
    quote_lines: bool = True,
) -> Node | None:
    """The tree of ``text``, or None when it is not one safe YAML document.

    ``quote_lines``: a syntax error may quote the line it is on (not for a file
    that is not a bank: it may hold secrets).

    Problems are added to ``problems``; those of kind ``REFUSED`` (aliases, tags,
    keys that are not text) mean the tree must not be converted.
    """
    # Imported here, not at the top: a bank read from the cache never needs PyYAML.
    import yaml

    loader_class = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    parser = loader_class(text)
    composer = _Composer(path, problems, max_nodes, yaml.events)
    composer.quote_lines = quote_lines
    take = composer.take
    try:
        while parser.check_event():
            take(parser.get_event())
    except _Abort:
        return None
    except yaml.reader.ReaderError as exc:
        composer.unreadable(text, exc)
        return None
    except yaml.MarkedYAMLError as exc:
        composer.syntax_error(text, exc)
        return None
    except yaml.YAMLError:
        composer.keyed(0, 0, "loader.yaml_syntax")
        return None
    finally:
        parser.dispose()
    composer.count_duplicates()
    return composer.root


class _Composer:
    """Builds the tree one event at a time."""

    def __init__(self, path: str, problems: list[Problem], max_nodes: int, ev: Any) -> None:
        self.ev = ev
        self.path = path
        self.problems = problems
        self.max_nodes = max_nodes
        self.quote_lines = True
        self.root: Node | None = None
        self.stack: list[_Frame] = []
        self.documents = 0
        self.nodes = 0
        # Duplicate keys: counted all, described only up to MAX_DESCRIBED.
        self.duplicates = 0

    def keyed(
        self,
        line: int,
        column: int,
        key: str,
        values: tuple[tuple[str, str], ...] = (),
        kind: ProblemKind = ProblemKind.ORDINARY,
    ) -> None:
        message = english(key, values)
        self.problems.append(
            Problem(self.path, line + 1, column + 1, message, key=key, values=values, kind=kind)
        )

    def take(self, event: Any) -> None:
        ev = self.ev
        kind = type(event)
        mark = event.start_mark
        if kind is ev.ScalarEvent:
            tag = event.tag
            if tag is not None:
                self.check_tag(tag, mark)
            plain = not event.style and tag is None
            self.attach(Scalar(event.value, mark.line, mark.column, plain))
        elif kind is ev.MappingStartEvent or kind is ev.SequenceStartEvent:
            self.check_tag(event.tag, mark)
            if len(self.stack) >= MAX_DEPTH:
                self.keyed(mark.line, mark.column, "loader.too_deep", (("depth", str(MAX_DEPTH)),))
                raise _Abort
            is_map = kind is ev.MappingStartEvent
            node = Map(mark.line, mark.column) if is_map else Seq(mark.line, mark.column)
            self.attach(node)
            self.stack.append(_Frame(node))
        elif kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
            self.stack.pop()
        elif kind is ev.AliasEvent:
            alias = (("alias", show(event.anchor or "")),)
            self.keyed(mark.line, mark.column, "loader.alias", alias, ProblemKind.REFUSED)
            self.attach(Scalar("", mark.line, mark.column, True))
        elif kind is ev.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                self.keyed(mark.line, mark.column, "loader.two_documents")
                raise _Abort

    def check_tag(self, tag: str | None, mark: Any) -> None:
        if tag is not None and tag not in _STANDARD_TAGS:
            tagged = (("tag", show(tag)),)
            self.keyed(mark.line, mark.column, "loader.tag", tagged, ProblemKind.REFUSED)

    def attach(self, node: Node) -> None:
        self.nodes += 1
        if self.nodes > self.max_nodes:
            count = (("count", str(self.max_nodes)),)
            self.keyed(node.line, node.column, "loader.too_many_values", count)
            raise _Abort
        if not self.stack:
            self.root = node
            return
        top = self.stack[-1]
        container = top.node
        if isinstance(container, Seq):
            container.items.append(node)
        elif top.key is None:
            top.key = self.key(node, top.seen)
        else:
            container.pairs.append((top.key, node))
            top.key = None

    def key(self, node: Node, seen: dict[str, int]) -> Scalar:
        """A mapping's key, checked: plain text, not written twice."""
        if not isinstance(node, Scalar):
            self.keyed(node.line, node.column, "loader.key_not_text", (), ProblemKind.REFUSED)
            node = Scalar("", node.line, node.column, True)
        if node.value not in seen:
            seen[node.value] = node.line + 1
            return node
        self.duplicates += 1
        if self.duplicates <= MAX_DESCRIBED:
            values = (("name", show(node.value)), ("line", str(seen[node.value])))
            self.keyed(node.line, node.column, "loader.duplicate_key", values)
        return node

    def count_duplicates(self) -> None:
        if self.duplicates > MAX_DESCRIBED:
            self.keyed(0, 0, "loader.duplicate_keys", (("count", str(self.duplicates)),))

    def unreadable(self, text: str, exc: Any) -> None:
        before = text[: exc.position]
        line = before.count("\n")
        column = exc.position - (before.rfind("\n") + 1)
        character = exc.character if isinstance(exc.character, str) else chr(exc.character)
        self.keyed(line, column, "loader.yaml_character", (("code", f"{ord(character):04X}"),))

    def syntax_error(self, text: str, exc: Any) -> None:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line, mark.column) if mark is not None else (0, 0)
        what = exc.problem or "invalid YAML"
        context = f" ({exc.context})" if exc.context else ""
        if "tab character" in what:
            what = "a tab is used to indent: YAML indents with spaces only"
            context = ""
        # PyYAML's English stays in the message for developers (str(problem));
        # what the reader sees is said by key, in their language.
        message = f"YAML syntax error: {what}{context}"
        opened = exc.context_mark.line if exc.context_mark is not None else None
        problem, during = exc.problem or "", exc.context or ""
        key, values = syntax_key(problem, during, character_at(text, line, column))
        # A hint quotes the line with what to write instead; it knows quotes, brackets,
        # tabs, colons and indentation, not escapes, anchors, tags or directives.
        if self.quote_lines and key not in SPECIFIC:
            hint = explain(text, line, problem, during, opened)
            if hint is not None:
                key, values = hint.key, hint.values
        self.problems.append(
            Problem(self.path, line + 1, column + 1, message, key=key, values=values)
        )
