"""The question bank as plain immutable data.

Nothing here reads files, prints or prompts: the loader builds these objects,
grading reads them, the interface shows them.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import ClassVar, NoReturn

if sys.version_info >= (3, 11):
    from typing import assert_never
else:  # pragma: no cover - Python 3.10

    def assert_never(value: NoReturn) -> NoReturn:
        raise AssertionError(f"unhandled value: {value!r}")


FORMAT_VERSION = 1

# Every dataclass here has a docstring: without one, `dataclass` computes one
# from the signature (inspect.signature), which costs start-up time.


class QuestionType(str, Enum):
    CHOICE = "choice"
    MULTI = "multi"
    TRUEFALSE = "truefalse"
    SHORT = "short"
    NUMBER = "number"
    DATE = "date"
    ORDER = "order"
    MATCH = "match"
    CLOZE = "cloze"


class DatePrecision(str, Enum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day.

    The precision a teacher writes (``2021``, ``2021-08``, ``2021-08-14``) is the
    precision asked of the learner.
    """

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> DatePrecision:
        if self.day is not None:
            return DatePrecision.DAY
        if self.month is not None:
            return DatePrecision.MONTH
        return DatePrecision.YEAR

    def isoformat(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


@dataclass(frozen=True)
class Duration:
    """A span of whole days, months or years (``2 days``, ``1 month``, ``3 years``)."""

    amount: int
    unit: DatePrecision


@dataclass(frozen=True)
class Source:
    """Where the questions come from: the article, its outlet and date."""

    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    file: str | None = None


@dataclass(frozen=True)
class Evidence:
    """A quote from the source that proves the answer, word for word.

    ``translation`` is shown beside the quote when the source is in another
    language than the bank; the quote itself stays as the source wrote it.
    """

    quote: str
    translation: str | None = None


@dataclass(frozen=True)
class Location:
    """Where something stands in a bank file (1-based line and column)."""

    path: str
    line: int
    column: int


@dataclass(frozen=True, kw_only=True)
class QuestionBase:
    """What every question type has. Subclasses add the type's own fields."""

    type: ClassVar[QuestionType]

    id: str
    prompt: str
    explanation: str | None = None
    evidence: tuple[Evidence, ...] = ()
    # Background the source does not state: shown apart, never counted as evidence.
    context: str | None = None
    hint: str | None = None
    tags: tuple[str, ...] = ()
    points: float = 1.0
    as_of: dt.date | None = None
    # Written by `newsquiz new`: not yet checked by a teacher.
    draft: bool = False
    location: Location | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        # A bare quote is the common case: accept it as a quote without translation.
        quotes = tuple(Evidence(e) if isinstance(e, str) else e for e in self.evidence)
        object.__setattr__(self, "evidence", quotes)
        # Per-choice feedback (choice and multi) is a mapping: the question keeps a
        # read-only copy, so a frozen question cannot change behind the bank's back.
        feedback = getattr(self, "feedback", None)
        if isinstance(feedback, dict):
            object.__setattr__(self, "feedback", MappingProxyType(dict(feedback)))


@dataclass(frozen=True, kw_only=True)
class ChoiceQuestion(QuestionBase):
    """One right answer among the choices."""

    type: ClassVar[QuestionType] = QuestionType.CHOICE
    choices: tuple[str, ...]
    answer: str
    feedback: Mapping[str, str] = field(default_factory=dict, hash=False)


@dataclass(frozen=True, kw_only=True)
class MultiQuestion(QuestionBase):
    """Every right answer among the choices (select all that apply)."""

    type: ClassVar[QuestionType] = QuestionType.MULTI
    choices: tuple[str, ...]
    answers: tuple[str, ...]
    feedback: Mapping[str, str] = field(default_factory=dict, hash=False)
    partial: bool = True
    """False: all or nothing, no credit for some of the right choices."""


@dataclass(frozen=True, kw_only=True)
class TrueFalseQuestion(QuestionBase):
    """A statement to judge true or false."""

    type: ClassVar[QuestionType] = QuestionType.TRUEFALSE
    answer: bool


@dataclass(frozen=True, kw_only=True)
class ShortQuestion(QuestionBase):
    """A short typed answer, or one of the accepted variants."""

    type: ClassVar[QuestionType] = QuestionType.SHORT
    answer: str
    accept: tuple[str, ...] = ()
    exact: bool = False


@dataclass(frozen=True, kw_only=True)
class NumberQuestion(QuestionBase):
    """A typed number, right within the tolerance."""

    type: ClassVar[QuestionType] = QuestionType.NUMBER
    answer: float
    tolerance: float = 0.0
    unit: str | None = None


@dataclass(frozen=True, kw_only=True)
class DateQuestion(QuestionBase):
    """A typed date, to the precision the answer is written with."""

    type: ClassVar[QuestionType] = QuestionType.DATE
    answer: PartialDate
    tolerance: Duration | None = None
    """Within this of the answer, full credit; beyond it, the default rule."""
    partial: bool = True
    """False: no half credit for the right month (or year) with a wrong day (or month)."""


@dataclass(frozen=True, kw_only=True)
class OrderQuestion(QuestionBase):
    """The items, written in the right order, to put back in order."""

    type: ClassVar[QuestionType] = QuestionType.ORDER
    items: tuple[str, ...]
    partial: bool = True


@dataclass(frozen=True, kw_only=True)
class MatchQuestion(QuestionBase):
    """Each left-hand entry to match with its right-hand one."""

    type: ClassVar[QuestionType] = QuestionType.MATCH
    pairs: tuple[tuple[str, str], ...]
    distractors: tuple[str, ...] = ()
    partial: bool = True


@dataclass(frozen=True)
class Blank:
    """One gap in a cloze text; the first answer is the one shown as correct."""

    answers: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class ClozeQuestion(QuestionBase):
    """A text with gaps to fill in."""

    type: ClassVar[QuestionType] = QuestionType.CLOZE
    text: str
    segments: tuple[str | Blank, ...]
    exact: bool = False
    partial: bool = True

    @property
    def blanks(self) -> tuple[Blank, ...]:
        return tuple(s for s in self.segments if isinstance(s, Blank))


@dataclass(frozen=True, kw_only=True)
class Bank:
    """A bank file: what it is about, and its questions."""

    id: str
    title: str
    language: str
    # A tuple when read from the file; a sequence that builds each question
    # when first asked for when read from the bank cache.
    questions: Sequence[Question]
    description: str | None = None
    as_of: dt.date | None = None
    source: Source | None = None
    tags: tuple[str, ...] = ()
    path: str | None = None
    tag_labels: Mapping[str, str] = field(default_factory=dict, hash=False)
    """How to show a tag (``securite: Sécurité``); a tag without a label is shown as written."""

    def tag_label(self, tag: str) -> str:
        return self.tag_labels.get(tag, tag)

    @property
    def max_score(self) -> float:
        return sum(q.points for q in self.questions)


# The closed set of question types: dispatch with `match` over it and end with
# `typing.assert_never`, so that mypy names every site a new type must handle.
# (A union, not the base class: `isinstance(x, Question)` still works.)
Question = (
    ChoiceQuestion
    | MultiQuestion
    | TrueFalseQuestion
    | ShortQuestion
    | NumberQuestion
    | DateQuestion
    | OrderQuestion
    | MatchQuestion
    | ClozeQuestion
)


def offered(question: Question) -> tuple[str, ...]:
    """What the learner picks from, in the bank's order: the choices, an order's items, a
    match's right-hand sides then its distractors; nothing for an answer typed or judged."""
    match question:
        case ChoiceQuestion() | MultiQuestion():
            return question.choices
        case OrderQuestion():
            return question.items
        case MatchQuestion():
            return tuple(right for _, right in question.pairs) + question.distractors
        case (
            TrueFalseQuestion()
            | ShortQuestion()
            | NumberQuestion()
            | DateQuestion()
            | ClozeQuestion()
        ):
            return ()
        case _:
            return assert_never(question)
