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
import difflib
import math
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from newsquiz import fields as F
from newsquiz.diagnostics import BankError, Problem, Severity
from newsquiz.model import (
    FORMAT_VERSION,
    Bank,
    Blank,
    ChoiceQuestion,
    ClozeQuestion,
    DateQuestion,
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

MAX_BANK_BYTES = F.MAX_BANK_BYTES
MAX_DEPTH = 32
SUPPORTED_INTERFACE_LANGUAGES = ("fr", "en")

# C0 and C1 controls other than tab and newline, and DEL: ESC starts ANSI/OSC
# sequences that rich passes straight to the terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SLUG = re.compile(F.SLUG_PATTERN)
_LANGUAGE = re.compile(F.LANGUAGE_PATTERN)
_PARTIAL_DATE = re.compile(F.PARTIAL_DATE_PATTERN)
_DATE = re.compile(F.DATE_PATTERN)
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
_INTEGER = re.compile(r"^\d+$")
_BLANK = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
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


@dataclass(frozen=True)
class Report:
    """What reading one bank found: the bank when it loaded, and every problem."""

    path: str
    bank: Bank | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)


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
    shown = shown_as or str(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except IsADirectoryError:
        return _failure(shown, "is a folder, not a bank file")
    except FileNotFoundError:
        return _failure(shown, "no such file")
    except OSError as exc:
        return _failure(shown, f"cannot be read: {exc.strerror or exc}")
    return read_bank_data(data, path, shown_as=shown, max_bytes=max_bytes)


def read_bank_data(
    data: bytes, path: str | Path, *, shown_as: str | None = None, max_bytes: int = MAX_BANK_BYTES
) -> Report:
    """Check the bytes of a bank file read by the caller (the bank cache hashes what it parses)."""
    shown = shown_as or str(path)
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
    problems: list[Problem] = []
    root = _compose(text, path, problems)
    if root is None:
        if not problems:
            problems.append(
                Problem(path, 1, 1, "the file is empty: a bank starts with `newsquiz: 1`")
            )
        return Report(path, None, tuple(problems))
    if any(_BLOCKING in p.message for p in problems):
        # Aliases or tags were refused: converting the rest would only add noise.
        # (Duplicate keys do not stop the check: the rest is still worth reporting.)
        return Report(path, None, tuple(problems))
    converter = _Converter(path, base, problems)
    bank = converter.bank(root)
    has_errors = any(p.severity is Severity.ERROR for p in problems)
    ordered = tuple(sorted(problems, key=lambda p: (p.line, p.column)))
    return Report(path, None if has_errors else bank, ordered)


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

    def problem(line: int, column: int, message: str) -> None:
        problems.append(Problem(path, line + 1, column + 1, message))

    def attach(node: _Node) -> None:
        nonlocal root
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
                    problem(
                        node.line,
                        node.column,
                        f"duplicate key `{_show(node.value)}` (first written at line "
                        f"{seen[node.value]}): YAML would silently keep only the last one",
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
        problem(line, column, f"YAML syntax error: {what}{context}")
        return None
    except yaml.YAMLError as exc:
        problem(0, 0, f"YAML syntax error: {_show(str(exc), 200)}")
        return None
    finally:
        parser.dispose()
    return root


_BLOCKING = "are not allowed in a bank"


def _tag_message(tag: str) -> str:
    return (
        f"YAML tags such as `{_show(tag)}` {_BLOCKING}: it holds only plain "
        "text, numbers, lists and mappings"
    )


# --- tree to model ------------------------------------------------------------------


def _show(text: str, limit: int = 60) -> str:
    """Quote bank text inside a message without letting control characters through."""
    cleaned = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    if len(cleaned) > limit:
        cleaned = cleaned[: limit - 1] + "…"
    return cleaned


def _describe(node: _Node) -> str:
    if isinstance(node, _Map):
        return "a mapping"
    if isinstance(node, _Seq):
        return "a list"
    if node.plain and node.value == "":
        return "nothing"
    return f"`{_show(node.value)}`"


def _slugify(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "my-id"


class _Converter:
    def __init__(self, path: str, base: Path | None, problems: list[Problem]) -> None:
        self.path = path
        self.base = base
        self.problems = problems

    # reporting

    def error(self, node: _Node, message: str) -> None:
        self.problems.append(Problem(self.path, node.line + 1, node.column + 1, message))

    def warn(self, node: _Node, message: str) -> None:
        self.problems.append(
            Problem(self.path, node.line + 1, node.column + 1, message, Severity.WARNING)
        )

    # scalars

    def text(self, node: _Node, what: str) -> str | None:
        if not isinstance(node, _Scalar):
            self.error(node, f"{what} must be text, found {_describe(node)}")
            return None
        value = node.value.strip()
        if not value:
            self.error(node, f"{what} is empty: write it, or remove the field")
            return None
        bad = _CONTROL.search(value)
        if bad:
            self.error(
                node,
                f"{what} contains the control character U+{ord(bad.group()):04X}: "
                "terminal control codes are not allowed in bank text",
            )
            return None
        return value

    def texts(self, node: _Node, what: str, *, single_ok: bool) -> tuple[str, ...] | None:
        if isinstance(node, _Scalar) and single_ok:
            value = self.text(node, what)
            return None if value is None else (value,)
        if not isinstance(node, _Seq):
            self.error(node, f"{what} must be a list of texts, found {_describe(node)}")
            return None
        values = [self.text(item, f"each entry of {what}") for item in node.items]
        if any(v is None for v in values):
            return None
        return tuple(v for v in values if v is not None)

    def unique_texts(self, node: _Node, what: str, minimum: int) -> tuple[str, ...] | None:
        values = self.texts(node, what, single_ok=False)
        if values is None:
            return None
        if len(values) < minimum:
            self.error(node, f"{what} needs at least {minimum} entries, found {len(values)}")
            return None
        return self.check_unique(node, values, what)

    def check_unique(
        self, node: _Node, values: tuple[str, ...], what: str
    ) -> tuple[str, ...] | None:
        seen: set[str] = set()
        for value in values:
            if value in seen:
                self.error(node, f"{what} lists `{_show(value)}` twice")
                return None
            seen.add(value)
        return values

    def boolean(self, node: _Node, what: str) -> bool | None:
        if isinstance(node, _Scalar) and node.plain and node.value.lower() in ("true", "false"):
            return node.value.lower() == "true"
        self.error(node, f"{what} must be true or false, found {_describe(node)}")
        return None

    def number(self, node: _Node, what: str) -> float | None:
        if isinstance(node, _Scalar):
            written = node.value.strip()
            if _NUMBER.match(written):
                value = float(written)
                if math.isfinite(value):
                    return value
            if re.fullmatch(r"[+-]?\d+,\d+", written):
                self.error(
                    node,
                    f"{what} must be a number written with a decimal point, "
                    f"like `{written.replace(',', '.')}`, found `{_show(written)}`",
                )
                return None
        self.error(node, f"{what} must be a number, found {_describe(node)}")
        return None

    def date(self, node: _Node, what: str) -> dt.date | None:
        if isinstance(node, _Scalar) and _DATE.match(node.value.strip()):
            try:
                return dt.date.fromisoformat(node.value.strip())
            except ValueError:
                self.error(node, f"{what} `{_show(node.value)}` is not a real date")
                return None
        self.error(node, f"{what} must be a date written YYYY-MM-DD, found {_describe(node)}")
        return None

    def partial_date(self, node: _Node, what: str) -> PartialDate | None:
        written = node.value.strip() if isinstance(node, _Scalar) else ""
        if not _PARTIAL_DATE.match(written):
            self.error(
                node,
                f"{what} must be a date written YYYY, YYYY-MM or YYYY-MM-DD, "
                f"found {_describe(node)}",
            )
            return None
        parts = [int(p) for p in written.split("-")]
        try:
            dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError:
            self.error(node, f"{what} `{_show(written)}` is not a real date")
            return None
        return PartialDate(
            parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None
        )

    def slug(self, node: _Node, what: str) -> str | None:
        value = self.text(node, what)
        if value is None:
            return None
        if not _SLUG.match(value):
            self.error(
                node,
                f"{what} `{_show(value)}` must be lowercase letters, digits and hyphens, "
                f"like `{_slugify(value)}`",
            )
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
            self.error(node, f"{what} must be a mapping of fields, found {_describe(node)}")
            return None
        found: dict[str, _Node] = {}
        for key, value in node.pairs:
            name = key.value
            if name in allowed:
                found[name] = value
                continue
            if elsewhere and name in elsewhere:
                self.error(key, f"`{name}` does not belong to {what} ({elsewhere[name]})")
                continue
            close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.7)
            hint = (
                f": did you mean `{close[0]}`?"
                if close
                else f" (known fields: {', '.join(allowed)})"
            )
            self.error(key, f"unknown field `{_show(name)}` in {what}{hint}")
        for name in required:
            if name not in found:
                self.error(node, f"{what} is missing the required field `{name}`")
        return found

    # the bank

    def bank(self, root: _Node) -> Bank | None:
        if not isinstance(root, _Map):
            self.error(
                root,
                f"a bank is a mapping of fields starting with `newsquiz: 1`, found {_describe(root)}",
            )
            return None
        got = self.fields(root, "the bank", F.BANK_FIELDS, F.BANK_REQUIRED)
        assert got is not None
        version_node = got.get("newsquiz")
        if version_node is not None:
            written = version_node.value.strip() if isinstance(version_node, _Scalar) else ""
            if not _INTEGER.match(written):
                self.error(
                    version_node,
                    f"`newsquiz` is the format version and must be {FORMAT_VERSION}, "
                    f"found {_describe(version_node)}",
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
        if None in (bank_id, title, language, questions, tags):
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
        )

    def tags(self, node: _Node) -> tuple[str, ...] | None:
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
            self.warn(got["url"], "source.url should start with https:// or http://")
        file = texts.get("file")
        if file is not None and self.base is not None and not (self.base / file).is_file():
            self.warn(got["file"], f"source.file `{_show(file)}` was not found next to the bank")
        return Source(
            title=texts.get("title"),
            author=texts.get("author"),
            outlet=texts.get("outlet"),
            published=published,
            url=url,
            file=file,
        )

    def questions(self, node: _Node, bank_tags: tuple[str, ...]) -> tuple[Question, ...] | None:
        if not isinstance(node, _Seq):
            self.error(node, f"questions must be a list of questions, found {_describe(node)}")
            return None
        if not node.items:
            self.error(node, "questions is empty: a bank needs at least one question")
            return None
        result: list[Question] = []
        first_line: dict[str, int] = {}
        failed = False
        for item in node.items:
            question = self.question(item, bank_tags)
            if question is None:
                failed = True
                continue
            if question.id in first_line:
                self.error(
                    item,
                    f"question id `{question.id}` is already used at line {first_line[question.id]}: "
                    "progress is kept by id, so each must be different",
                )
                failed = True
                continue
            first_line[question.id] = item.line + 1
            result.append(question)
        return None if failed else tuple(result)

    def question(self, node: _Node, bank_tags: tuple[str, ...]) -> Question | None:
        if not isinstance(node, _Map):
            self.error(node, f"each question must be a mapping of fields, found {_describe(node)}")
            return None
        type_node = next((v for k, v in node.pairs if k.value == "type"), None)
        qtype: QuestionType | None = None
        if type_node is not None:
            written = type_node.value.strip() if isinstance(type_node, _Scalar) else ""
            try:
                qtype = QuestionType(written)
            except ValueError:
                names = [t.value for t in QuestionType]
                close = difflib.get_close_matches(written, names, n=1, cutoff=0.6)
                suggestion = f": did you mean `{close[0]}`?" if close else ""
                self.error(
                    type_node,
                    f"unknown question type {_describe(type_node)}{suggestion} "
                    f"(one of: {', '.join(names)})",
                )
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
            elsewhere = {
                name: "it is a field of "
                + ", ".join(t.value for t in F.types_using(name))
                + " questions"
                for name in F.all_question_fields()
                if name not in allowed
            }
        got = self.fields(node, what, allowed, required, elsewhere)
        if got is None:
            return None
        before = len(self.problems)
        qid = self.slug(got["id"], "the question id") if "id" in got else None
        prompt = self.text(got["prompt"], "the prompt") if "prompt" in got else ""
        explanation = (
            self.text(got["explanation"], "the explanation") if "explanation" in got else None
        )
        evidence = (
            self.texts(got["evidence"], "evidence", single_ok=True) if "evidence" in got else ()
        )
        hint = self.text(got["hint"], "the hint") if "hint" in got else None
        own_tags = self.tags(got["tags"]) if "tags" in got else ()
        points = 1.0
        if "points" in got:
            value = self.number(got["points"], "points")
            if value is not None and value <= 0:
                self.error(
                    got["points"],
                    f"points must be more than 0, found `{_show(got['points'].value if isinstance(got['points'], _Scalar) else '')}`",
                )
            elif value is not None:
                points = value
        as_of = self.date(got["as_of"], "as_of") if "as_of" in got else None
        if qtype is None:
            return None
        body = self.body(qtype, got)
        if "explanation" not in got and qid is not None:
            self.warn(
                node,
                f"question `{qid}` has no explanation: learners will see the answer but not why",
            )
        if body is None or qid is None or prompt is None:
            return None
        if any(p.severity is Severity.ERROR for p in self.problems[before:]):
            return None
        common = {
            "id": qid,
            "prompt": prompt or "",
            "explanation": explanation,
            "evidence": evidence or (),
            "hint": hint,
            "tags": tuple(dict.fromkeys(bank_tags + (own_tags or ()))),
            "points": points,
            "as_of": as_of,
            "location": Location(self.path, node.line + 1, node.column + 1),
        }
        return body(common)

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
                    self.error(
                        got["answer"],
                        f"the answer `{_show(answer)}` is not one of the choices "
                        f"({', '.join('`' + _show(c, 30) + '`' for c in choices)})",
                    )
                    return None
                answers: tuple[str, ...] = (answer,)
            else:
                found = self.texts(got["answer"], "the answer", single_ok=True)
                if found is None:
                    return None
                answers = found
                if not answers:
                    self.error(got["answer"], "the answer must name at least one of the choices")
                    return None
                if self.check_unique(got["answer"], answers, "the answer") is None:
                    return None
                missing = [a for a in answers if a not in choices]
                if missing:
                    self.error(
                        got["answer"],
                        f"the answer `{_show(missing[0])}` is not one of the choices",
                    )
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
                self.error(got["tolerance"], "tolerance must be 0 or more")
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
            distractors = (
                self.texts(got["distractors"], "distractors", single_ok=True)
                if "distractors" in got
                else ()
            )
            if pairs is None or distractors is None:
                return None
            rights = {right for _, right in pairs}
            clash = [d for d in distractors if d in rights]
            if clash:
                self.error(
                    got["distractors"],
                    f"the distractor `{_show(clash[0])}` is also a right answer in pairs",
                )
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
        result: dict[str, str] = {}
        for key, value in node.pairs:
            choice = key.value.strip()
            if choice not in choices:
                close = difflib.get_close_matches(choice, choices, n=1, cutoff=0.6)
                hint = f": did you mean `{_show(close[0])}`?" if close else ""
                self.error(
                    key, f"feedback is given for `{_show(choice)}`, which is not a choice{hint}"
                )
                continue
            text = self.text(value, f"the feedback for `{_show(choice, 30)}`")
            if text is not None:
                result[choice] = text
        return result if len(result) == len(node.pairs) else None

    def match_mode(self, node: _Node | None) -> bool | None:
        if node is None:
            return False
        if isinstance(node, _Scalar) and node.value.strip() in F.MATCH_MODES:
            return node.value.strip() == "exact"
        self.error(node, f"match must be `lenient` or `exact`, found {_describe(node)}")
        return None

    def pairs(self, node: _Node) -> tuple[tuple[str, str], ...] | None:
        if not isinstance(node, _Map):
            self.error(node, f"pairs must be a mapping from left to right, found {_describe(node)}")
            return None
        result: list[tuple[str, str]] = []
        for key, value in node.pairs:
            left = self.text(key, "each left-hand entry of pairs")
            right = self.text(value, "each right-hand entry of pairs")
            if left is not None and right is not None:
                result.append((left, right))
        if len(result) != len(node.pairs):
            return None
        if len(result) < F.MIN_MATCH_PAIRS:
            self.error(
                node, f"pairs needs at least {F.MIN_MATCH_PAIRS} entries, found {len(result)}"
            )
            return None
        rights = [right for _, right in result]
        if self.check_unique(node, tuple(rights), "the right-hand side of pairs") is None:
            return None
        return tuple(result)

    def cloze(self, node: _Node, text: str) -> tuple[str | Blank, ...] | None:
        segments: list[str | Blank] = []
        position = 0
        for found in _BLANK.finditer(text):
            segments.append(text[position : found.start()])
            answers = tuple(a.strip() for a in found.group(1).split("|"))
            if not all(answers):
                self.error(
                    node,
                    f"the blank `{{{{{_show(found.group(1), 30)}}}}}` has an empty answer",
                )
                return None
            segments.append(Blank(answers))
            position = found.end()
        segments.append(text[position:])
        if not any(isinstance(s, Blank) for s in segments):
            self.error(node, "the cloze text has no blank: write each answer as `{{answer}}`")
            return None
        if any(isinstance(s, str) and ("{{" in s or "}}" in s) for s in segments):
            self.error(node, "the cloze text has a `{{` or `}}` that does not close a blank")
            return None
        return tuple(s for s in segments if not (isinstance(s, str) and s == ""))


def iter_bank_files(root: Path) -> Iterator[Path]:
    """The bank files in a folder, in a stable order."""
    yield from sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
