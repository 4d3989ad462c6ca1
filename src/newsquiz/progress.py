"""Between a session and the store: what to keep of each answer, what to ask in a review.

No terminal here: the interface calls :meth:`Recorder.record` after each
answer and shows what :func:`build_review_queue` chose.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial

from newsquiz.model import Bank, Question
from newsquiz.outside_text import encodable, storable
from newsquiz.pending import PendingWrites, read_or
from newsquiz.scheduler import CardProgress, Rating, answer_fingerprint, new_card, rate, review
from newsquiz.session import Answer, Item, Mode, Options, Session, prepare_item
from newsquiz.store import NO_BANK, AnswerRecord, Store, local_day

DEFAULT_NEW_PER_DAY = 10


@dataclass(frozen=True)
class ChangedAnswer:
    """A question whose answer changed in the bank since the learner's last try."""

    bank_id: str
    question: Question


class Recorder:
    """Keeps every graded answer as soon as it is graded, and reschedules the question."""

    def __init__(self, store: Store, *, student: str | None = None, fuzz: bool = True) -> None:
        self.store = store
        self.student = student
        self.fuzz = fuzz
        self.session_ids: dict[int, int] = {}
        # What the store could not take yet (a full disk, a long lock), tried again later.
        self.pending = PendingWrites(hurry=store.hurried)

    def begin(self, session: Session) -> None:
        key = id(session)
        student = None if self.student is None else storable(self.student)
        # A file name that is not UTF-8 cannot be kept: the bank is then found by its id.
        bank = session.bank
        path = bank.path if bank and bank.path and encodable(bank.path) else None

        def write() -> None:
            self.session_ids[key] = self.store.start_session(
                bank.id if bank else NO_BANK,
                session.options.mode.value,
                session.started_at,
                student,
                bank_path=path,
            )

        self.pending.run(write)

    def end(self, session: Session, now: dt.datetime) -> None:
        """Mark the session finished, after what is waiting (tried once more here)."""
        key = id(session)
        summary = session.summary(now)

        def write() -> None:
            session_id = self.session_ids.get(key)
            if session_id is not None:
                self.store.finish_session(session_id, now, summary.score, summary.max_score)

        self.pending.run(write)

    def reset_changed(self, items: Iterable[Item]) -> list[ChangedAnswer]:
        """Start again the schedule of questions whose answer changed in the bank."""
        changed = []
        for item in items:
            bank_id, question = item.bank_id, item.question
            card = read_or(None, partial(self.store.card, bank_id, question.id))
            if card is not None and card.answer_fingerprint != answer_fingerprint(question):
                self.pending.run(partial(self.store.reset_card, bank_id, question.id))
                changed.append(ChangedAnswer(bank_id, question))
        return changed

    def record(self, session: Session, answer: Answer) -> None:
        item = answer.item
        question = item.question
        rating: Rating | None = None
        reschedule = None
        # An exam measures, it does not train: kept in the history, not rescheduled.
        if session.options.mode is not Mode.EXAM:
            usual = read_or(None, lambda: self.store.usual_seconds(item.bank_id, question.id))
            rating = rate(
                answer.grade,
                hint_used=answer.hint_used,
                seconds=answer.seconds,
                usual_seconds=usual,
            )
            given = rating

            def reschedule(current: CardProgress | None) -> CardProgress:
                if current is None or current.answer_fingerprint != answer_fingerprint(question):
                    current = new_card(item.bank_id, question)
                return review(current, given, answer.answered_at, fuzz=self.fuzz)

        record = AnswerRecord(
            bank_id=item.bank_id,
            question_id=question.id,
            answered_at=answer.answered_at,
            mode=session.options.mode.value,
            correct=answer.grade.correct,
            fraction=answer.grade.fraction,
            points=answer.grade.points,
            max_points=answer.grade.max_points,
            hint_used=answer.hint_used,
            seconds=answer.seconds,
            response=None if answer.text is None else storable(answer.text),
            rating=None if rating is None else int(rating),
            tags=question.tags,
        )
        key = id(session)

        def write() -> None:
            self.store.record_answer(self.session_ids.get(key), record, reschedule=reschedule)

        self.pending.run(write)


