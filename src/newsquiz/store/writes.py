"""The progress store, and what it keeps: sessions, each graded answer, each schedule."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from newsquiz.scheduler import CardProgress
from newsquiz.store.columns import CARD_COLUMNS, card_row, epoch, local_day
from newsquiz.store.reads import Reads

# The bank id of a session over several banks (a review): it names no bank.
NO_BANK = ""


@dataclass(frozen=True)
class AnswerRecord:
    """One graded answer as the store keeps it."""

    bank_id: str
    question_id: str
    answered_at: dt.datetime
    mode: str
    correct: bool
    fraction: float
    points: float
    max_points: float
    hint_used: bool
    seconds: float
    response: str | None
    rating: int | None
    tags: tuple[str, ...] = ()


class Store(Reads):
    """The learner's progress store: its queries (see reads.py) and its writes."""

    def start_session(
        self,
        bank_id: str,
        mode: str,
        started_at: dt.datetime,
        student: str | None = None,
        bank_path: str | None = None,
    ) -> int:
        with self.write() as db:
            cursor = db.execute(
                "INSERT INTO sessions (bank_id, bank_path, mode, student, started_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (bank_id, bank_path, mode, student, epoch(started_at)),
            )
            return int(cursor.lastrowid or 0)

    def finish_session(
        self, session_id: int, finished_at: dt.datetime, score: float, max_score: float
    ) -> None:
        with self.write() as db:
            db.execute(
                "UPDATE sessions SET finished_at = ?, score = ?, max_score = ? WHERE id = ?",
                (epoch(finished_at), score, max_score, session_id),
            )

    def record_answer(
        self,
        session_id: int | None,
        answer: AnswerRecord,
        card: CardProgress | None = None,
        *,
        reschedule: Callable[[CardProgress | None], CardProgress] | None = None,
    ) -> None:
        """Keep one graded answer, its totals and (unless an exam) its new schedule.

        ``reschedule`` turns the card as stored into the card to store, inside
        the same transaction: two processes answering the same question at
        once each see the other's review.
        """
        with self.write() as db:
            if reschedule is not None:
                card = reschedule(self.card(answer.bank_id, answer.question_id))
            _insert_answer(db, session_id, answer)
            _add_to_totals(db, answer)
            _keep_tags(db, answer)
            if card is not None:
                # Only reviews spend the daily allowance of new questions.
                introduced = local_day(answer.answered_at) if answer.mode == "review" else None
                _save_card(db, card, introduced)

    def reset_card(self, bank_id: str, question_id: str) -> None:
        with self.write() as db:
            db.execute(
                "DELETE FROM cards WHERE bank_id = ? AND question_id = ?", (bank_id, question_id)
            )


def _insert_answer(db: sqlite3.Connection, session_id: int | None, answer: AnswerRecord) -> None:
    db.execute(
        "INSERT INTO answers (session_id, bank_id, question_id, answered_at, day, mode,"
        " correct, fraction, points, max_points, hint_used, seconds, response, rating)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            session_id,
            answer.bank_id,
            answer.question_id,
            epoch(answer.answered_at),
            local_day(answer.answered_at),
            answer.mode,
            int(answer.correct),
            answer.fraction,
            answer.points,
            answer.max_points,
            int(answer.hint_used),
            answer.seconds,
            answer.response,
            answer.rating,
        ),
    )


def _add_to_totals(db: sqlite3.Connection, answer: AnswerRecord) -> None:
    """Count the answer in its question's running totals (what all-time statistics read)."""
    db.execute(
        "INSERT INTO question_totals (bank_id, question_id, answers, correct,"
        " fraction_sum, seconds_sum, correct_seconds_sum) VALUES (?, ?, 1, ?, ?, ?, ?)"
        " ON CONFLICT (bank_id, question_id) DO UPDATE SET"
        " answers = answers + 1, correct = correct + excluded.correct,"
        " fraction_sum = fraction_sum + excluded.fraction_sum,"
        " seconds_sum = seconds_sum + excluded.seconds_sum,"
        " correct_seconds_sum = correct_seconds_sum + excluded.correct_seconds_sum",
        (
            answer.bank_id,
            answer.question_id,
            int(answer.correct),
            answer.fraction,
            answer.seconds,
            answer.seconds if answer.correct else 0.0,
        ),
    )


def _keep_tags(db: sqlite3.Connection, answer: AnswerRecord) -> None:
    """Remember the question's tags, for the statistics by tag."""
    db.executemany(
        "INSERT OR IGNORE INTO question_tags (bank_id, question_id, tag) VALUES (?, ?, ?)",
        [(answer.bank_id, answer.question_id, tag) for tag in answer.tags],
    )


def _save_card(db: sqlite3.Connection, card: CardProgress, introduced_day: str | None) -> None:
    """Store a schedule; ``introduced_day`` only counts for a question never scheduled before."""
    db.execute(
        f"INSERT INTO cards ({CARD_COLUMNS}, introduced_day)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (bank_id, question_id) DO UPDATE SET"
        " answer_fingerprint = excluded.answer_fingerprint, state = excluded.state,"
        " step = excluded.step, stability = excluded.stability,"
        " difficulty = excluded.difficulty, due = excluded.due,"
        " last_review = excluded.last_review, reviews = excluded.reviews,"
        " lapses = excluded.lapses",
        (*card_row(card), introduced_day),
    )
