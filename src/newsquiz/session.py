"""A quiz session's state: which questions, in which order, what was answered.

No I/O and no clock of its own: the caller passes times in, so a session can
be replayed exactly in tests.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import Enum

from newsquiz import model
from newsquiz.grading import Grade, Response, grade
from newsquiz.model import Bank, Question, Source
from newsquiz.rounding import half_up


class Mode(str, Enum):
    PRACTICE = "practice"
    EXAM = "exam"
    REVIEW = "review"


class SessionError(ValueError):
    """The options select nothing to ask (an unknown tag, say)."""

    def __init__(
        self, message: str, *, tags: tuple[str, ...] = (), known: tuple[str, ...] = ()
    ) -> None:
        super().__init__(message)
        self.tags = tags
        """The tags asked for."""
        self.known = known
        """The tags the bank has."""


@dataclass(frozen=True)
class Options:
    """How a session is played: mode, how many questions, which tags, shuffled or not."""

    mode: Mode = Mode.PRACTICE
    count: int | None = None
    tags: tuple[str, ...] = ()
    shuffle: bool = True
    negative: bool = False
    time_limit: dt.timedelta | None = None


@dataclass(frozen=True)
class Item:
    """A question as this session shows it: choices, items and matches in display order."""

    question: Question
    bank_id: str = ""
    source: Source | None = None
    choices: tuple[str, ...] = ()
    order_items: tuple[str, ...] = ()
    match_left: tuple[str, ...] = ()
    match_right: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answer:
    """One answer given, graded, with the time it took."""

    item: Item
    response: Response
    text: str | None
    """What was typed or chosen, as text (None when skipped)."""
    grade: Grade
    hint_used: bool
    seconds: float
    answered_at: dt.datetime


@dataclass(frozen=True)
class TagScore:
    """What one tag scored in a session."""

    tag: str
    questions: int
    points: float
    max_points: float


@dataclass(frozen=True)
class Summary:
    """A session's score and what was missed, as the end of the quiz shows it."""

    score: float
    max_score: float
    answered: int
    """Questions given an answer (not skipped)."""
    total: int
    """Questions counted in the score: every question of an exam; in practice,
    those asked."""
    not_reached: int
    """Questions never reached that score 0 (an exam stopped early or out of time)."""
    by_tag: tuple[TagScore, ...]
    missed: tuple[Item, ...]
    duration: float
    planned: int = 0
    """Questions the session was to ask."""
    unanswered: tuple[Item, ...] = ()
    """The questions never reached, in the session's order, in every mode."""
    out_of_time: bool = False

    @property
    def percent(self) -> int:
        return half_up(100 * max(self.score, 0) / self.max_score) if self.max_score else 0


@dataclass
class Session:
    """The questions of one session and the answers given so far."""

    title: str
    """What the session is called on screen: the bank's title, or a review's."""
    language: str
    """The language of its questions (a bank's; a review's is the interface's)."""
    options: Options
    items: tuple[Item, ...]
    started_at: dt.datetime
    bank: Bank | None = None
    """The bank played; None for a review, whose questions come from several banks."""
    answers: list[Answer] = field(default_factory=list)
    finished_at: dt.datetime | None = None
    timed_out: bool = False
    shown: int = 0
    """How many questions have been put on screen (the one on screen included)."""

    @property
    def source(self) -> Source | None:
        """The bank's source; a review has none (each item has its bank's)."""
        return self.bank.source if self.bank else None

    def tag_label(self, tag: str) -> str:
        """A tag as the bank names it (a review shows tags as written)."""
        return self.bank.tag_label(tag) if self.bank else tag

    @property
    def position(self) -> int:
        """Index of the next question to ask."""
        return len(self.answers)

    def current(self) -> Item | None:
        if self.finished_at is not None or self.position >= len(self.items):
            return None
        return self.items[self.position]

    def mark_shown(self) -> None:
        """The current question is on screen: a stop now leaves it reached, unanswered."""
        if self.current() is not None:
            self.shown = max(self.shown, self.position + 1)

    def time_left(self, now: dt.datetime) -> dt.timedelta | None:
        if self.options.time_limit is None:
            return None
        return max(self.started_at + self.options.time_limit - now, dt.timedelta(0))

    def is_out_of_time(self, now: dt.datetime) -> bool:
        left = self.time_left(now)
        return left is not None and left <= dt.timedelta(0)

    def record(
        self,
        response: Response,
        text: str | None,
        *,
        hint_used: bool,
        seconds: float,
        now: dt.datetime,
    ) -> Answer:
        """Grade the response to the current question and move on.

        In a timed exam, an answer given after the time ran out counts as
        unanswered, and the session ends.
        """
        item = self.current()
        if item is None:
            raise RuntimeError("the session has no question left to answer")
        if self.is_out_of_time(now):
            self.finish(now, timed_out=True)
            raise TimeoutError("time ran out before this answer")
        negative = self.options.negative and self.options.mode is Mode.EXAM
        result = grade(item.question, response, hint_used=hint_used, negative=negative)
        answer = Answer(item, response, text, result, hint_used, seconds, now)
        self.answers.append(answer)
        if self.position >= len(self.items):
            self.finish(now)
        return answer

    def finish(self, now: dt.datetime, *, timed_out: bool = False) -> None:
        if self.finished_at is None:
            self.finished_at = now
            self.timed_out = timed_out

    def summary(self, now: dt.datetime | None = None) -> Summary:
        end = self.finished_at or now or self.started_at
        # An exam counts every question: one stopped early (Ctrl-C, end of input)
        # or out of time scores the questions never reached as 0. A practice
        # session stopped early covers what was asked.
        whole = self.timed_out or self.options.mode is Mode.EXAM
        counted = self.items if whole else self.items[: self.position]
        # Keyed by position: a review mixes banks, whose question ids may repeat.
        answered = {id(a.item): a for a in self.answers}
        totals: dict[str, list[float]] = {}
        for item in counted:
            answer = answered.get(id(item))
            earned = answer.grade.points if answer else 0.0
            for tag in item.question.tags:
                entry = totals.setdefault(tag, [0, 0.0, 0.0])
                entry[0] += 1
                entry[1] += earned
                entry[2] += item.question.points
        missed = tuple(a.item for a in self.answers if not a.grade.correct)
        missed += tuple(i for i in counted if id(i) not in answered)
        unanswered = len(counted) - len(self.answers)
        return Summary(
            score=round(sum(a.grade.points for a in self.answers), 2),
            max_score=sum(i.question.points for i in counted),
            answered=sum(a.text is not None for a in self.answers),
            total=len(counted),
            not_reached=unanswered,
            by_tag=tuple(
                TagScore(tag, int(n), round(p, 2), m) for tag, (n, p, m) in sorted(totals.items())
            ),
            missed=missed,
            duration=(end - self.started_at).total_seconds(),
            planned=len(self.items),
            unanswered=self.items[self.position :],
            out_of_time=self.timed_out,
        )


