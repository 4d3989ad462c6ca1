"""How fast the progress store records, sums up and builds a review: measured, not asserted.

Usage: python benchmarks/bench_store.py [--quick]

Prints one figure per line, with its target in brackets:
- recording one answer (``Store.record_answer`` with a card, as a practice
  session does, into a store file in a temporary folder): median [<= 2 ms]
- ``newsquiz stats --plain`` (the installed command, as a subprocess) on a store
  of 100,000 answers over 5,000 questions / on a store of 1,000 answers over
  100 questions, in the same run: ratio of the medians [<= 2]; with
  ``gather_statistics`` and ``open_store`` timed in-process for both, to show
  the cost of the queries themselves
- building the review queue over 50,000 cards (half of them due):
  ``store.due_cards`` + ``store.card_keys`` + ``build_review_queue``, as
  `newsquiz review` does with its default ``--limit`` of 100 [< 1/3 s]

The large stores are written directly into the tables with ``executemany``
(answers spread over the last two years, per-question totals that agree with
them, cards due over the next 30 days, three tags per question), after
``open_store`` has created the real schema. ``--quick`` runs smaller stores
and fewer repetitions: its figures are only indicative.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from newsquiz.grading import grade
from newsquiz.model import Bank, ChoiceQuestion, Question, ShortQuestion
from newsquiz.progress import Recorder, build_review_queue
from newsquiz.scheduler import CardState, Rating, answer_fingerprint, new_card, review
from newsquiz.session import Answer, Options, start_session
from newsquiz.store import AnswerRecord, gather_statistics, open_store

NEWSQUIZ = Path(sys.executable).with_name("newsquiz")
UTC = dt.timezone.utc
DAY = 86_400
TAGS = tuple(f"tag-{n:02d}" for n in range(30))


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


# recording one answer


def bench_record(folder: Path, count: int) -> tuple[list[float], list[float]]:
    """Times of Store.record_answer alone, and of the whole Recorder.record path."""
    now = dt.datetime.now(UTC)
    store = open_store(folder, now=now).store
    questions = tuple(
        ShortQuestion(id=f"q{n:03d}", prompt=f"Question {n}?", answer=f"answer {n}", tags=TAGS[:3])
        for n in range(50)
    )
    session_id = store.start_session("bench", "practice", now)
    alone = []
    for n in range(count + 20):
        question = questions[n % len(questions)]
        moment = now + dt.timedelta(seconds=n)
        card = review(
            store.card("bench", question.id) or new_card("bench", question),
            Rating.GOOD if n % 3 else Rating.AGAIN,
            moment,
        )
        record = AnswerRecord(
            bank_id="bench",
            question_id=question.id,
            answered_at=moment,
            mode="practice",
            correct=n % 3 != 0,
            fraction=float(n % 3 != 0),
            points=float(n % 3 != 0),
            max_points=1.0,
            hint_used=False,
            seconds=3.0 + n % 7,
            response="typed",
            rating=int(Rating.GOOD if n % 3 else Rating.AGAIN),
            tags=question.tags,
        )
        start = time.perf_counter()
        store.record_answer(session_id, record, card)
        elapsed = time.perf_counter() - start
        if n >= 20:  # the first ones warm the caches up
            alone.append(elapsed)

    bank = Bank(id="bench-recorder", title="Bench", language="en", questions=questions)
    recorder = Recorder(store)
    path = []
    while len(path) < count:
        session = start_session(bank, Options(shuffle=False), random.Random(1), now)
        recorder.begin(session)
        for item in session.items:
            typed = item.question.answer if len(path) % 3 else "wrong"  # type: ignore[attr-defined]
            answer = Answer(
                item, typed, typed, grade(item.question, typed), False, 4.0, dt.datetime.now(UTC)
            )
            start = time.perf_counter()
            recorder.record(session, answer)
            path.append(time.perf_counter() - start)
        recorder.end(session, dt.datetime.now(UTC))
    store.close()
    return alone, path[:count]


# a store built fast, straight into the tables


def build_store(folder: Path, answers: int, questions: int, now: dt.datetime, seed: int) -> None:
    rng = random.Random(seed)
    store = open_store(folder, now=now).store
    banks = max(1, questions // 500)
    ids = [(f"bank-{n % banks:02d}", f"question-{n:05d}") for n in range(questions)]
    end = int(now.timestamp())
    sessions = max(1, answers // 20)
    session_rows = []
    for n in range(1, sessions + 1):
        started = end - rng.randrange(730 * DAY)
        session_rows.append((n, ids[n % len(ids)][0], "practice", started, started + 300))
    answer_rows = []
    totals: dict[tuple[str, str], list[float]] = {}
    for _ in range(answers):
        bank_id, question_id = ids[rng.randrange(questions)]
        at = end - rng.randrange(730 * DAY)
        correct = rng.random() < 0.7
        fraction = 1.0 if correct else rng.choice((0.0, 0.0, 0.5))
        seconds = round(rng.uniform(2, 30), 1)
        day = dt.datetime.fromtimestamp(at).date().isoformat()  # local, as the store keeps it
        answer_rows.append(
            (
                rng.randint(1, sessions),
                bank_id,
                question_id,
                at,
                day,
                "practice",
                int(correct),
                fraction,
                fraction,
                1.0,
                0,
                seconds,
                "typed",
                3 if correct else 1,
            )
        )
        total = totals.setdefault((bank_id, question_id), [0, 0, 0.0, 0.0, 0.0])
        total[0] += 1
        total[1] += int(correct)
        total[2] += fraction
        total[3] += seconds
        total[4] += seconds if correct else 0.0
    answer_rows.sort(key=lambda row: row[3])
    card_rows = []
    for bank_id, question_id in ids:
        due = end + rng.randrange(30 * DAY)
        # Mostly never forgotten, about 1 in 100 a leech (8 lapses or more).
        lapses = rng.choices((0, 1, 2, 3, 8, 9, 12), weights=(800, 120, 50, 20, 5, 3, 2))[0]
        card_rows.append(
            (
                bank_id,
                question_id,
                "f" * 16,
                int(CardState.REVIEW),
                None,
                10.0,
                5.0,
                due,
                due - 10 * DAY,
                5 + lapses,
                lapses,
                None,
            )
        )
    tag_rows = [
        (bank_id, question_id, tag) for bank_id, question_id in ids for tag in rng.sample(TAGS, 3)
    ]
    with store.write() as db:
        db.executemany(
            "INSERT INTO sessions (id, bank_id, mode, started_at, finished_at)"
            " VALUES (?, ?, ?, ?, ?)",
            session_rows,
        )
        db.executemany(
            "INSERT INTO answers (session_id, bank_id, question_id, answered_at, day, mode,"
            " correct, fraction, points, max_points, hint_used, seconds, response, rating)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            answer_rows,
        )
        db.executemany(
            "INSERT INTO question_totals (bank_id, question_id, answers, correct, fraction_sum,"
            " seconds_sum, correct_seconds_sum) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(b, q, *t) for (b, q), t in totals.items()],
        )
        db.executemany(
            "INSERT INTO cards (bank_id, question_id, answer_fingerprint, state, step, stability,"
            " difficulty, due, last_review, reviews, lapses, introduced_day)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            card_rows,
        )
        db.executemany(
            "INSERT INTO question_tags (bank_id, question_id, tag) VALUES (?, ?, ?)", tag_rows
        )
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()


def stats_command(folder: Path, cwd: Path) -> float:
    env = {**os.environ, "NEWSQUIZ_DATA_DIR": str(folder), "NO_COLOR": "1"}
    env.pop("NEWSQUIZ_PATH", None)
    start = time.perf_counter()
    subprocess.run(
        [str(NEWSQUIZ), "stats", "--plain"],
        stdout=subprocess.DEVNULL,
        env=env,
        cwd=cwd,
        check=True,
    )
    return time.perf_counter() - start


# the review queue


REVIEW_LIMIT = 100  # `newsquiz review --limit`'s default


def bench_review_queue(
    folder: Path, banks: int, per_bank: int, runs: int
) -> tuple[int, int, list[float]]:
    now = dt.datetime.now(UTC)
    rng = random.Random(7)
    bank_map: dict[str, Bank] = {}
    card_rows = []
    end = int(now.timestamp())
    for b in range(banks):
        bank_id = f"review-bank-{b:02d}"
        questions: list[Question] = []
        for n in range(per_bank):
            if n % 2:
                question: Question = ShortQuestion(
                    id=f"q-{n:05d}", prompt=f"Question {n}?", answer=f"Réponse numéro {n}"
                )
            else:
                question = ChoiceQuestion(
                    id=f"q-{n:05d}",
                    prompt=f"Question {n}?",
                    choices=(f"choice {n}", f"other {n}", f"third {n}"),
                    answer=f"choice {n}",
                )
            questions.append(question)
            # Half due (up to 30 days overdue), half due over the next 30 days.
            due = (
                end - rng.randrange(30 * DAY)
                if rng.random() < 0.5
                else end + 1 + rng.randrange(30 * DAY)
            )
            card_rows.append(
                (
                    bank_id,
                    question.id,
                    answer_fingerprint(question),
                    int(CardState.REVIEW),
                    None,
                    10.0,
                    5.0,
                    due,
                    due - 10 * DAY,
                    5,
                    0,
                    None,
                )
            )
        bank_map[bank_id] = Bank(
            id=bank_id, title=bank_id, language="fr", questions=tuple(questions)
        )
    store = open_store(folder, now=now).store
    with store.write() as db:
        db.executemany(
            "INSERT INTO cards (bank_id, question_id, answer_fingerprint, state, step, stability,"
            " difficulty, due, last_review, reviews, lapses, introduced_day)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            card_rows,
        )
    due_count = sum(1 for row in card_rows if row[7] <= end)

    steps: dict[str, list[float]] = {"due_cards": [], "card_keys": [], "build_review_queue": []}
    scope = sorted(bank_map)

    def build(limit: int | None = REVIEW_LIMIT) -> object:
        # As `newsquiz review` does it (cli._run_review), each step timed on its own too.
        start = time.perf_counter()
        due = store.due_cards(now, scope, limit=None if limit is None else limit * 2 + 20)
        middle = time.perf_counter()
        keys = store.card_keys(scope)
        late = time.perf_counter()
        queue = build_review_queue(due, keys, bank_map, new_allowed=10, limit=limit)
        if limit is not None:
            steps["due_cards"].append(middle - start)
            steps["card_keys"].append(late - middle)
            steps["build_review_queue"].append(time.perf_counter() - late)
        expected = due_count if limit is None else min(limit, due_count)
        assert len(queue.due) == expected and not queue.changed and not queue.new
        return queue

    uncapped = timed(lambda: build(None), max(runs // 2, 1))
    print(
        f"  (every due card queued, no --limit: median {median_ms(uncapped):.0f} ms)",
        flush=True,
    )
    times = timed(build, runs)
    store.close()
    return len(card_rows), due_count, times, steps


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="smaller stores, fewer runs")
    args = parser.parse_args()
    quick = args.quick
    records = 100 if quick else 500
    big_answers, big_questions = (20_000, 1_000) if quick else (100_000, 5_000)
    small_answers, small_questions = 1_000, 100
    stats_runs = 3 if quick else 7
    review_banks, review_per_bank = (10, 1_000) if quick else (10, 5_000)
    review_runs = 3 if quick else 5

    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        root = Path(tmp)

        alone, path = bench_record(root / "record", records)
        print(
            f"record one answer: median {median_ms(alone):.2f} ms"
            f" (95th percentile {sorted(alone)[int(len(alone) * 0.95)] * 1000:.2f} ms,"
            f" {len(alone)} records) [target <= 2 ms]"
        )
        print(
            f"  the whole path of a graded answer (Recorder.record: usual time, card, FSRS,"
            f" record_answer): median {median_ms(path):.2f} ms"
        )

        now = dt.datetime.now(UTC)
        start = time.perf_counter()
        build_store(root / "big", big_answers, big_questions, now, seed=1)
        build_store(root / "small", small_answers, small_questions, now, seed=2)
        built = time.perf_counter() - start
        size = (root / "big" / "progress.sqlite3").stat().st_size
        print(f"  (stores built in {built:.1f} s; the large one is {size / 1e6:.1f} MB)")
        cwd = root / "cwd"
        cwd.mkdir()
        big_label = f"{big_answers:,} answers / {big_questions:,} questions"
        small_label = f"{small_answers:,} answers / {small_questions:,} questions"
        stats_command(root / "big", cwd)  # warm-up: page cache, .pyc files
        stats_command(root / "small", cwd)
        big_times, small_times = [], []
        for _ in range(stats_runs):  # interleaved, so that noise hits both alike
            big_times.append(stats_command(root / "big", cwd))
            small_times.append(stats_command(root / "small", cwd))
        big_ms, small_ms = median_ms(big_times), median_ms(small_times)
        print(f"newsquiz stats --plain, {big_label}: median {big_ms:.0f} ms ({stats_runs} runs)")
        print(
            f"newsquiz stats --plain, {small_label}: median {small_ms:.0f} ms ({stats_runs} runs)"
        )
        print(f"newsquiz stats ratio (large / small): {big_ms / small_ms:.2f} [target <= 2]")

        for label, folder in ((big_label, root / "big"), (small_label, root / "small")):
            opens = []
            for _ in range(stats_runs):
                start = time.perf_counter()
                store = open_store(folder, now=now).store
                opens.append(time.perf_counter() - start)
                store.close()
            store = open_store(folder, now=now).store
            gathers = timed(lambda store=store: gather_statistics(store, now), stats_runs)
            store.close()
            print(
                f"  in-process, {label}: open_store (with PRAGMA quick_check)"
                f" median {median_ms(opens):.1f} ms, gather_statistics median"
                f" {median_ms(gathers):.1f} ms"
            )

        cards, due, times, steps = bench_review_queue(
            root / "review", review_banks, review_per_bank, review_runs
        )
        print(
            f"review queue over {cards:,} cards ({due:,} due, the {REVIEW_LIMIT} most overdue"
            f" taken): due_cards + card_keys + build_review_queue median"
            f" {median_ms(times):.0f} ms ({review_runs} runs) [target < 333 ms]"
        )
        print(
            "  of which: "
            + ", ".join(f"{name} {median_ms(values):.0f} ms" for name, values in steps.items())
        )


if __name__ == "__main__":
    main()
