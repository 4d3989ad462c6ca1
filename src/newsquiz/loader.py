"""Turn a bank file into the model, reporting every problem at once.

The loader never trusts the file. It reads a bounded number of bytes, decodes
them strictly, and builds its own small tree from libyaml's event stream, so
that aliases, tags and deep nesting are refused before anything walks the
data. Every scalar keeps the text the teacher wrote: YAML 1.1's ``No``,
``1.10`` and ``2025-06-23`` are converted here, by the format's rules, never
by PyYAML's resolver.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from newsquiz import fields as F
from newsquiz.bank_files import NotRegularFile, read_regular
from newsquiz.bank_files import iter_bank_files as iter_bank_files
from newsquiz.cloze_text import ClozeProblem, split_cloze
from newsquiz.date_credit import parse_duration, tolerance_problem
from newsquiz.diagnostics import BankError, Problem, Severity
from newsquiz.diagnostics import Report as Report
from newsquiz.loader_texts import english
from newsquiz.lookalikes import (
    describe_character,
    hidden_character,
    lookalike_pairs,
    mixed_script_word,
)
from newsquiz.model import (
    FORMAT_VERSION,
    Bank,
    Blank,
    ChoiceQuestion,
    ClozeQuestion,
    DateQuestion,
    Evidence,
    Location,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    PartialDate,
    Question,
    QuestionType,
    ShortQuestion,
    Source,
    TrueFalseQuestion,
)
from newsquiz.source_file import found_beside, leaves_folder, path_problem
from newsquiz.suggestions import suggest
from newsquiz.text import first_indistinct, grader_key
from newsquiz.visible import excerpt, visible
from newsquiz.yaml_hints import comment_warnings, explain

MAX_BANK_BYTES = F.MAX_BANK_BYTES
MAX_DEPTH = 32
# Values (texts, lists, mappings) in one file: a bank of 16 MiB of ordinary
# questions holds about 1.5 million; past this, reading would take too long.
MAX_NODES = 2_000_000
# Problems of one kind reported per question before the rest are only counted.
MAX_REPEATS = 5
# Problems reported for one file; a count stands for the rest.
MAX_PROBLEMS = 200
# "Did you mean" looked for in one file (each compares short texts only).
MAX_SUGGESTIONS = 100
SUPPORTED_INTERFACE_LANGUAGES = ("fr", "en")

# C0 and C1 controls other than tab and newline, and DEL: ESC starts ANSI/OSC
# sequences that rich passes straight to the terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SLUG = re.compile(F.SLUG_PATTERN)
_LANGUAGE = re.compile(F.LANGUAGE_PATTERN)
_PARTIAL_DATE = re.compile(F.PARTIAL_DATE_PATTERN, re.ASCII)
_DATE = re.compile(F.DATE_PATTERN, re.ASCII)
# Digits 0-9 only (re.ASCII): `\d` would also take ٣ or ३, which int() and
# float() read but a teacher's editor, the JSON Schema and learners do not.
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$", re.ASCII)
_INTEGER = re.compile(r"^\d+$", re.ASCII)
_STANDARD_TAGS = frozenset(
    {
        "!",
        "tag:yaml.org,2002:str",
        "tag:yaml.org,2002:seq",
        "tag:yaml.org,2002:map",
    }
)


# --- the tree built from events -------------------------------------------------


class _Scalar:
    __slots__ = ("column", "line", "plain", "value")

    def __init__(self, value: str, line: int, column: int, plain: bool) -> None:
        self.value = value
        self.line = line
        self.column = column
        self.plain = plain


class _Seq:
    __slots__ = ("column", "items", "line")

    def __init__(self, line: int, column: int) -> None:
        self.items: list[_Node] = []
        self.line = line
        self.column = column


class _Map:
    __slots__ = ("column", "line", "pairs")

    def __init__(self, line: int, column: int) -> None:
        self.pairs: list[tuple[_Scalar, _Node]] = []
        self.line = line
        self.column = column


_Node = _Scalar | _Seq | _Map
_Builder = Callable[[dict[str, Any]], Question]


class _Abort(Exception):
    """Stop reading a file whose structure is already known to be hostile."""


def load_bank(path: str | Path) -> Bank:
    """Load a bank, raising :class:`BankError` with every error it has."""
    report = read_bank(path)
    if report.bank is None:
        raise BankError(report.problems)
    return report.bank


def read_bank(
    path: str | Path, *, shown_as: str | None = None, max_bytes: int = MAX_BANK_BYTES
) -> Report:
    """Read and check one bank file; never raises for anything the file contains.

    ``shown_as`` is how messages name the file (the path as the user typed it).
    """
    shown = visible(shown_as or str(path))
    try:
        data = read_regular(path, max_bytes)
    except IsADirectoryError:
        return _failure(shown, "is a folder, not a bank file")
    except FileNotFoundError:
        return _failure(shown, "no such file")
    except NotRegularFile as exc:
        values = (("what", exc.what),)
        return Report(
            shown,
            None,
            (
                Problem(
                    shown,
                    1,
                    1,
                    english("loader.not_regular", values),
                    key="loader.not_regular",
                    values=values,
                ),
            ),
        )
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "invalid name"
        return _failure(shown, f"cannot be read: {reason.lower()}")
    return read_bank_data(data, path, shown_as=shown, max_bytes=max_bytes)


def read_bank_data(
    data: bytes, path: str | Path, *, shown_as: str | None = None, max_bytes: int = MAX_BANK_BYTES
) -> Report:
    """Check the bytes of a bank file read by the caller (the bank cache hashes what it parses)."""
    shown = visible(shown_as or str(path))
    if len(data) > max_bytes:
        return _failure(
            shown,
            f"is larger than {max_bytes // (1024 * 1024)} MiB: a bank is a text file "
            "of questions; split it into several banks",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
        return Report(
            shown,
            None,
            (
                Problem(
                    shown,
                    line,
                    column,
                    f"is not UTF-8 text (byte 0x{data[exc.start]:02x}): "
                    "save the bank as UTF-8 in your editor",
                ),
            ),
        )
    report = parse_bank(text, shown, base=Path(path).parent)
    if report.bank is None:
        return report
    # Messages name the file as the user typed it; the bank keeps where it really is.
    located = replace(report.bank, path=str(Path(path).resolve()))
    return Report(report.path, located, report.problems)


def parse_bank(text: str, path: str = "<string>", *, base: Path | None = None) -> Report:
    """Check a bank given as text. ``base`` is the folder that relative paths start from."""
    bank_like = _BANK_LIKE.search(text) is not None
    problems: list[Problem] = [
        Problem(path, n + 1, 1, "text after ` #` is a comment", Severity.WARNING, h.key, h.values)
        for n, h in (comment_warnings(text) if bank_like else [])
    ]
    root = _compose(text, path, problems)
    if not bank_like:
        # Not a bank (a .env file, some other YAML): no hint quotes its lines.
        problems = [replace(p, key="", values=()) for p in problems]
    if root is None:
        if not problems:
            message = english("loader.empty_file", ())
            problems.append(Problem(path, 1, 1, message, key="loader.empty_file"))
        return Report(path, None, tuple(problems))
    if any(_BLOCKING in p.message for p in problems):
        # Aliases or tags were refused: converting the rest would only add noise.
        # (Duplicate keys do not stop the check: the rest is still worth reporting.)
        return Report(path, None, tuple(problems))
    converter = _Converter(path, base, problems)
    bank = converter.bank(root)
    has_errors = any(p.severity is Severity.ERROR for p in problems)
    ordered = _at_most(sorted(problems, key=lambda p: (p.line, p.column)), MAX_PROBLEMS)
    return Report(path, None if has_errors else bank, ordered)


# A bank says `newsquiz:` at the start of a line; a file that never does is not
# one, and is not quoted in messages (it may hold secrets).
_BANK_LIKE = re.compile(r"^\ufeff?newsquiz[ \t]*:", re.MULTILINE)


def _at_most(problems: list[Problem], limit: int) -> tuple[Problem, ...]:
    """The first ``limit`` problems, then one line counting the others."""
    if len(problems) <= limit:
        return tuple(problems)
    rest = problems[limit:]
    last = problems[limit - 1]
    errors = any(p.severity is Severity.ERROR for p in rest)
    values = (("count", f"{len(rest):,}"),)
    summary = Problem(
        last.path,
        last.line,
        last.column,
        english("loader.more_problems", values),
        Severity.ERROR if errors else Severity.WARNING,
        "loader.more_problems",
        values,
    )
    return (*problems[:limit], summary)


def _failure(path: str, message: str) -> Report:
    return Report(path, None, (Problem(path, 1, 1, message),))


# --- events to tree ---------------------------------------------------------------


def _compose(text: str, path: str, problems: list[Problem]) -> _Node | None:
    import yaml
    from yaml import events as ev

    loader_class = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    parser = loader_class(text)
    root: _Node | None = None
    # Each open collection, with the key waiting for its value when it is a mapping.
    stack: list[list[object]] = []
    keys_seen: list[dict[str, int]] = []
    documents = 0
    nodes = 0
    # Duplicate keys: counted all, described only up to MAX_PROBLEMS.
    duplicates = [0]

    def problem(line: int, column: int, message: str) -> None:
        problems.append(Problem(path, line + 1, column + 1, message))

    def keyed(line: int, column: int, key: str, values: tuple[tuple[str, str], ...]) -> None:
        problems.append(
            Problem(path, line + 1, column + 1, english(key, values), key=key, values=values)
        )

    def attach(node: _Node) -> None:
        nonlocal root, nodes
        nodes += 1
        if nodes > MAX_NODES:
            keyed(node.line, node.column, "loader.too_many_values", (("count", f"{MAX_NODES:,}"),))
            raise _Abort
        if not stack:
            root = node
            return
        top = stack[-1]
        container = top[0]
        if isinstance(container, _Seq):
            container.items.append(node)
        elif isinstance(container, _Map):
            if top[1] is None:
                if not isinstance(node, _Scalar):
                    problem(
                        node.line,
                        node.column,
                        f"a key must be plain text: lists and mappings as keys {_BLOCKING}",
                    )
                    node = _Scalar("", node.line, node.column, True)
                seen = keys_seen[-1]
                if node.value in seen:
                    duplicates[0] += 1
                    if duplicates[0] <= MAX_PROBLEMS:
                        values = (("name", _show(node.value)), ("line", str(seen[node.value])))
                        problems.append(
                            Problem(
                                path,
                                node.line + 1,
                                node.column + 1,
                                english("loader.duplicate_key", values),
                                key="loader.duplicate_key",
                                values=values,
                            )
                        )
                else:
                    seen[node.value] = node.line + 1
                top[1] = node
            else:
                key = top[1]
                assert isinstance(key, _Scalar)
                container.pairs.append((key, node))
                top[1] = None

    try:
        while parser.check_event():
            event = parser.get_event()
            kind = type(event)
            mark = event.start_mark
            if kind is ev.ScalarEvent:
                tag = event.tag
                if tag is not None and tag not in _STANDARD_TAGS:
                    problem(mark.line, mark.column, _tag_message(tag))
                plain = not event.style and tag is None
                attach(_Scalar(event.value, mark.line, mark.column, plain))
            elif kind is ev.MappingStartEvent or kind is ev.SequenceStartEvent:
                tag = event.tag
                if tag is not None and tag not in _STANDARD_TAGS:
                    problem(mark.line, mark.column, _tag_message(tag))
                if len(stack) >= MAX_DEPTH:
                    problem(
                        mark.line,
                        mark.column,
                        f"lists and mappings are nested more than {MAX_DEPTH} deep: "
                        "a bank needs only a few levels",
                    )
                    raise _Abort
                node: _Node = (
                    _Map(mark.line, mark.column)
                    if kind is ev.MappingStartEvent
                    else _Seq(mark.line, mark.column)
                )
                attach(node)
                stack.append([node, None])
                if kind is ev.MappingStartEvent:
                    keys_seen.append({})
            elif kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
                if isinstance(stack.pop()[0], _Map):
                    keys_seen.pop()
            elif kind is ev.AliasEvent:
                problem(
                    mark.line,
                    mark.column,
                    f"aliases (`*{_show(event.anchor or '')}`) are not allowed in a bank: "
                    "write the value out in full",
                )
                attach(_Scalar("", mark.line, mark.column, True))
            elif kind is ev.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    problem(
                        mark.line,
                        mark.column,
                        "a bank file holds one YAML document: remove this `---` "
                        "or put the second bank in a file of its own",
                    )
                    raise _Abort
    except _Abort:
        return None
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        line = before.count("\n")
        column = exc.position - (before.rfind("\n") + 1)
        character = exc.character if isinstance(exc.character, str) else chr(exc.character)
        problem(
            line,
            column,
            f"the character U+{ord(character):04X} is not allowed in a YAML file "
            "(control characters cannot be written in a bank)",
        )
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line, mark.column) if mark is not None else (0, 0)
        what = exc.problem or "invalid YAML"
        context = f" ({exc.context})" if exc.context else ""
        if "tab character" in what:
            what = "a tab is used to indent: YAML indents with spaces only"
            context = ""
        message = f"YAML syntax error: {what}{context}"
        opened = exc.context_mark.line if exc.context_mark is not None else None
        hint = explain(text, line, exc.problem or "", exc.context or "", opened)
        if hint is None:
            problem(line, column, message)
        else:
            problems.append(
                Problem(path, line + 1, column + 1, message, key=hint.key, values=hint.values)
            )
        return None
    except yaml.YAMLError as exc:
        problem(0, 0, f"YAML syntax error: {_show(str(exc), 200)}")
        return None
    finally:
        parser.dispose()
    if duplicates[0] > MAX_PROBLEMS:
        keyed(0, 0, "loader.duplicate_keys", (("count", f"{duplicates[0]:,}"),))
    return root


_BLOCKING = "are not allowed in a bank"
_UNBALANCED = "the cloze text has a `{{` or `}}` that does not close a blank"
# A format version is a small whole number: more digits than this is not one
# (and int() refuses over 4,300 digits).
_MAX_VERSION_DIGITS = 6


def _tag_message(tag: str) -> str:
    return (
        f"YAML tags such as `{_show(tag)}` {_BLOCKING}: it holds only plain "
        "text, numbers, lists and mappings"
    )


# --- tree to model ------------------------------------------------------------------


def _show(text: str, limit: int = 60) -> str:
    """Quote bank text inside a message: a short excerpt, controls made visible."""
    return excerpt(text, limit)


def _describe(node: _Node) -> str:
    if isinstance(node, _Map):
        return "a mapping"
    if isinstance(node, _Seq):
        return "a list"
    if node.plain and node.value == "":
        return "nothing"
    return f"`{_show(node.value)}`"


@functools.cache
def _fields_elsewhere(qtype: QuestionType) -> dict[str, str]:
    """The fields of other question types, with the types that have them (once per type)."""
    allowed = F.COMMON_FIELDS + F.TYPE_FIELDS[qtype]
    return {
        name: "it is a field of " + ", ".join(t.value for t in F.types_using(name)) + " questions"
        for name in F.all_question_fields()
        if name not in allowed
    }


def _kind(node: _Node) -> str:
    """What a node is, without quoting it."""
    if isinstance(node, _Map):
        return "a mapping"
    if isinstance(node, _Seq):
        return "a list"
    return "nothing" if node.plain and node.value == "" else "text"


def _place(node: _Node) -> str:
    return f"{node.line + 1}:{node.column + 1}"


def _slugify(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "my-id"


def _written_id(item: _Node) -> _Scalar | None:
    if not isinstance(item, _Map):
        return None
    found = next((v for k, v in item.pairs if k.value == "id"), None)
    return found if isinstance(found, _Scalar) and found.value.strip() else None


class _Converter:
    def __init__(self, path: str, base: Path | None, problems: list[Problem]) -> None:
        self.path = path
        self.base = base
        self.problems = problems
        # Problems of one kind in one question: how many, and the last one reported.
        self.repeats: dict[str, tuple[int, _Node, Severity]] = {}
        self.suggestions_left = MAX_SUGGESTIONS

    # reporting

    def error(self, node: _Node, message: str, kind: str | None = None) -> None:
        self.report(node, message, Severity.ERROR, kind)

    def warn(self, node: _Node, message: str, kind: str | None = None) -> None:
        self.report(node, message, Severity.WARNING, kind)

    def keyed(
        self,
        node: _Node,
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
        node: _Node,
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
                values = (("count", f"{count - MAX_REPEATS:,}"), ("what", kind))
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

    def text(self, node: _Node, what: str, kind: str | None = None) -> str | None:
        if not isinstance(node, _Scalar):
            self.keyed(node, "loader.not_text", kind, what=what, found=_describe(node))
            return None
        value = node.value.strip()
        if not value:
            self.keyed(node, "loader.empty", kind, what=what)
            return None
        bad = _CONTROL.search(value)
        if bad:
            self.error(
                node,
                f"{what} contains the control character U+{ord(bad.group()):04X}: "
                "terminal control codes are not allowed in bank text",
                kind,
            )
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

    def texts(self, node: _Node, what: str, *, single_ok: bool) -> tuple[str, ...] | None:
        if isinstance(node, _Scalar) and single_ok:
            value = self.text(node, what)
            return None if value is None else (value,)
        if not isinstance(node, _Seq):
            self.keyed(node, "loader.not_texts", what=what, found=_describe(node))
            return None
        values = [
            self.text(item, f"each entry of {what}", f"entries of {what}") for item in node.items
        ]
        if any(v is None for v in values):
            return None
        return tuple(v for v in values if v is not None)

    def unique_texts(self, node: _Node, what: str, minimum: int) -> tuple[str, ...] | None:
        """Choices or items: a list the learner picks from, each told apart by the grader."""
        if isinstance(node, _Seq) and len(node.items) > F.MAX_OPTIONS:
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
        assert isinstance(node, _Seq)
        if self.check_distinct(node, list(zip(node.items, values, strict=True)), what) is None:
            return None
        self.check_lookalikes(list(zip(node.items, values, strict=True)), what)
        return values

    def too_many(self, node: _Node, what: str, count: int) -> None:
        self.keyed(node, "loader.too_many", what=what, count=f"{count:,}", limit=str(F.MAX_OPTIONS))

    def check_distinct(
        self, node: _Node, entries: list[tuple[_Node, str]], what: str
    ) -> bool | None:
        """None, and an error on the list naming both places, when two entries are the
        same to the grader (see comparison.py)."""
        clash = first_indistinct([value for _, value in entries])
        if clash is None:
            return True
        (first_node, first), (second_node, second) = entries[clash[0]], entries[clash[1]]
        at, then = _place(first_node), _place(second_node)
        if first == second:
            self.keyed(node, "loader.twice", what=what, value=_show(first), first=at, second=then)
        else:
            self.keyed(
                node,
                "loader.indistinct",
                what=what,
                a=_show(first, 30),
                b=_show(second, 30),
                first=at,
                second=then,
            )
        return None

    def check_lookalikes(self, entries: list[tuple[_Node, str]], what: str) -> None:
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
                    word=_show(word, 30),
                )
        for first, second in lookalike_pairs([value for _, value in entries]):
            (first_node, a), (second_node, b) = entries[first], entries[second]
            self.keyed(
                second_node,
                "loader.lookalike",
                "look-alikes",
                Severity.WARNING,
                what=what,
                a=_show(a, 30),
                b=_show(b, 30),
                line=str(first_node.line + 1),
            )

    def check_unique(
        self, node: _Node, values: tuple[str, ...], what: str
    ) -> tuple[str, ...] | None:
        seen: set[str] = set()
        for value in values:
            if value in seen:
                self.keyed(node, "loader.twice_plain", what=what, value=_show(value))
                return None
            seen.add(value)
        return values

    def boolean(self, node: _Node, what: str) -> bool | None:
        if isinstance(node, _Scalar) and node.plain and node.value.lower() in ("true", "false"):
            return node.value.lower() == "true"
        self.keyed(node, "loader.not_boolean", what=what, found=_describe(node))
        return None

    def number(self, node: _Node, what: str) -> float | None:
        if isinstance(node, _Scalar):
            written = node.value.strip()
            if _NUMBER.match(written):
                value = float(written)
                if math.isfinite(value):
                    return value
                self.keyed(node, "loader.too_large", what=what, written=_show(written, 20))
                return None
            if re.fullmatch(r"[+-]?\d+,\d+", written):
                fixed = written.replace(",", ".")
                self.keyed(
                    node, "loader.decimal_comma", what=what, fixed=fixed, found=_show(written)
                )
                return None
        self.keyed(node, "loader.not_number", what=what, found=_describe(node))
        return None

    def points(self, node: _Node) -> float | None:
        value = self.number(node, "points")
        if value is not None and not F.MIN_POINTS <= value <= F.MAX_POINTS:
            written = node.value.strip() if isinstance(node, _Scalar) else ""
            self.keyed(
                node,
                "loader.points",
                low=f"{F.MIN_POINTS:g}",
                high=f"{F.MAX_POINTS:g}",
                written=_show(written, 20),
            )
            return None
        return value

    def date(self, node: _Node, what: str) -> dt.date | None:
        if isinstance(node, _Scalar) and _DATE.match(node.value.strip()):
            try:
                return dt.date.fromisoformat(node.value.strip())
            except ValueError:
                self.keyed(node, "loader.unreal_date", what=what, value=_show(node.value))
                return None
        self.keyed(node, "loader.not_date", what=what, found=_describe(node))
        return None

    def partial_date(self, node: _Node, what: str) -> PartialDate | None:
        written = node.value.strip() if isinstance(node, _Scalar) else ""
        if not _PARTIAL_DATE.match(written):
            self.keyed(node, "loader.not_partial_date", what=what, found=_describe(node))
            return None
        parts = [int(p) for p in written.split("-")]
        try:
            dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError:
            self.keyed(node, "loader.unreal_date", what=what, value=_show(written))
            return None
        return PartialDate(
            parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None
        )

    def draft(self, node: _Node, qid: str | None) -> bool | None:
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

    def slug(self, node: _Node, what: str) -> str | None:
        value = self.text(node, what)
        if value is None:
            return None
        if not _SLUG.match(value):
            self.keyed(node, "loader.slug", what=what, value=_show(value), like=_slugify(value))
            return None
        return value

    # mappings

    def fields(
        self,
        node: _Node,
        what: str,
        allowed: tuple[str, ...],
        required: tuple[str, ...],
        elsewhere: dict[str, str] | None = None,
    ) -> dict[str, _Node] | None:
        """The mapping's fields by name, after reporting unknown and missing ones."""
        if not isinstance(node, _Map):
            self.keyed(node, "loader.not_mapping", what=what, found=_describe(node))
            return None
        found: dict[str, _Node] = {}
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
                    name=_show(name),
                    what=what,
                    close=close,
                )
            else:
                known = ", ".join(allowed)
                self.keyed(
                    key,
                    "loader.unknown_field",
                    "unknown fields",
                    name=_show(name),
                    what=what,
                    known=known,
                )
        for name in required:
            if name not in found:
                self.keyed(node, "loader.missing", what=what, name=name)
        return found

    # the bank

    def bank(self, root: _Node) -> Bank | None:
        if not isinstance(root, _Map) or not any(k.value == "newsquiz" for k, _ in root.pairs):
            # Not a bank at all (a .env file, some other YAML): say so without
            # quoting any of it, since it may hold secrets.
            found = "a mapping without it" if isinstance(root, _Map) else _kind(root)
            self.keyed(root, "loader.not_a_bank", found=found)
            return None
        got = self.fields(root, "the bank", F.BANK_FIELDS, F.BANK_REQUIRED)
        assert got is not None
        version_node = got.get("newsquiz")
        if version_node is not None:
            written = version_node.value.strip() if isinstance(version_node, _Scalar) else ""
            if not _INTEGER.match(written) or len(written.lstrip("0")) > _MAX_VERSION_DIGITS:
                self.error(
                    version_node,
                    f"`newsquiz` is the format version and must be {FORMAT_VERSION} "
                    f"(digits 0-9), found {_describe(version_node)}",
                )
            elif int(written) != FORMAT_VERSION:
                self.error(
                    version_node,
                    f"this bank is written in format {int(written)}; this newsquiz reads "
                    f"format {FORMAT_VERSION}: upgrade newsquiz",
                )
        bank_id = self.slug(got["id"], "the bank id") if "id" in got else None
        title = self.text(got["title"], "the title") if "title" in got else None
        language = None
        if "language" in got:
            language = self.text(got["language"], "the language")
            if language is not None and not _LANGUAGE.match(language):
                self.error(
                    got["language"],
                    f"the language must be a language tag such as `fr` or `en`, found `{_show(language)}`",
                )
                language = None
            elif language is not None and (
                language.split("-")[0].lower() not in SUPPORTED_INTERFACE_LANGUAGES
            ):
                self.warn(
                    got["language"],
                    f"newsquiz has no interface in `{_show(language)}` yet: "
                    "learners will see English messages",
                )
        description = (
            self.text(got["description"], "the description") if "description" in got else None
        )
        as_of = self.date(got["as_of"], "as_of") if "as_of" in got else None
        source = self.source(got["source"]) if "source" in got else None
        tags = self.tags(got["tags"]) if "tags" in got else ()
        questions = self.questions(got["questions"], tags or ()) if "questions" in got else None
        labels = self.tag_labels(got["tag_labels"], questions) if "tag_labels" in got else {}
        if None in (bank_id, title, language, questions, tags, labels):
            return None
        assert bank_id is not None and title is not None and language is not None
        assert questions is not None and tags is not None
        return Bank(
            id=bank_id,
            title=title,
            language=language,
            description=description,
            as_of=as_of,
            source=source,
            tags=tags,
            questions=questions,
            path=self.path,
            tag_labels=labels or {},
        )

    def tag_labels(
        self, node: _Node, questions: tuple[Question, ...] | None
    ) -> dict[str, str] | None:
        """``tag_labels: {securite: Sécurité}``: how learners see each tag."""
        if not isinstance(node, _Map):
            self.error(node, f"tag_labels must map a tag to its label, found {_describe(node)}")
            return None
        used = {tag for question in questions or () for tag in question.tags}
        labels: dict[str, str] = {}
        for key, value in node.pairs:
            tag, label = self.text(key, "each tag of tag_labels"), self.text(value, "a tag label")
            if tag is None or label is None:
                return None
            if questions is not None and tag not in used:
                self.warn(key, f"tag_labels names `{_show(tag)}`, a tag no question has")
            labels[tag] = label
        return labels

    def tags(self, node: _Node) -> tuple[str, ...] | None:
        if isinstance(node, _Seq) and len(node.items) > F.MAX_TAGS:
            self.keyed(
                node, "loader.too_many_tags", count=f"{len(node.items):,}", limit=str(F.MAX_TAGS)
            )
            return None
        values = self.texts(node, "tags", single_ok=False)
        return None if values is None else tuple(dict.fromkeys(values))

    def source(self, node: _Node) -> Source | None:
        got = self.fields(node, "the source", F.SOURCE_FIELDS, ())
        if got is None:
            return None
        texts = {
            name: self.text(got[name], f"source.{name}")
            for name in ("title", "author", "outlet", "url", "file")
            if name in got
        }
        published = self.date(got["published"], "source.published") if "published" in got else None
        url = texts.get("url")
        if url is not None and not re.match(r"^https?://", url):
            self.keyed(got["url"], "loader.url", severity=Severity.WARNING)
        file = self.source_file(got["file"], texts.get("file")) if "file" in got else None
        return Source(
            title=texts.get("title"),
            author=texts.get("author"),
            outlet=texts.get("outlet"),
            published=published,
            url=url,
            file=file,
        )

    def source_file(self, node: _Node, written: str | None) -> str | None:
        """The source's file name, when it is a path beside the bank (see source_file.py)."""
        if written is None:
            return None
        problem = path_problem(written)
        if problem is not None:
            self.keyed(node, "loader.source_file", what=problem, written=_show(written, 40))
            return None
        warning = Severity.WARNING
        if leaves_folder(written):
            self.keyed(node, "loader.source_outside", None, warning, written=_show(written, 40))
        elif self.base is not None and not found_beside(written, self.base):
            self.keyed(node, "loader.source_missing", None, warning, written=_show(written, 40))
        return written

    def questions(self, node: _Node, bank_tags: tuple[str, ...]) -> tuple[Question, ...] | None:
        if not isinstance(node, _Seq):
            self.keyed(node, "loader.questions_not_list", found=_describe(node))
            return None
        if not node.items:
            self.keyed(node, "loader.no_questions")
            return None
        result: list[Question] = []
        first_line: dict[str, int] = {}
        failed = False
        for item in node.items:
            # The id is compared as written, before the question is checked, so that
            # a repeated id is reported together with every other problem.
            written = _written_id(item)
            if written is not None and written.value.strip() in first_line:
                line = str(first_line[written.value.strip()])
                self.keyed(item, "loader.duplicate_id", id=_show(written.value.strip()), line=line)
                failed = True
            elif written is not None:
                first_line[written.value.strip()] = item.line + 1
            question = self.question(item, bank_tags)
            if question is None:
                failed = True
                continue
            result.append(question)
        return None if failed else tuple(result)

    def question(self, node: _Node, bank_tags: tuple[str, ...]) -> Question | None:
        """One question; repeated problems of a kind are summed up per question."""
        self.close_repeats()
        try:
            return self.one_question(node, bank_tags)
        finally:
            self.close_repeats()

    def one_question(self, node: _Node, bank_tags: tuple[str, ...]) -> Question | None:
        if not isinstance(node, _Map):
            self.keyed(node, "loader.question_not_mapping", found=_describe(node))
            return None
        type_node = next((v for k, v in node.pairs if k.value == "type"), None)
        qtype: QuestionType | None = None
        if type_node is not None:
            written = type_node.value.strip() if isinstance(type_node, _Scalar) else ""
            try:
                qtype = QuestionType(written)
            except ValueError:
                names = ", ".join(t.value for t in QuestionType)
                close = self.suggest(written, [t.value for t in QuestionType])
                found = _describe(type_node)
                if close:
                    self.keyed(
                        type_node,
                        "loader.unknown_type_close",
                        found=found,
                        close=close,
                        names=names,
                    )
                else:
                    self.keyed(type_node, "loader.unknown_type", found=found, names=names)
        if qtype is None:
            allowed = F.all_question_fields()
            required: tuple[str, ...] = ("id", "type")
            what = "a question"
            elsewhere = None
        else:
            allowed = F.COMMON_FIELDS + F.TYPE_FIELDS[qtype]
            required = ("id", "type") + (() if qtype is QuestionType.CLOZE else ("prompt",))
            required += F.TYPE_REQUIRED[qtype]
            what = f"a {qtype.value} question"
            elsewhere = _fields_elsewhere(qtype)
        got = self.fields(node, what, allowed, required, elsewhere)
        if got is None:
            return None
        before = len(self.problems)
        qid = self.slug(got["id"], "the question id") if "id" in got else None
        prompt = self.text(got["prompt"], "the prompt") if "prompt" in got else ""
        explanation = (
            self.text(got["explanation"], "the explanation") if "explanation" in got else None
        )
        evidence = self.evidence(got["evidence"]) if "evidence" in got else ()
        context = self.text(got["context"], "the context") if "context" in got else None
        hint = self.text(got["hint"], "the hint") if "hint" in got else None
        own_tags = self.tags(got["tags"]) if "tags" in got else ()
        points = self.points(got["points"]) if "points" in got else 1.0
        as_of = self.date(got["as_of"], "as_of") if "as_of" in got else None
        draft = self.draft(got["draft"], qid) if "draft" in got else False
        if qtype is None:
            return None
        body = self.body(qtype, got)
        if "explanation" not in got and qid is not None:
            self.keyed(node, "loader.no_explanation", severity=Severity.WARNING, id=qid)
        settings = self.settings(got)
        if body is None or qid is None or prompt is None or settings is None:
            return None
        if any(p.severity is Severity.ERROR for p in self.problems[before:]):
            return None
        common = {
            "id": qid,
            "prompt": prompt or "",
            "explanation": explanation,
            "evidence": evidence or (),
            "context": context,
            "hint": hint,
            "tags": tuple(dict.fromkeys(bank_tags + (own_tags or ()))),
            "points": points,
            "as_of": as_of,
            "draft": bool(draft),
            "location": Location(self.path, node.line + 1, node.column + 1),
        }
        question = replace(body(common), **settings)
        if isinstance(question, DateQuestion) and question.tolerance is not None:
            problem = tolerance_problem(question.answer, question.tolerance)
            if problem is not None:
                self.error(got["tolerance"], problem)
                return None
        return question

    def settings(self, got: dict[str, _Node]) -> dict[str, Any] | None:
        """``partial`` (types with partial credit) and a date's ``tolerance``, when written."""
        found: dict[str, Any] = {}
        if "partial" in got:
            found["partial"] = self.boolean(got["partial"], "partial")
        type_node = got.get("type")
        is_date = isinstance(type_node, _Scalar) and type_node.value.strip() == "date"
        if "tolerance" in got and is_date:
            node = got["tolerance"]
            written = node.value if isinstance(node, _Scalar) else ""
            found["tolerance"] = parse_duration(written)
            if found["tolerance"] is None:
                self.error(
                    node,
                    "the tolerance of a date question is a duration such as `2 days`, "
                    f"`1 month` or `3 years`, found {_describe(node)}",
                )
        return None if None in found.values() else found

    def evidence(self, node: _Node) -> tuple[Evidence, ...] | None:
        """A quote, a quote with its translation, or a list of either."""
        items = node.items if isinstance(node, _Seq) else [node]
        if isinstance(node, _Seq) and not items:
            self.keyed(node, "loader.no_evidence")
            return None
        found = [self.evidence_entry(item, isinstance(node, _Seq)) for item in items]
        if any(entry is None for entry in found):
            return None
        return tuple(entry for entry in found if entry is not None)

    def evidence_entry(self, node: _Node, in_list: bool) -> Evidence | None:
        what = "each entry of evidence" if in_list else "evidence"
        if isinstance(node, _Scalar):
            quote = self.text(node, what)
            return None if quote is None else Evidence(quote)
        if not isinstance(node, _Map):
            self.error(
                node,
                f"{what} must be a quote, or a mapping with `quote` and `translation`, "
                f"found {_describe(node)}",
            )
            return None
        got = self.fields(node, f"{what}", F.EVIDENCE_FIELDS, F.EVIDENCE_REQUIRED)
        if got is None or "quote" not in got:
            return None
        quote = self.text(got["quote"], "the quote")
        translation = (
            self.text(got["translation"], "the translation") if "translation" in got else None
        )
        if quote is None or ("translation" in got and translation is None):
            return None
        return Evidence(quote, translation)

    def body(self, qtype: QuestionType, got: dict[str, _Node]) -> _Builder | None:
        if any(name not in got for name in F.TYPE_REQUIRED[qtype]):
            return None
        if qtype in (QuestionType.CHOICE, QuestionType.MULTI):
            choices = self.unique_texts(got["choices"], "choices", F.MIN_CHOICES)
            if choices is None:
                return None
            if qtype is QuestionType.CHOICE:
                answer = self.text(got["answer"], "the answer")
                if answer is None:
                    return None
                if answer not in choices:
                    listed = ", ".join("`" + _show(c, 30) + "`" for c in choices)
                    self.keyed(
                        got["answer"], "loader.not_a_choice", answer=_show(answer), choices=listed
                    )
                    return None
                answers: tuple[str, ...] = (answer,)
            else:
                found = self.texts(got["answer"], "the answer", single_ok=True)
                if found is None:
                    return None
                answers = found
                if not answers:
                    self.keyed(got["answer"], "loader.no_answer")
                    return None
                if self.check_unique(got["answer"], answers, "the answer") is None:
                    return None
                offered = set(choices)
                missing = [a for a in answers if a not in offered]
                if missing:
                    self.keyed(got["answer"], "loader.answer_not_choice", answer=_show(missing[0]))
                    return None
            feedback = self.feedback(got.get("feedback"), choices)
            if feedback is None:
                return None
            if qtype is QuestionType.CHOICE:
                return lambda c: ChoiceQuestion(
                    **c, choices=choices, answer=answers[0], feedback=feedback
                )
            return lambda c: MultiQuestion(**c, choices=choices, answers=answers, feedback=feedback)
        if qtype is QuestionType.TRUEFALSE:
            truth = self.boolean(got["answer"], "the answer of a truefalse question")
            if truth is None:
                return None
            return lambda c: TrueFalseQuestion(**c, answer=truth)
        if qtype is QuestionType.SHORT:
            text = self.text(got["answer"], "the answer")
            accept = self.texts(got["accept"], "accept", single_ok=True) if "accept" in got else ()
            exact = self.match_mode(got.get("match"))
            if text is None or accept is None or exact is None:
                return None
            strict: bool = exact
            return lambda c: ShortQuestion(**c, answer=text, accept=accept, exact=strict)
        if qtype is QuestionType.NUMBER:
            value = self.number(got["answer"], "the answer")
            tolerance = self.number(got["tolerance"], "tolerance") if "tolerance" in got else 0.0
            unit = self.text(got["unit"], "the unit") if "unit" in got else None
            if tolerance is not None and tolerance < 0:
                self.keyed(got["tolerance"], "loader.negative_tolerance")
                return None
            if value is None or tolerance is None or ("unit" in got and unit is None):
                return None
            return lambda c: NumberQuestion(**c, answer=value, tolerance=tolerance, unit=unit)
        if qtype is QuestionType.DATE:
            when = self.partial_date(got["answer"], "the answer")
            if when is None:
                return None
            return lambda c: DateQuestion(**c, answer=when)
        if qtype is QuestionType.ORDER:
            items = self.unique_texts(got["items"], "items", F.MIN_ORDER_ITEMS)
            if items is None:
                return None
            return lambda c: OrderQuestion(**c, items=items)
        if qtype is QuestionType.MATCH:
            pairs = self.pairs(got["pairs"])
            if pairs is None:
                return None
            distractors = self.distractors(got.get("distractors"), pairs)
            if distractors is None:
                return None
            return lambda c: MatchQuestion(**c, pairs=pairs, distractors=distractors)
        text_value = self.text(got["text"], "the cloze text")
        exact = self.match_mode(got.get("match"))
        if text_value is None or exact is None:
            return None
        segments = self.cloze(got["text"], text_value)
        if segments is None:
            return None
        return lambda c: ClozeQuestion(**c, text=text_value, segments=segments, exact=exact)

    def feedback(self, node: _Node | None, choices: tuple[str, ...]) -> dict[str, str] | None:
        if node is None:
            return {}
        if not isinstance(node, _Map):
            self.error(node, f"feedback must map a choice to its text, found {_describe(node)}")
            return None
        offered = set(choices)
        result: dict[str, str] = {}
        for key, value in node.pairs:
            choice = key.value.strip()
            if choice not in offered:
                self.unknown_feedback(key, choice, choices)
                continue
            text = self.text(value, f"the feedback for `{_show(choice, 30)}`", "feedback texts")
            if text is not None:
                result[choice] = text
        return result if len(result) == len(node.pairs) else None

    def unknown_feedback(self, key: _Scalar, choice: str, choices: tuple[str, ...]) -> None:
        kind = "feedback for texts that are not choices"
        close = self.suggest(choice, choices, kind=kind)
        hint = f": did you mean `{_show(close)}`?" if close else ""
        self.error(
            key, f"feedback is given for `{_show(choice)}`, which is not a choice{hint}", kind
        )

    def match_mode(self, node: _Node | None) -> bool | None:
        if node is None:
            return False
        if isinstance(node, _Scalar) and node.value.strip() in F.MATCH_MODES:
            return node.value.strip() == "exact"
        self.keyed(node, "loader.match_mode", found=_describe(node))
        return None

    def pairs(self, node: _Node) -> tuple[tuple[str, str], ...] | None:
        if not isinstance(node, _Map):
            self.error(node, f"pairs must be a mapping from left to right, found {_describe(node)}")
            return None
        if len(node.pairs) > F.MAX_OPTIONS:
            self.too_many(node, "pairs", len(node.pairs))
            return None
        lefts: list[tuple[_Node, str]] = []
        rights: list[tuple[_Node, str]] = []
        for key, value in node.pairs:
            left = self.text(key, "each left-hand entry of pairs")
            right = self.text(value, "each right-hand entry of pairs")
            if left is not None and right is not None:
                lefts.append((key, left))
                rights.append((value, right))
        if len(lefts) != len(node.pairs):
            return None
        if len(lefts) < F.MIN_MATCH_PAIRS:
            self.error(
                node, f"pairs needs at least {F.MIN_MATCH_PAIRS} entries, found {len(lefts)}"
            )
            return None
        if self.check_distinct(node, lefts, "the left-hand side of pairs") is None:
            return None
        if self.check_distinct(node, rights, "the right-hand side of pairs") is None:
            return None
        self.check_lookalikes(lefts, "the left-hand side of pairs")
        self.check_lookalikes(rights, "the right-hand side of pairs")
        return tuple((left, right) for (_, left), (_, right) in zip(lefts, rights, strict=True))

    def distractors(
        self, node: _Node | None, pairs: tuple[tuple[str, str], ...]
    ) -> tuple[str, ...] | None:
        if node is None:
            return ()
        if isinstance(node, _Seq) and len(node.items) > F.MAX_OPTIONS:
            self.too_many(node, "distractors", len(node.items))
            return None
        distractors = self.texts(node, "distractors", single_ok=True)
        if distractors is None:
            return None
        rights = {grader_key(right): right for _, right in pairs}
        clash = next((d for d in distractors if grader_key(d) in rights), None)
        if clash is None:
            return distractors
        right = rights[grader_key(clash)]
        if right == clash:
            self.keyed(node, "loader.distractor_is_right", value=_show(clash))
        else:
            self.keyed(
                node, "loader.distractor_indistinct", value=_show(clash, 30), right=_show(right, 30)
            )
        return None

    def cloze(self, node: _Node, text: str) -> tuple[str | Blank, ...] | None:
        found = split_cloze(text)
        if not isinstance(found, ClozeProblem):
            return found
        messages = {
            "unclosed": _UNBALANCED,
            "stray_close": _UNBALANCED,
            "nested": _UNBALANCED,
            "empty_answer": f"the blank `{{{{{_show(found.written, 30)}}}}}` has an empty answer",
            "no_blank": "the cloze text has no blank: write each answer as `{{answer}}`",
        }
        self.error(node, messages[found.kind])
        return None