def select_questions(bank: Bank, options: Options, rng: random.Random) -> list[Question]:
    """The questions to ask, filtered by tag, shuffled unless asked not to, cut to count.

    Positions are shuffled, not questions: a bank read from the cache builds
    only the questions asked (the same seed gives the same questions either way).
    """
    pool = bank.questions
    if options.tags:
        wanted = set(options.tags)
        chosen = [i for i, q in enumerate(pool) if wanted & set(q.tags)]
        if not chosen:
            known = sorted({t for q in pool for t in q.tags})
            raise SessionError(
                f"no question has the tag {', '.join(options.tags)} "
                f"(tags in this bank: {', '.join(known) or 'none'})",
                tags=options.tags,
                known=tuple(known),
            )
    else:
        chosen = list(range(len(pool)))
    if options.shuffle:
        rng.shuffle(chosen)
    if options.count is not None:
        if options.count < 1:
            raise SessionError("the number of questions must be at least 1")
        chosen = chosen[: options.count]
    return [pool[i] for i in chosen]


def prepare_item(
    question: Question, rng: random.Random, *, shuffle: bool, bank: Bank | None = None
) -> Item:
    """Put what a question offers (:func:`newsquiz.model.offered`) in the order it is shown."""
    item = Item(question, bank_id=bank.id if bank else "", source=bank.source if bank else None)
    offered = model.offered(question)
    match question:
        case model.OrderQuestion():
            # Shown in the right order, an order question answers itself: always mix.
            return replace(item, order_items=_mixed(offered, rng, shuffle=shuffle))
        case model.MatchQuestion():
            left = [left for left, _ in question.pairs]
            if shuffle:
                rng.shuffle(left)
            right = _mixed(offered, rng, shuffle=shuffle)
            return replace(item, match_left=tuple(left), match_right=right)
        case _:
            # Choices, shuffled or as the bank lists them; nothing for an answer typed or judged.
            choices = list(offered)
            if shuffle:
                rng.shuffle(choices)
            return replace(item, choices=tuple(choices))


def _mixed(values: Sequence[str], rng: random.Random, *, shuffle: bool) -> tuple[str, ...]:
    """A different order from the one given: random, or alphabetical without shuffling."""
    if shuffle:
        mixed = list(values)
        for _ in range(10):
            rng.shuffle(mixed)
            if mixed != list(values):
                break
        return tuple(mixed)
    ordered = sorted(values, key=str.casefold)
    if ordered == list(values):
        ordered.reverse()
    return tuple(ordered)


def start_session(
    bank: Bank,
    options: Options,
    rng: random.Random,
    now: dt.datetime,
    questions: Sequence[Question] | None = None,
) -> Session:
    """A new session over the bank (or over the questions given, such as the missed ones)."""
    chosen = list(questions) if questions is not None else select_questions(bank, options, rng)
    items = tuple(prepare_item(q, rng, shuffle=options.shuffle, bank=bank) for q in chosen)
    return Session(
        title=bank.title,
        language=bank.language,
        options=options,
        items=items,
        started_at=now,
        bank=bank,
    )
