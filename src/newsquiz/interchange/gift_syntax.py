"""Moodle's GIFT format read as Moodle's own importer reads it (qformat_gift).

This module knows the syntax only: blocks separated by blank lines, ``//``
comments (with ``[id:…]`` and ``[tag:…]``), ``::title::``, the escapes, the
``[html]``-style markers, the answer section between the first ``{`` and the
first ``}``, general feedback after the last ``####``, and how each question
type splits its answers. What newsquiz makes of it is in :mod:`gift_import`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from functools import cached_property

from newsquiz.interchange.plaintext import clean, html_to_text, looks_like_html

# Escaped control characters stand for themselves: while parsing they are kept
# as private-use characters that no syntax rule looks at, then put back.
_ESCAPES = {
    ":": "\ue000",
    "#": "\ue001",
    "=": "\ue002",
    "{": "\ue003",
    "}": "\ue004",
    "~": "\ue005",
}
_NEWLINE = "\ue006"
_RESTORE = str.maketrans({v: k for k, v in _ESCAPES.items()} | {_NEWLINE: "\n"})
_PRIVATE = re.compile("[\ue000-\ue006]")
_WEIGHT = re.compile(r"^%(-?\d{1,3}(?:\.\d*)?)%")
_ID = re.compile(r"\[id:((?:\\]|[^\]\x00-\x1f])+)\]")
_TAG = re.compile(r"\[tag:((?:\\]|[^\]<>\x00-\x1f])+)\]")
_FORMATS = ("html", "moodle", "plain", "markdown")
_LABEL_SPAN = 1000
MISSING = "_____"


class Kind(str, Enum):
    DESCRIPTION = "description"
    ESSAY = "essay"
    NUMERICAL = "numerical"
    MULTICHOICE = "multichoice"
    MATCHING = "matching"
    TRUEFALSE = "truefalse"
    SHORTANSWER = "shortanswer"


@dataclass(frozen=True)
class Block:
    """The lines of one question: its first line number, comments, and the rest."""

    line: int
    comments: tuple[str, ...]
    text: str


@dataclass(frozen=True, kw_only=True)
class Answer:
    """One answer of the braces: its text, weight (1 is full credit) and feedback.

    Built by keyword: the text and the feedback are both text, and must not be swapped.
    """

    text: str
    weight: float
    feedback: str = ""


@dataclass(frozen=True)
class FromBlock:
    """What a block is read as: a question, a category or a broken question."""

    block: Block

    @property
    def line(self) -> int:
        """Where the block starts in the file."""
        return self.block.line


@dataclass(frozen=True)
class Parsed(FromBlock):
    """A question block as GIFT defines it, before newsquiz judges it."""

    kind: Kind
    title: str
    prompt: str
    around: tuple[str, str] | None  # the text before and after a missing word
    answers: tuple[Answer, ...]
    general_feedback: str
    single: bool = True

    @property
    def comments(self) -> tuple[str, ...]:
        return self.block.comments

    @cached_property
    def labels(self) -> tuple[str, tuple[str, ...]]:
        """The Moodle ``[id:…]`` and ``[tag:…]`` of its comments."""
        return comment_labels(self.block.comments)

    @property
    def idnumber(self) -> str:
        return self.labels[0]

    @property
    def tags(self) -> tuple[str, ...]:
        return self.labels[1]


@dataclass(frozen=True)
class Category(FromBlock):
    """A ``$CATEGORY:`` line: the questions after it are filed under ``path``."""

    path: str


@dataclass(frozen=True)
class Broken(FromBlock):
    """A block Moodle refuses too (a brace without its pair)."""

    title: str


def blocks(text: str) -> Iterator[Block]:
    """Blocks of lines separated by blank lines; lines are trimmed, as Moodle does."""
    current: list[str] = []
    comments: list[str] = []
    first = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            if current:
                yield Block(first, tuple(comments), "\n".join(current))
            current, comments, first = [], [], 0
            continue
        if line.startswith("//"):
            comments.append(line)
            continue
        if line.startswith("$CATEGORY:"):
            # On a line of its own: what follows it in the block is a question
            # (Moodle would fold it into the category's name).
            if current:
                yield Block(first, tuple(comments), "\n".join(current))
            yield Block(number, (), line)
            current, comments, first = [], [], 0
            continue
        if not current:
            first = number
        current.append(line)
    if current:
        yield Block(first, tuple(comments), "\n".join(current))


def protect(text: str) -> str:
    """Escaped characters to placeholders, in one pass (``\\\\`` is a backslash)."""
    text = _PRIVATE.sub("", text)
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        following = text[index + 1] if index + 1 < len(text) else ""
        if char == "\\" and following == "\\":
            out.append("\\")
            index += 2
        elif char == "\\" and following in _ESCAPES:
            out.append(_ESCAPES[following])
            index += 2
        elif char == "\\" and following == "n":
            out.append(_NEWLINE)
            index += 2
        else:
            out.append(char)
            index += 1
    return "".join(out)


def restore(text: str) -> str:
    return text.translate(_RESTORE)


def formatted(text: str, default: str = "moodle") -> tuple[str, str]:
    """Plain text from a part of a question, and the format it was written in."""
    text = text.strip()
    fmt = default
    if text.startswith("["):
        end = text.find("]")
        name = text[1:end] if end > 0 else ""
        if name in _FORMATS:
            fmt, text = name, text[end + 1 :]
    text = restore(text).strip()
    if fmt != "plain" and looks_like_html(text):
        text = html_to_text(text)
    return clean(text), fmt


def comment_labels(comments: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The ``[id:…]`` and ``[tag:…]`` that Moodle reads in a question's comments."""
    # Labels are short: looking at the start of each line keeps the search linear.
    joined = "\n".join(line[:_LABEL_SPAN] for line in comments)
    found = _ID.search(joined)
    idnumber = found.group(1).replace("\\]", "]").strip() if found else ""
    tags = tuple(m.group(1).replace("\\]", "]").strip() for m in _TAG.finditer(joined))
    return idnumber, tuple(t for t in tags if t)