@dataclass(frozen=True)
class ReviewQueue:
    """What a review asks: the due questions, then new ones, and those whose answer changed."""

    due: tuple[tuple[Bank, Question], ...]
    new: tuple[tuple[Bank, Question], ...]
    changed: tuple[ChangedAnswer, ...]


def build_review_queue(
    due_cards: Sequence[CardProgress],
    known_cards: Iterable[tuple[str, str]],
    banks: Mapping[str, Bank],
    *,
    new_allowed: int,
    limit: int | None = None,
) -> ReviewQueue:
    """Due questions, most overdue first, then up to ``new_allowed`` never-seen ones.

    ``due_cards`` come sorted by due date; cards of questions that left their
    bank are passed over, and those whose answer changed count as new again.
    At most ``limit`` due questions are taken.
    """
    lookup = {
        (bank_id, question.id): (bank, question)
        for bank_id, bank in banks.items()
        for question in bank.questions
    }
    due: list[tuple[Bank, Question]] = []
    changed: list[ChangedAnswer] = []
    stale: set[tuple[str, str]] = set()
    for card in due_cards:
        if limit is not None and len(due) >= limit:
            break
        found = lookup.get((card.bank_id, card.question_id))
        if found is None:
            continue
        if card.answer_fingerprint != answer_fingerprint(found[1]):
            changed.append(ChangedAnswer(card.bank_id, found[1]))
            stale.add((card.bank_id, card.question_id))
            continue
        due.append(found)
    seen = set(known_cards) - stale
    new: list[tuple[Bank, Question]] = []
    for bank_id, bank in banks.items():
        if len(new) >= new_allowed:
            break
        for question in bank.questions:
            if len(new) >= new_allowed:
                break
            if (bank_id, question.id) not in seen:
                new.append((bank, question))
    return ReviewQueue(tuple(due), tuple(new), tuple(changed))


def review_session(
    queue: ReviewQueue, title: str, language: str, rng: random.Random, now: dt.datetime
) -> Session:
    """A session over the queue's questions, from their several banks (so with no bank)."""
    items = tuple(
        prepare_item(question, rng, shuffle=True, bank=bank)
        for bank, question in queue.due + queue.new
    )
    return Session(
        title=title,
        language=language,
        options=Options(mode=Mode.REVIEW),
        items=items,
        started_at=now,
    )


def new_allowed_today(store: Store, now: dt.datetime, per_day: int) -> int:
    return max(per_day - store.introduced_on(local_day(now)), 0)


@dataclass(frozen=True)
class ReviewPlan:
    """What a review asks, and over which banks."""

    queue: ReviewQueue
    banks: Mapping[str, Bank]
    """The banks in scope, by id."""
    waiting: int
    """Questions due now in those banks (more than the queue holds when over the limit)."""

    @property
    def scope(self) -> list[str]:
        return sorted(self.banks)


def plan_review(
    store: Store,
    banks: Mapping[str, Bank],
    named: Sequence[str],
    now: dt.datetime,
    *,
    new_per_day: int | None = None,
    limit: int,
) -> ReviewPlan:
    """The review of the banks named, else of every bank played or scheduled: the
    most overdue questions (at most ``limit``), then new ones up to the daily allowance."""
    played = set(named) if named else set(store.scheduled_banks()) | set(store.played_banks())
    in_scope = {bank_id: bank for bank_id, bank in banks.items() if bank_id in played}
    scope = sorted(in_scope)
    # A few more than the limit, in case some questions have left their bank.
    due_cards = store.due_cards(now, scope, limit=limit * 2 + 20)
    queue = build_review_queue(
        due_cards,
        store.card_keys(scope),
        in_scope,
        new_allowed=new_allowed_today(
            store, now, DEFAULT_NEW_PER_DAY if new_per_day is None else new_per_day
        ),
        limit=limit,
    )
    return ReviewPlan(queue, in_scope, store.count_due(now, scope))
