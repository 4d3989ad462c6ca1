"""A learner answering questions, as a separate process: what tests/test_store.py kills and races.

Usage: python tests/store_writer.py FOLDER loop WRITER
       python tests/store_writer.py FOLDER burst WRITER COUNT

Each answer goes through the real store the way a practice session keeps it
(see ``progress.Recorder.record``): read the learner's usual time and the
question's card, grade, rate, reschedule with FSRS, then ``Store.record_answer``
with the new card, in a session started with ``Store.start_session``.

``loop``: prints ``opening``, opens the store, prints ``ready``, then records
answers one after the other as fast as it can, printing ``graded N`` (flushed)
each time ``record_answer`` has returned, until it is killed (or has recorded
100,000 answers). Whatever the moment of the kill, the store must hold every
answer reported graded, and at most one more: the one in flight.

``burst``: prints ``ready``, waits for one line on stdin (the start signal, so
that two writers start together), then records COUNT answers as fast as it
can, in three sessions that each open and close the store (as three runs of
``newsquiz play`` would), and prints ``done COUNT START END`` (wall-clock
times, to check that the writers overlapped).
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

from newsquiz.grading import grade
from newsquiz.model import ShortQuestion
from newsquiz.scheduler import new_card, rate, review
from newsquiz.store import AnswerRecord, Store, open_store

BANK_ID = "writer-bank"
LOOP_LIMIT = 100_000
BURST_SESSIONS = 3
QUESTIONS = tuple(
    ShortQuestion(id=f"q{i:02d}", prompt=f"Question {i}?", answer=f"answer {i}", tags=("world",))
    for i in range(12)
)


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def answer_one(store: Store, session_id: int, writer: str, number: int) -> None:
    question = QUESTIONS[number % len(QUESTIONS)]
    typed = question.answer if number % 4 else "wrong"
    now = dt.datetime.now(dt.timezone.utc)
    result = grade(question, typed)
    seconds = 2.0 + number % 5
    usual = store.usual_seconds(BANK_ID, question.id)
    rating = rate(result, hint_used=False, seconds=seconds, usual_seconds=usual)
    card = store.card(BANK_ID, question.id) or new_card(BANK_ID, question)
    card = review(card, rating, now, fuzz=False)
    store.record_answer(
        session_id,
        AnswerRecord(
            bank_id=BANK_ID,
            question_id=question.id,
            answered_at=now,
            mode="practice",
            correct=result.correct,
            fraction=result.fraction,
            points=result.points,
            max_points=result.max_points,
            hint_used=False,
            seconds=seconds,
            response=f"{writer}-{number}",
            rating=int(rating),
            tags=question.tags,
        ),
        card,
    )


def main(argv: list[str]) -> int:
    folder, mode, writer = Path(argv[0]), argv[1], argv[2]
    if mode == "loop":
        say("opening")
        store = open_store(folder, now=dt.datetime.now(dt.timezone.utc)).store
        session_id = store.start_session(BANK_ID, "practice", dt.datetime.now(dt.timezone.utc))
        say("ready")
        for number in range(1, LOOP_LIMIT + 1):
            answer_one(store, session_id, writer, number)
            say(f"graded {number}")
        return 0
    if mode == "burst":
        count = int(argv[3])
        say("ready")
        sys.stdin.readline()
        start = time.time()
        # Three sessions, each in a newsquiz of its own: every open (a write
        # transaction that reads the schema version first) races the other
        # writer's answers.
        number = 0
        for session in range(BURST_SESSIONS):
            store = open_store(folder, now=dt.datetime.now(dt.timezone.utc)).store
            session_id = store.start_session(BANK_ID, "practice", dt.datetime.now(dt.timezone.utc))
            share = count // BURST_SESSIONS + (session < count % BURST_SESSIONS)
            for _ in range(share):
                number += 1
                answer_one(store, session_id, writer, number)
            store.finish_session(session_id, dt.datetime.now(dt.timezone.utc), 0.0, float(share))
            store.close()
        say(f"done {number} {start:.6f} {time.time():.6f}")
        return 0
    sys.stderr.write(f"unknown mode {mode!r}\n")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
