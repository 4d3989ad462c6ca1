"""Reading values out of the YAML tree, reporting what is wrong with them.

:class:`TreeReader` is what every part of the bank conversion (the bank, its
questions, each type's own rules) uses to read a text, a number, a date or a
mapping's fields: a value it cannot accept becomes a located problem and
``None``, never an exception.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsquiz import fields as F
from newsquiz.diagnostics import Problem, Severity
from newsquiz.loader_texts import english
from newsquiz.lookalikes import (
    describe_character,
    hidden_character,
    lookalike_pairs,
    mixed_script_word,
)
from newsquiz.model import PartialDate
from newsquiz.suggestions import suggest
from newsquiz.text import first_indistinct
from newsquiz.yaml_nodes import Map, Node, Scalar, Seq, describe, place, show

if TYPE_CHECKING:
    from pathlib import Path

# Problems of one kind reported per question before the rest are only counted.
MAX_REPEATS = 5
# "Did you mean" looked for in one file (each compares short texts only).
MAX_SUGGESTIONS = 100

# C0 and C1 controls other than tab and newline, and DEL: ESC starts ANSI/OSC
# sequences that rich passes straight to the terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SLUG = re.compile(F.SLUG_PATTERN)
_PARTIAL_DATE = re.compile(F.PARTIAL_DATE_PATTERN, re.ASCII)
_DATE = re.compile(F.DATE_PATTERN, re.ASCII)
# Digits 0-9 only (re.ASCII): `\d` would also take ٣ or ३, which int() and
# float() read but a teacher's editor, the JSON Schema and learners do not.
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$", re.ASCII)

Fields = dict[str, Node]


def _slugify(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "my-id"


class TreeReader:
    def __init__(self, path: str, base: Path | None, problems: list[Problem]) -> None:
        self.path = path
        self.base = base
        self.problems = problems
        # Problems of one kind in one question: how many, and the last one reported.
        self.repeats: dict[str, tuple[int, Node, Severity]] = {}
        self.suggestions_left = MAX_SUGGESTIONS

    # reporting

    def error(self, node: Node, message: str, kind: str | None = None) -> None:
        self.report(node, message, Severity.ERROR, kind)

    def warn(self, node: Node, message: str, kind: str | None = None) -> None:
        self.report(node, message, Severity.WARNING, kind)

    def keyed(
        self,
        node: Node,
        key: str,
        kind: str | None = None,
        severity: Severity = Severity.ERROR,
        **values: str,
    ) -> None:
        """A message of the catalogue: written in English, kept with its key for `check`."""
        pairs = tuple(values.items())
        self.report(node, english(key, pairs), severity, kind, key, pairs)

    def report(
        self,
        node: Node,
        message: str,
        severity: Severity,
        kind: str | None,
        key: str = "",
        values: tuple[tuple[str, str], ...] = (),
    ) -> None:
        """Add a problem; past MAX_REPEATS of one ``kind`` in a question, only count it."""
        if kind is not None:
            count, last, _ = self.repeats.get(kind, (0, node, severity))
            self.repeats[kind] = (count + 1, node if count < MAX_REPEATS else last, severity)
            if count >= MAX_REPEATS:
                return
        self.problems.append(
            Problem(self.path, node.line + 1, node.column + 1, message, severity, key, values)
        )

    def suggest(
        self, word: str, candidates: Sequence[str], *, cutoff: float = 0.6, kind: str = ""
    ) -> str | None:
        """ "Did you mean", for a problem that will be reported, within the file's budget."""
        if kind and self.repeats.get(kind, (0,))[0] >= MAX_REPEATS:
            return None  # only counted, never shown
        if self.suggestions_left <= 0:
            return None
        self.suggestions_left -= 1
        return suggest(word, candidates, cutoff=cutoff)

    def close_repeats(self) -> None:
        """One line for the problems counted but not reported, after the last one reported."""
        for kind, (count, last, severity) in self.repeats.items():
            if count > MAX_REPEATS:
                values = (("count", str(count - MAX_REPEATS)), ("what", kind))
                self.problems.append(
                    Problem(
                        self.path,
                        last.line + 1,
                        last.column + 1,
                        english("loader.repeats", values),
                        severity,
                        "loader.repeats",
                        values,
                    )
                )
        self.repeats.clear()

    # scalars

    def text(self, node: Node, what: str, kind: str | None = None) -> str | None:
        if not isinstance(node, Scalar):
            self.keyed(node, "loader.not_text", kind, what=what, found=describe(node))
            return None
        value = node.value.strip()
        if not value:
            self.keyed(node, "loader.empty", kind, what=what)
            return None
        bad = _CONTROL.search(value)
        if bad:
            self.keyed(node, "loader.control_char", kind, what=what, code=f"{ord(bad.group()):04X}")
            return None
        hidden = hidden_character(value)
        if hidden is not None:
            self.keyed(
                node,
                "loader.invisible",
                "invisible characters",
                Severity.WARNING,
                what=what,
                character=describe_character(hidden),
            )
        return value

    def texts(self, node: Node, what: str, *, single_ok: bool) -> tuple[str, ...] | None:
        if isinstance(node, Scalar) and single_ok:
            value = self.text(node, what)
            return None if value is None else (value,)
        if not isinstance(node, Seq):
            self.keyed(node, "loader.not_texts", what=what, found=describe(node))
            return None
        values = [
            self.text(item, f"each entry of {what}", f"entries of {what}") for item in node.items
        ]
        if any(v is None for v in values):
            return None
        return tuple(v for v in values if v is not None)

    def unique_texts(self, node: Node, what: str, minimum: int) -> tuple[str, ...] | None:
        """Choices or items: a list the learner picks from, each told apart by the grader."""
        if isinstance(node, Seq) and len(node.items) > F.MAX_OPTIONS:
            self.too_many(node, what, len(node.items))
            return None
        values = self.texts(node, what, single_ok=False)
        if values is None:
            return None
        if len(values) < minimum:
            self.keyed(
                node, "loader.too_few", what=what, minimum=str(minimum), count=str(len(values))
            )
            return None
        assert isinstance(node, Seq)
        if self.check_distinct(node, list(zip(node.items, values, strict=True)), what) is None:
            return None
        self.check_lookalikes(list(zip(node.items, values, strict=True)), what)
        return values

    def too_many(self, node: Node, what: str, count: int) -> None:
        self.keyed(node, "loader.too_many", what=what, count=str(count), limit=str(F.MAX_OPTIONS))

    def check_distinct(self, node: Node, entries: list[tuple[Node, str]], what: str) -> bool | None:
        """None, and an error on the list naming both places, when two entries are the
        same to the grader (see comparison.py)."""
        clash = first_indistinct([value for _, value in entries])
        if clash is None:
            return True
        (first_node, first), (second_node, second) = entries[clash[0]], entries[clash[1]]
        at, then = place(first_node), place(second_node)
        if first == second:
            self.keyed(node, "loader.twice", what=what, value=show(first), first=at, second=then)
        else:
            self.keyed(
                node,
                "loader.indistinct",
                what=what,
                a=show(first, 30),
                b=show(second, 30),
                first=at,
                second=then,
            )
        return None

    def check_lookalikes(self, entries: list[tuple[Node, str]], what: str) -> None:
        """Warn about entries that look the same on screen but are different text."""
        for node, value in entries:
            word = mixed_script_word(value)
            if word is not None:
                self.keyed(
                    node,
                    "loader.mixed_script",
                    "mixed alphabets",
                    Severity.WARNING,
                    what=what,
                    word=show(word, 30),
                )
        for first, second in lookalike_pairs([value for _, value in entries]):
            (first_node, a), (second_node, b) = entries[first], entries[second]
            self.keyed(
                second_node,
                "loader.lookalike",
                "look-alikes",
                Severity.WARNING,
                what=what,
                a=show(a, 30),
                b=show(b, 30),
                line=str(first_node.line + 1),
            )

    def check_unique(
        self, node: Node, values: tuple[str, ...], what: str
    ) -> tuple[str, ...] | None:
        seen: set[str] = set()
        for value in values:
            if value in seen:
                self.keyed(node, "loader.twice_plain", what=what, value=show(value))
                return None
            seen.add(value)
        return values

    def boolean(self, node: Node, what: str) -> bool | None:
        if isinstance(node, Scalar) and node.plain and node.value.lower() in ("true", "false"):
            return node.value.lower() == "true"
        self.keyed(node, "loader.not_boolean", what=what, found=describe(node))
        return None

    def number(self, node: Node, what: str) -> float | None:
        if isinstance(node, Scalar):
            written = node.value.strip()
            if _NUMBER.match(written):
                value = float(written)
                if math.isfinite(value):
                    return value
                self.keyed(node, "loader.too_large", what=what, written=show(written, 20))
                return None
            if re.fullmatch(r"[+-]?\d+,\d+", written):
                fixed = written.replace(",", ".")
                self.keyed(
                    node, "loader.decimal_comma", what=what, fixed=fixed, found=show(written)
                )
                return None
        self.keyed(node, "loader.not_number", what=what, found=describe(node))
        return None

    def points(self, node: Node) -> float | None:
        value = self.number(node, "points")
        if value is not None and not F.MIN_POINTS <= value <= F.MAX_POINTS:
            written = node.value.strip() if isinstance(node, Scalar) else ""
            self.keyed(
                node,
                "loader.points",
                low=f"{F.MIN_POINTS:g}",
                high=f"{F.MAX_POINTS:g}",
                written=show(written, 20),
            )
            return None
        return value

    def date(self, node: Node, what: str) -> dt.date | None:
        if isinstance(node, Scalar) and _DATE.match(node.value.strip()):
            try:
                return dt.date.fromisoformat(node.value.strip())
            except ValueError:
                self.keyed(node, "loader.unreal_date", what=what, value=show(node.value))
                return None
        self.keyed(node, "loader.not_date", what=what, found=describe(node))
        return None

    def partial_date(self, node: Node, what: str) -> PartialDate | None:
        written = node.value.strip() if isinstance(node, Scalar) else ""
        if not _PARTIAL_DATE.match(written):
            self.keyed(node, "loader.not_partial_date", what=what, found=describe(node))
            return None
        parts = [int(p) for p in written.split("-")]
        try:
            dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError:
            self.keyed(node, "loader.unreal_date", what=what, value=show(written))
            return None
        return PartialDate(
            parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None
        )

    def draft(self, node: Node, qid: str | None) -> bool | None:
        value = self.boolean(node, "draft")
        if value:
            message = (
                f"question `{qid or '?'}` is a draft: check it against the article, "
                "then remove `draft: true`"
            )
            self.problems.append(
                Problem(
                    self.path,
                    node.line + 1,
                    node.column + 1,
                    message,
                    Severity.WARNING,
                    key="check.draft",
                    values=(("id", qid or "?"),),
                )
            )
        return value

    def slug(self, node: Node, what: str) -> str | None:
        value = self.text(node, what)
        if value is None:
            return None
        if not _SLUG.match(value):
            self.keyed(node, "loader.slug", what=what, value=show(value), like=_slugify(value))
            return None
        return value

    # mappings

    def fields(
        self,
        node: Node,
        what: str,
        allowed: tuple[str, ...],
        required: tuple[str, ...],
        elsewhere: dict[str, str] | None = None,
    ) -> Fields | None:
        """The mapping's fields by name, after reporting unknown and missing ones."""
        if not isinstance(node, Map):
            self.keyed(node, "loader.not_mapping", what=what, found=describe(node))
            return None
        found: dict[str, Node] = {}
        for key, value in node.pairs:
            name = key.value
            if name in allowed:
                found[name] = value
                continue
            if elsewhere and name in elsewhere:
                types = ", ".join(t.value for t in F.types_using(name))
                self.keyed(key, "loader.elsewhere", name=name, what=what, types=types)
                continue
            close = self.suggest(name, allowed, cutoff=0.7, kind="unknown fields")
            if close:
                self.keyed(
                    key,
                    "loader.unknown_field_close",
                    "unknown fields",
                    name=show(name),
                    what=what,
                    close=close,
                )
            else:
                known = ", ".join(allowed)
                self.keyed(
                    key,
                    "loader.unknown_field",
                    "unknown fields",
                    name=show(name),
                    what=what,
                    known=known,
                )
        for name in required:
            if name not in found:
                self.keyed(node, "loader.missing", what=what, name=name)
        return found

    # what several question types share

    def feedback(self, node: Node | None, choices: tuple[str, ...]) -> dict[str, str] | None:
        if node is None:
            return {}
        if not isinstance(node, Map):
            self.keyed(node, "loader.feedback_not_map", found=describe(node))
            return None
        offered = set(choices)
        result: dict[str, str] = {}
        for key, value in node.pairs:
            choice = key.value.strip()
            if choice not in offered:
                self.unknown_feedback(key, choice, choices)
                continue
            text = self.text(value, f"the feedback for `{show(choice, 30)}`", "feedback texts")
            if text is not None:
                result[choice] = text
        return result if len(result) == len(node.pairs) else None

    def unknown_feedback(self, key: Scalar, choice: str, choices: tuple[str, ...]) -> None:
        kind = "feedback for texts that are not choices"
        close = self.suggest(choice, choices, kind=kind)
        if close:
            self.keyed(
                key,
                "loader.feedback_not_choice_close",
                kind,
                choice=show(choice),
                close=show(close),
            )
        else:
            self.keyed(key, "loader.feedback_not_choice", kind, choice=show(choice))

    def match_mode(self, node: Node | None) -> bool | None:
        if node is None:
            return False
        if isinstance(node, Scalar) and node.value.strip() in F.MATCH_MODES:
            return node.value.strip() == "exact"
        self.keyed(node, "loader.match_mode", found=describe(node))
        return None
