"""How the store keeps values in its columns, and reads them back.

Moments are whole seconds since the epoch (UTC), days the learner's local
calendar day as ISO text, and a schedule is one row of ``cards``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from newsquiz.scheduler import CardProgress, CardState

UTC = dt.timezone.utc


def epoch(moment: dt.datetime) -> int:
    return int(moment.timestamp())


def moment(seconds: int | None) -> dt.datetime | None:
    return None if seconds is None else dt.datetime.fromtimestamp(seconds, UTC)


def local_day(when: dt.datetime) -> str:
    """The learner's calendar day of a moment (activity charts count local days)."""
    return when.astimezone().date().isoformat()


class CardRow(NamedTuple):
    """A row of ``cards`` as the store holds it (see health.py for what it accepts)."""

    bank_id: str
    question_id: str
    answer_fingerprint: str
    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: int | None
    last_review: int | None
    reviews: int
    lapses: int


CARD_COLUMNS = ", ".join(CardRow._fields)
"""The columns of a card, in :class:`CardRow`'s order, for a SELECT."""


def card_from_row(values: tuple[Any, ...]) -> CardProgress:
    """The schedule a ``SELECT {CARD_COLUMNS} FROM cards`` row holds."""
    row = CardRow._make(values)
    # The conversions stand even where the types say they are not needed: sqlite
    # gives back whatever a column holds, and a store is only checked on opening.
    return CardProgress(
        bank_id=str(row.bank_id),
        question_id=str(row.question_id),
        answer_fingerprint=str(row.answer_fingerprint),
        state=CardState(int(row.state)),
        step=None if row.step is None else int(row.step),
        stability=None if row.stability is None else float(row.stability),
        difficulty=None if row.difficulty is None else float(row.difficulty),
        due=moment(row.due),
        last_review=moment(row.last_review),
        reviews=int(row.reviews),
        lapses=int(row.lapses),
    )


def card_row(card: CardProgress) -> CardRow:
    """The row that keeps a schedule."""
    return CardRow(
        bank_id=card.bank_id,
        question_id=card.question_id,
        answer_fingerprint=card.answer_fingerprint,
        state=int(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=None if card.due is None else epoch(card.due),
        last_review=None if card.last_review is None else epoch(card.last_review),
        reviews=card.reviews,
        lapses=card.lapses,
    )