def parse_block(block: Block) -> Parsed | Category | Broken | None:
    text = protect(block.text).strip()
    if not text:
        return None
    if text.startswith("$CATEGORY:"):
        return Category(block, restore(text[len("$CATEGORY:") :]).strip())
    title = ""
    if text.startswith("::"):
        end = text.find("::", 2)
        if end >= 0:
            title = clean(restore(text[2:end]))
            text = text[end + 2 :].strip()
        else:
            text = text[2:]  # as Moodle does: an unclosed title is no title
    start, finish = text.find("{"), text.find("}")
    if start < 0 and finish < 0:
        prompt, fmt = formatted(text)
        return Parsed(block, Kind.DESCRIPTION, title, prompt, None, (), "")
    if start < 0 or finish < start:
        return Broken(block, title)
    answer_text = text[start + 1 : finish].strip()
    before, after = text[:start], text[finish + 1 :]
    general = ""
    separator = answer_text.rfind("####")
    if separator >= 0:
        general = answer_text[separator + 4 :]
        answer_text = answer_text[:separator].strip()
    missing = not text.endswith("}")
    raw_prompt = before + MISSING + after if missing else before
    prompt, fmt = formatted(raw_prompt)
    general_text, _ = formatted(general, fmt)
    kind = _kind(answer_text)
    answers, single = _answers(kind, answer_text, fmt)
    if missing:
        # The parts around the blank, for questions that become a cloze.
        before_text = formatted(before)[0] + (" " if before[-1:].isspace() else "")
        after_text = (" " if after[:1].isspace() else "") + formatted(after, fmt)[0]
        return Parsed(
            block, kind, title, prompt, (before_text, after_text), answers, general_text, single
        )
    return Parsed(block, kind, title, prompt, None, answers, general_text, single)


def _kind(answer_text: str) -> Kind:
    """Moodle's order of tests: empty, ``#``, ``~``, ``=`` with ``->``, T/F, else short."""
    if not answer_text:
        return Kind.ESSAY
    if answer_text.startswith("#"):
        return Kind.NUMERICAL
    if "~" in answer_text:
        return Kind.MULTICHOICE
    if "=" in answer_text and "->" in answer_text:
        return Kind.MATCHING
    head = answer_text.split("#", 1)[0].strip()
    if head in ("T", "TRUE", "F", "FALSE"):
        return Kind.TRUEFALSE
    return Kind.SHORTANSWER


def _answers(kind: Kind, answer_text: str, fmt: str) -> tuple[tuple[Answer, ...], bool]:
    if kind is Kind.MULTICHOICE:
        parts = answer_text.replace("=", "~=").split("~")
        answers = tuple(_answer(p, fmt, marked=1.0, default=0.0) for p in parts if p.strip())
        return answers, "=" in answer_text
    if kind is Kind.SHORTANSWER:
        parts = answer_text.split("=")
        return tuple(_answer(p, fmt, default=1.0) for p in parts if p.strip()), True
    if kind is Kind.NUMERICAL:
        return _numerical(answer_text[1:], fmt), True
    if kind is Kind.TRUEFALSE:
        bits = [*answer_text.split("#", 2), "", ""]
        truth = bits[0].strip() in ("T", "TRUE")
        wrong, right = formatted(bits[1], fmt)[0], formatted(bits[2], fmt)[0]
        right_answer = Answer(text="TRUE" if truth else "FALSE", weight=1.0, feedback=right)
        return (right_answer, Answer(text="", weight=0.0, feedback=wrong)), True
    if kind is Kind.MATCHING:
        parts = answer_text.split("=")
        return tuple(_pair(p, fmt) for p in parts if p.strip()), True
    return (), True


def _answer(part: str, fmt: str, *, default: float, marked: float | None = None) -> Answer:
    part = part.strip()
    weight = default
    if marked is not None and part.startswith("="):
        weight, part = marked, part[1:]
    else:
        found = _WEIGHT.match(part)
        if found:
            weight, part = float(found.group(1)) / 100, part[found.end() :]
    text, _, feedback = part.partition("#")
    return Answer(text=formatted(text, fmt)[0], weight=weight, feedback=formatted(feedback, fmt)[0])


def _numerical(answer_text: str, fmt: str) -> tuple[Answer, ...]:
    wrong_feedback = ""
    tilde = answer_text.find("~")
    if tilde >= 0:
        wrong_feedback = answer_text[tilde + 1 :].lstrip("#")
        answer_text = answer_text[:tilde]
    answers = [_answer(p, fmt, default=1.0) for p in answer_text.split("=") if p.strip()]
    if tilde >= 0:
        answers.append(Answer(text="*", weight=0.0, feedback=formatted(wrong_feedback, fmt)[0]))
    return tuple(answers)


def _pair(part: str, fmt: str) -> Answer:
    """A matching pair as an answer whose text is ``left`` and feedback ``right``."""
    left, arrow, right = part.partition("->")
    if not arrow:
        return Answer(text=formatted(part, fmt)[0], weight=-1.0)
    return Answer(text=formatted(left, fmt)[0], weight=1.0, feedback=clean(restore(right).strip()))
