"""A learner answering questions, as a separate process: what tests/test_store.py kills and races.

Usage: python tests/store_writer.py FOLDER step WRITER
       python tests/store_writer.py FOLDER burst WRITER COUNT

Each answer goes through the real store the way a practice session keeps it
(see ``progress.Recorder.record``): read the learner's usual time and the
question's card, grade, rate, reschedule with FSRS, then ``Store.record_answer``
with the new card, in a session started with ``Store.start_session``.

``step``: prints ``opening``, opens the store, prints ``ready``; then records one
answer per line read on stdin and prints ``graded N`` (flushed) once
``record_answer`` has returned, until stdin ends. The parent decides when the
next answer starts, so it knows that at most one answer was in flight when it
killed the process.

``burst``: prints ``ready``, waits for one line on stdin (the start signal, so
that two writers start together), records COUNT answers as fast as it can,
then prints ``done COUNT START END`` (wall-clock times, to check the writers
overlapped).
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
    if mode == "step":
        say("opening")
        store = open_store(folder, now=dt.datetime.now(dt.timezone.utc)).store
        session_id = store.start_session(BANK_ID, "practice", dt.datetime.now(dt.timezone.utc))
        say("ready")
        number = 0
        while sys.stdin.readline():
            number += 1
            answer_one(store, session_id, writer, number)
            say(f"graded {number}")
        return 0
    if mode == "burst":
        count = int(argv[3])
        store = open_store(folder, now=dt.datetime.now(dt.timezone.utc)).store
        session_id = store.start_session(BANK_ID, "practice", dt.datetime.now(dt.timezone.utc))
        say("ready")
        sys.stdin.readline()
        start = time.time()
        for number in range(1, count + 1):
            answer_one(store, session_id, writer, number)
        say(f"done {count} {start:.6f} {time.time():.6f}")
        store.close()
        return 0
    sys.stderr.write(f"unknown mode {mode!r}\n")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
