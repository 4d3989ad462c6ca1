"""When to see a question again: automatic grades mapped to FSRS ratings.

newsquiz grades answers itself, so the learner never rates a card. The mapping:

========================================================  ========
the answer                                                rating
========================================================  ========
wrong (nothing earned) or skipped                         Again
partly right, or right with the hint                      Hard
right, without hint                                       Good
right, without hint, in under half the learner's usual    Easy
time for this question (or for all questions, at first)
========================================================  ========

Every function takes ``now``; nothing here reads a clock or the store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, replace
from enum import IntEnum
from typing import Any

from newsquiz import model
from newsquiz.grading import Grade
from newsquiz.model import Question
from newsquiz.text import normalize_text

# "Clearly faster": under half the learner's usual time.
EASY_SPEED = 0.5
LEECH_LAPSES = 8


class Rating(IntEnum):
    """The same values as ``fsrs.Rating``, without importing fsrs to decide."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


class CardState(IntEnum):
    """The same values as ``fsrs.State``."""

    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


@dataclass(frozen=True)
class CardProgress:
    """A question's place in the learner's schedule, as the store keeps it."""

    bank_id: str
    question_id: str
    answer_fingerprint: str
    state: CardState = CardState.LEARNING
    step: int | None = 0
    stability: float | None = None
    difficulty: float | None = None
    due: dt.datetime | None = None
    last_review: dt.datetime | None = None
    reviews: int = 0
    lapses: int = 0

    @property
    def is_leech(self) -> bool:
        return self.lapses >= LEECH_LAPSES


def rate(grade: Grade, *, hint_used: bool, seconds: float, usual_seconds: float | None) -> Rating:
    """The FSRS rating an automatically graded answer stands for."""
    if grade.fraction <= 0:
        return Rating.AGAIN
    if grade.fraction < 1 or hint_used:
        return Rating.HARD
    if usual_seconds is not None and usual_seconds > 0 and seconds < EASY_SPEED * usual_seconds:
        return Rating.EASY
    return Rating.GOOD


def answer_fingerprint(question: Question) -> str:
    """What the question asks the learner to know, ignoring case, accents and spacing.

    A teacher who fixes a typo in the prompt (or the case of an answer) keeps
    the learners' progress; one who changes the answer itself starts it again.
    """
    key: Any
    match question:
        case model.ChoiceQuestion():
            key = normalize_text(question.answer)
        case model.MultiQuestion():
            key = sorted(normalize_text(a) for a in question.answers)
        case model.TrueFalseQuestion():
            key = question.answer
        case model.ShortQuestion():
            key = normalize_text(question.answer)
        case model.NumberQuestion():
            key = [question.answer, question.tolerance]
        case model.DateQuestion():
            key = question.answer.isoformat()
        case model.OrderQuestion():
            key = [normalize_text(i) for i in question.items]
        case model.MatchQuestion():
            key = sorted([normalize_text(a), normalize_text(b)] for a, b in question.pairs)
        case model.ClozeQuestion():
            key = [normalize_text(b.answers[0]) for b in question.blanks]
        case _:
            model.assert_never(question)
    text = json.dumps([question.type.value, key], ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def new_card(bank_id: str, question: Question) -> CardProgress:
    return CardProgress(bank_id, question.id, answer_fingerprint(question))


def review(
    card: CardProgress, rating: Rating, now: dt.datetime, *, fuzz: bool = True
) -> CardProgress:
    """The card after one answer, scheduled by FSRS."""
    import fsrs

    # No learning steps of minutes: a question answered right the first time is
    # next due in days (2 for good, 8 for easy), a wrong one comes back in the
    # end-of-session retry and then tomorrow, never later the same day.
    scheduler = fsrs.Scheduler(enable_fuzzing=fuzz, learning_steps=(), relearning_steps=())
    before = fsrs.Card(
        card_id=1,
        state=fsrs.State(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due or now,
        last_review=card.last_review,
    )
    after, _ = scheduler.review_card(before, fsrs.Rating(rating), now.astimezone(dt.timezone.utc))
    lapsed = rating is Rating.AGAIN and card.state is CardState.REVIEW
    state, step = CardState(int(after.state)), after.step
    if rating is Rating.AGAIN and card.state is not CardState.REVIEW:
        # Never known yet, or already forgotten: wrong again is not another lapse.
        state, step = card.state, 0
    elif lapsed:
        state, step = CardState.RELEARNING, 0
    return replace(
        card,
        state=state,
        step=step,
        stability=after.stability,
        difficulty=after.difficulty,
        due=after.due,
        last_review=after.last_review,
        reviews=card.reviews + 1,
        lapses=card.lapses + (1 if lapsed else 0),
    )
