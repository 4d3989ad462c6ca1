"""The progress store: it survives kill -9, two writers, a corrupt file, a folder it cannot write.

Also the rules that decide what the store keeps: when a question's progress
starts again (its answer fingerprint), how an automatic grade becomes an FSRS
rating and a due date, what a review asks, and the figures of `newsquiz stats`.

The crash and concurrency tests run ``tests/store_writer.py`` as separate
processes, which record answers through the real ``Store.record_answer``.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest

from newsquiz.grading import Grade, grade
from newsquiz.model import Bank, ChoiceQuestion, MultiQuestion, OrderQuestion, ShortQuestion
from newsquiz.progress import Recorder, build_review_queue, new_allowed_today
from newsquiz.scheduler import (
    LEECH_LAPSES,
    CardProgress,
    CardState,
    Rating,
    answer_fingerprint,
    new_card,
    rate,
    review,
)
from newsquiz.session import Mode, Options, prepare_item, start_session
from newsquiz.store import (
    STORE_NAME,
    AnswerRecord,
    DayActivity,
    Store,
    StoreUnavailable,
    gather_statistics,
    open_store,
)

UTC = dt.timezone.utc
NOW = dt.datetime(2025, 6, 23, 9, 0, tzinfo=UTC)
WRITER = Path(__file__).resolve().with_name("store_writer.py")
NEWSQUIZ = Path(sys.executable).with_name("newsquiz")
GARBAGE = b"this is not a database" * 100

TINY_BANK = {
    "en": """\
newsquiz: 1
id: tiny-en
title: Tiny
language: en
questions:
  - id: city
    type: choice
    prompt: In which city did Goïta meet Putin?
    choices: [Moscow, Bamako]
    answer: Moscow
""",
    "fr": """\
newsquiz: 1
id: tiny-fr
title: Minuscule
language: fr
questions:
  - id: ville
    type: choice
    prompt: Dans quelle ville Goïta a-t-il rencontré Poutine ?
    choices: [Moscou, Bamako]
    answer: Moscou
""",
}
PROMPT = {
    "en": "In which city did Goïta meet Putin?",
    "fr": "Dans quelle ville Goïta a-t-il rencontré Poutine ?",
}
NOT_SAVED = {"en": "Progress will not be saved", "fr": "La progression ne sera pas enregistrée"}


# helpers


def answer_record(
    bank_id: str,
    question_id: str,
    at: dt.datetime,
    *,
    correct: bool = True,
    fraction: float | None = None,
    mode: str = "practice",
    seconds: float = 4.0,
    tags: tuple[str, ...] = (),
) -> AnswerRecord:
    share = (1.0 if correct else 0.0) if fraction is None else fraction
    return AnswerRecord(
        bank_id=bank_id,
        question_id=question_id,
        answered_at=at,
        mode=mode,
        correct=correct,
        fraction=share,
        points=share,
        max_points=1.0,
        hint_used=False,
        seconds=seconds,
        response="typed",
        rating=None,
        tags=tags,
    )


def card_due(bank_id: str, question_id: str, due: dt.datetime, *, lapses: int = 0) -> CardProgress:
    return CardProgress(
        bank_id=bank_id,
        question_id=question_id,
        answer_fingerprint="fp",
        state=CardState.REVIEW,
        step=None,
        stability=5.0,
        difficulty=5.0,
        due=due,
        last_review=due - dt.timedelta(days=3),
        reviews=3 + lapses,
        lapses=lapses,
    )


def scalar(store: Store, sql: str) -> int:
    return int(store.db.execute(sql).fetchone()[0] or 0)


def read_line(process: subprocess.Popen[bytes], timeout: float = 15.0) -> str:
    """One line from a writer's stdout (unbuffered pipe), or fail instead of hanging."""
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    if not ready:
        process.kill()
        raise AssertionError(f"the writer said nothing for {timeout} s")
    return process.stdout.readline().decode().strip()


def why(process: subprocess.Popen[bytes]) -> str:
    """What a writer said on stderr, once stopped (for assertion messages)."""
    if process.poll() is None:
        process.kill()
    process.wait(timeout=10)
    assert process.stderr is not None
    return process.stderr.read().decode()


def run_newsquiz(
    args: list[str], data_dir: Path, cwd: Path, stdin: str = "1\n"
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEWSQUIZ_DATA_DIR": str(data_dir), "NO_COLOR": "1", "LANG": "C.UTF-8"}
    env.pop("NEWSQUIZ_PATH", None)
    return subprocess.run(
        [str(NEWSQUIZ), *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=60,
        check=False,
    )


@contextmanager
def local_zone(monkeypatch: pytest.MonkeyPatch, zone: str) -> Iterator[None]:
    """Run with this local time zone (a POSIX TZ string), then restore the previous one."""
    with monkeypatch.context() as patch:
        patch.setenv("TZ", zone)
        time.tzset()
        try:
            yield
        finally:
            patch.undo()
            time.tzset()


@pytest.fixture
def utc_local_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local days are UTC days (the store's ``day`` column and the stats use local dates)."""
    with local_zone(monkeypatch, "UTC"):
        yield


# 1. kill -9 in the middle of a session

# (seed, fewest "graded" lines read before the kill, most); None: killed while opening the store.
KILL_RUNS = [
    (11, None, None),
    (12, None, None),
    (13, 0, 0),
    (14, 1, 3),
    (15, 4, 40),
    (16, 41, 150),
    (17, 151, 400),
    (18, 401, 1000),
]


@pytest.mark.parametrize(("seed", "fewest", "most"), KILL_RUNS)
def test_kill_9_mid_session_loses_at_most_the_answer_in_flight(
    tmp_path: Path, seed: int, fewest: int | None, most: int | None
) -> None:
    rng = random.Random(seed)
    folder = tmp_path / "data"
    lines: list[str] = []
    with subprocess.Popen(
        [sys.executable, str(WRITER), str(folder), "loop", "w"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,
    ) as process:
        assert process.stdout is not None
        assert read_line(process) == "opening", why(process)
        if fewest is None or most is None:
            # Somewhere while the store is created (schema, WAL mode; about 5-15 ms) or the
            # session started.
            time.sleep(rng.uniform(0, 0.012))
        else:
            assert read_line(process) == "ready", why(process)
            # The writer goes on answering while we read: the kill lands at a random
            # point of its loop, most often inside record_answer.
            lines += [read_line(process) for _ in range(rng.randint(fewest, most))]
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=10) == -signal.SIGKILL
        lines += process.stdout.read().decode().splitlines()
    reported = [line for line in lines if line.startswith("graded ")]
    graded = len(reported)
    assert reported == [f"graded {n}" for n in range(1, graded + 1)]

    opened = open_store(folder, now=NOW)
    store = opened.store
    try:
        assert opened.moved_aside is None, "a killed writer left a store that looks corrupt"
        assert store.integrity() == "ok"
        kept = scalar(store, "SELECT COUNT(*) FROM answers")
        assert graded <= kept <= graded + 1, (seed, graded, kept)
        # The answer, its totals and its card are one transaction: all or nothing.
        assert scalar(store, "SELECT SUM(answers) FROM question_totals") == kept
        assert scalar(store, "SELECT SUM(reviews) FROM cards") == kept
        responses = {r for (r,) in store.db.execute("SELECT response FROM answers")}
        assert responses == {f"w-{n}" for n in range(1, kept + 1)}
        # The store still takes a new answer.
        store.record_answer(None, answer_record("after", "crash", NOW), None)
        assert scalar(store, "SELECT COUNT(*) FROM answers") == kept + 1
        assert store.integrity() == "ok"
    finally:
        store.close()


# 2. two concurrent writers


def test_two_writers_at_once_keep_every_answer(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    count = 150
    # The store exists (the learner played before); each writer opens it three times.
    open_store(folder, now=NOW).store.close()
    processes = [
        subprocess.Popen(
            [sys.executable, str(WRITER), str(folder), "burst", name, str(count)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            bufsize=0,
        )
        for name in ("A", "B")
    ]
    outcomes = []
    try:
        for process in processes:
            line = read_line(process)
            assert line == "ready", why(process)
        for process in processes:
            assert process.stdin is not None
            process.stdin.write(b"go\n")
        for process in processes:
            out, err = process.communicate(timeout=30)
            outcomes.append((process.returncode, out.decode(), err.decode()))
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.communicate()
    spans = []
    for code, out, err in outcomes:
        assert "database is locked" not in err
        assert code == 0, err
        assert err == ""
        word, done, start, end = out.split()
        assert (word, int(done)) == ("done", count)
        spans.append((float(start), float(end)))
    # The two writers did write at the same time (else this test proves nothing).
    assert max(s for s, _ in spans) < min(e for _, e in spans), spans

    store = open_store(folder, now=NOW).store
    try:
        assert store.integrity() == "ok"
        assert scalar(store, "SELECT COUNT(*) FROM answers") == 2 * count
        assert scalar(store, "SELECT SUM(answers) FROM question_totals") == 2 * count
        for name in ("A", "B"):
            mine = scalar(store, f"SELECT COUNT(*) FROM answers WHERE response LIKE '{name}-%'")
            assert mine == count
        assert scalar(store, "SELECT COUNT(*) FROM sessions WHERE finished_at IS NOT NULL") == 6
    finally:
        store.close()


HOLD_WRITE_LOCK = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
db.execute("ROLLBACK")
"""


def test_a_new_store_opened_by_two_processes_at_once_waits_instead_of_failing(
    tmp_path: Path,
) -> None:
    """The first run of two newsquiz at once, on a data folder with no store yet.

    The store file is new, so still in SQLite's rollback-journal mode, and the
    other process holds the write lock for a moment (as while it creates the
    schema or turns the file into a WAL store). Opening must wait, like every
    other write does (busy timeout), not give up with "database is locked".

    Two real processes starting together hit this about one time in four
    (measured: two ``store_writer.py`` opening a new store at the same moment).
    """
    folder = tmp_path / "data"
    folder.mkdir()
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITE_LOCK, str(folder / STORE_NAME), "0.3"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,
    ) as holder:
        assert read_line(holder) == "holding", why(holder)
        try:
            opened = open_store(folder, now=NOW)
        except StoreUnavailable as exc:
            pytest.fail(
                "BUG (store/database.py, Database.__init__): `PRAGMA journal_mode = WAL` on a new store fails "
                "at once with 'database is locked' while another process holds the write lock; "
                f"the busy timeout does not apply to it. open_store raised: {exc}"
            )
        assert holder.wait(timeout=10) == 0
    try:
        assert opened.moved_aside is None
        assert opened.store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        opened.store.record_answer(None, answer_record("b", "q", NOW), None)
        assert scalar(opened.store, "SELECT COUNT(*) FROM answers") == 1
    finally:
        opened.store.close()


# 3. a corrupt store


def damaged_store_bytes(folder: Path) -> bytes:
    """A real store with a page in the middle overwritten: a header SQLite accepts, bad pages."""
    store = open_store(folder, now=NOW).store
    for n in range(1500):
        store.record_answer(
            None, answer_record("b", f"q{n}", NOW, tags=("some-tag", "another-tag")), None
        )
    store.close()
    path = folder / STORE_NAME
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 4096] = b"\x55" * 4096
    path.write_bytes(bytes(data))
    return bytes(data)


@pytest.mark.parametrize("damage", ["garbage", "damaged-page"])
def test_a_corrupt_store_is_moved_aside_and_a_new_one_started(tmp_path: Path, damage: str) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    if damage == "garbage":
        (folder / STORE_NAME).write_bytes(GARBAGE)
        expected = GARBAGE
    else:
        expected = damaged_store_bytes(folder)
    when = dt.datetime(2025, 6, 23, 21, 4, 5, tzinfo=UTC)

    opened = open_store(folder, now=when)
    try:
        assert opened.moved_aside == folder / "progress.sqlite3.corrupt-20250623T210405"
        assert opened.moved_aside.read_bytes() == expected
        assert opened.store.path == folder / STORE_NAME
        assert opened.store.integrity() == "ok"
        assert scalar(opened.store, "SELECT COUNT(*) FROM answers") == 0
        opened.store.record_answer(None, answer_record("b", "q", when), None)
        assert scalar(opened.store, "SELECT COUNT(*) FROM answers") == 1
    finally:
        opened.store.close()
    # Opened again, the new store is kept: nothing more is moved.
    again = open_store(folder, now=when + dt.timedelta(seconds=1))
    assert again.moved_aside is None
    assert scalar(again.store, "SELECT COUNT(*) FROM answers") == 1
    again.store.close()


def test_play_on_a_corrupt_store_says_where_it_went_and_plays(tmp_path: Path) -> None:
    bank = tmp_path / "tiny.yaml"
    bank.write_text(TINY_BANK["en"], encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    (data / STORE_NAME).write_bytes(GARBAGE)

    result = run_newsquiz(["play", str(bank), "--plain", "--no-shuffle"], data, tmp_path)

    assert result.returncode == 0, result.stderr
    moved = sorted(data.glob("progress.sqlite3.corrupt-*"))
    assert len(moved) == 1
    assert moved[0].read_bytes() == GARBAGE
    assert str(moved[0]) in result.stderr
    assert "Traceback" not in result.stderr
    assert PROMPT["en"] in result.stdout
    assert "Score: 1 of 1 point (100%)." in result.stdout
    # The answer went to the new store.
    store = open_store(data, now=NOW).store
    assert scalar(store, "SELECT COUNT(*) FROM answers") == 1
    store.close()


# 4. an unwritable data folder


@pytest.mark.parametrize("where", ["inside-a-file", "is-a-file"])
def test_a_data_folder_that_cannot_be_made_is_unavailable(tmp_path: Path, where: str) -> None:
    afile = tmp_path / "afile"
    afile.write_text("not a folder", encoding="utf-8")
    folder = afile / "data" if where == "inside-a-file" else afile

    with pytest.raises(StoreUnavailable) as caught:
        open_store(folder, now=NOW)

    message = str(caught.value)
    assert message.startswith(f"cannot create the data folder {folder}: ")
    assert message.split(": ")[-1] in {"Not a directory", "File exists"}
    assert afile.read_text(encoding="utf-8") == "not a folder"


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root: a read-only folder does not stop root from writing",
)
def test_a_read_only_data_folder_is_unavailable(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o500)
    try:
        with pytest.raises(StoreUnavailable, match="is not writable"):
            open_store(folder, now=NOW)
    finally:
        folder.chmod(0o700)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_play_without_a_usable_data_folder_warns_and_plays(tmp_path: Path, language: str) -> None:
    bank = tmp_path / "tiny.yaml"
    bank.write_text(TINY_BANK[language], encoding="utf-8")
    afile = tmp_path / "afile"
    afile.write_text("", encoding="utf-8")

    result = run_newsquiz(["play", str(bank), "--plain", "--no-shuffle"], afile / "data", tmp_path)

    assert result.returncode == 0, result.stderr
    assert NOT_SAVED[language] in result.stderr
    assert str(afile / "data") in result.stderr
    assert "Traceback" not in result.stderr
    assert PROMPT[language] in result.stdout
    assert "100" in result.stdout.split(PROMPT[language])[-1]


# 5. question fingerprints


def test_the_fingerprint_follows_the_answer_not_the_wording() -> None:
    short = ShortQuestion(id="chef", prompt="Qui dirige le Mali ?", answer="Goita")
    assert answer_fingerprint(short) == answer_fingerprint(
        replace(short, prompt="Qui dirige le Mali ? (juin 2025)")
    )
    assert answer_fingerprint(short) == answer_fingerprint(replace(short, answer="Goïta"))
    assert answer_fingerprint(short) == answer_fingerprint(replace(short, answer="GOÏTA"))

    minister = ShortQuestion(id="hote", prompt="Qui l'a reçu ?", answer="Poutine")
    assert answer_fingerprint(minister) != answer_fingerprint(replace(minister, answer="Lavrov"))

    choice = ChoiceQuestion(
        id="cadre",
        prompt="Dans quel cadre ?",
        choices=("Officielle", "Privée"),
        answer="Officielle",
    )
    assert answer_fingerprint(choice) == answer_fingerprint(
        replace(choice, choices=("Officielle", "Technique", "Sommet"))
    )
    assert answer_fingerprint(choice) != answer_fingerprint(
        replace(choice, choices=("Officielle", "Privée"), answer="Privée")
    )

    order = OrderQuestion(id="ordre", prompt="Dans l'ordre", items=("Wagner", "Africa Corps"))
    assert answer_fingerprint(order) != answer_fingerprint(
        replace(order, items=("Africa Corps", "Wagner"))
    )


def test_a_changed_answer_starts_the_progress_again(tmp_path: Path) -> None:
    store = open_store(tmp_path / "data", now=NOW).store
    recorder = Recorder(store, fuzz=False)
    leader = ShortQuestion(id="hote", prompt="Who received him?", answer="Poutine")
    city = ShortQuestion(id="ville", prompt="Wich city?", answer="Moscou")
    bank = Bank(id="b", title="B", language="en", questions=(leader, city))
    # Right twice, ten minutes apart: both questions leave learning, due days ahead.
    moment = NOW
    for typed in (["Poutine", "Moscou"], ["poutine", "moscou"]):
        session = start_session(
            bank, Options(mode=Mode.PRACTICE, shuffle=False), random.Random(1), moment
        )
        recorder.begin(session)
        for text in typed:
            recorder.record(
                session, session.record(text, text, hint_used=False, seconds=5.0, now=moment)
            )
        recorder.end(session, moment)
        moment += dt.timedelta(minutes=10)
    before = {q.id: store.card("b", q.id) for q in bank.questions}
    for card in before.values():
        assert card is not None and card.state is CardState.REVIEW and card.reviews == 2
        assert card.due is not None and card.due >= moment + dt.timedelta(days=1)

    edited = Bank(
        id="b",
        title="B",
        language="en",
        questions=(replace(leader, answer="Lavrov"), replace(city, prompt="Which city?")),
    )
    items = [
        prepare_item(q, random.Random(1), shuffle=False, bank=edited) for q in edited.questions
    ]
    changed = recorder.reset_changed(items)

    assert [(c.bank_id, c.question) for c in changed] == [("b", edited.questions[0])]
    assert store.card("b", "hote") is None
    assert store.card("b", "ville") == before["ville"]
    # The history stays: only the schedule starts again.
    assert scalar(store, "SELECT COUNT(*) FROM answers WHERE question_id = 'hote'") == 2
    store.close()


# 6. ratings and FSRS with a fixed clock


def right(question: ShortQuestion, *, hint: bool = False) -> Grade:
    return grade(question, question.answer, hint_used=hint)


def test_an_automatic_grade_maps_to_a_rating() -> None:
    short = ShortQuestion(id="q", prompt="Who?", answer="Goïta")
    multi = MultiQuestion(id="m", prompt="Which?", choices=("a", "b", "c"), answers=("a", "b"))
    partly = grade(multi, ["a"])
    assert 0 < partly.fraction < 1

    def rated(g: Grade, *, hint: bool = False, seconds: float = 6.0, usual: float | None = 10.0):
        return rate(g, hint_used=hint, seconds=seconds, usual_seconds=usual)

    assert rated(grade(short, "Lavrov")) is Rating.AGAIN
    assert rated(grade(short, None)) is Rating.AGAIN
    assert rated(partly) is Rating.HARD
    assert rated(partly, seconds=0.5) is Rating.HARD
    assert rated(right(short, hint=True), hint=True) is Rating.HARD
    assert rated(right(short, hint=True), hint=True, seconds=0.5) is Rating.HARD
    assert rated(right(short)) is Rating.GOOD
    assert rated(right(short), seconds=4.99) is Rating.EASY
    assert rated(right(short), seconds=5.0) is Rating.GOOD
    assert rated(right(short), seconds=0.1, usual=None) is Rating.GOOD
    assert rated(right(short), seconds=0.0, usual=0.0) is Rating.GOOD


def test_fsrs_schedules_a_new_card_in_days_never_later_the_same_day() -> None:
    fresh = new_card("b", ShortQuestion(id="q", prompt="Who?", answer="Goïta"))
    at = dt.datetime(2025, 6, 23, 9, 0, tzinfo=UTC)
    due = {rating: review(fresh, rating, at, fuzz=False) for rating in Rating}

    # No learning steps of minutes: wrong or hard is tomorrow, good in 2 days, easy in 8.
    day = dt.timedelta(days=1)
    assert [due[r].due - at for r in Rating] == [day, day, 2 * day, 8 * day]  # type: ignore[operator]
    assert [due[r].state for r in Rating] == [CardState.LEARNING] + [CardState.REVIEW] * 3
    assert all(c.reviews == 1 and c.lapses == 0 and c.last_review == at for c in due.values())
    # The same answer at the same moment always gives the same schedule without fuzz.
    assert review(fresh, Rating.EASY, at, fuzz=False) == due[Rating.EASY]


def test_forgetting_a_card_in_review_is_a_lapse_and_eight_make_a_leech() -> None:
    card = new_card("b", ShortQuestion(id="q", prompt="Who?", answer="Goïta"))
    at = NOW
    card = review(card, Rating.AGAIN, at, fuzz=False)
    assert card.state is CardState.LEARNING and card.lapses == 0
    card = review(card, Rating.AGAIN, at + dt.timedelta(minutes=1), fuzz=False)
    assert card.state is CardState.LEARNING and card.lapses == 0
    card = review(card, Rating.EASY, at + dt.timedelta(minutes=1), fuzz=False)
    assert card.state is CardState.REVIEW
    for lapse in range(1, LEECH_LAPSES + 1):
        assert card.due is not None
        at = card.due
        card = review(card, Rating.AGAIN, at, fuzz=False)
        assert card.state is CardState.RELEARNING
        assert card.lapses == lapse
        assert card.is_leech is (lapse >= 8)
        # Again while relearning is not another lapse.
        card = review(card, Rating.AGAIN, at + dt.timedelta(minutes=1), fuzz=False)
        assert card.lapses == lapse
        assert card.due is not None
        card = review(card, Rating.GOOD, card.due, fuzz=False)
        assert card.state is CardState.REVIEW
    assert card.lapses == 8 and card.is_leech
    assert card.reviews == 3 + 3 * LEECH_LAPSES


# 7. the review queue and the daily allowance of new questions


def test_the_review_queue_puts_the_most_overdue_first_then_new_in_file_order(
    tmp_path: Path,
) -> None:
    now = dt.datetime(2025, 6, 23, 12, 0, tzinfo=UTC)
    questions = {
        name: ShortQuestion(id=name, prompt=f"{name}?", answer=f"answer {name}")
        for name in ("a1", "a2", "a3", "a4", "a5", "a6", "b1", "b2", "b3")
    }
    bank_a = Bank(
        id="a", title="A", language="en", questions=tuple(questions[f"a{i}"] for i in range(1, 7))
    )
    bank_b = Bank(
        id="b", title="B", language="en", questions=tuple(questions[f"b{i}"] for i in range(1, 4))
    )
    banks = {"a": bank_a, "b": bank_b}
    store = open_store(tmp_path / "data", now=now).store

    def keep(bank_id: str, question_id: str, due: dt.datetime, fingerprint: str = "") -> None:
        if not fingerprint:
            fingerprint = answer_fingerprint(questions[question_id])
        card = replace(card_due(bank_id, question_id, due), answer_fingerprint=fingerprint)
        store.record_answer(None, answer_record(bank_id, question_id, due), card)

    keep("a", "a3", now - dt.timedelta(hours=1))
    keep("b", "b2", now - dt.timedelta(days=3))
    keep("a", "a1", now - dt.timedelta(days=2))
    keep("a", "a5", now + dt.timedelta(days=1))  # not due yet
    keep("a", "gone", now - dt.timedelta(days=9), fingerprint="whatever")  # left the bank
    keep("a", "a2", now - dt.timedelta(days=5), fingerprint="an older answer")  # answer changed
    keep("b", "b3", now)  # due this very second

    def queue(new_allowed: int):
        cards = store.cards()
        return build_review_queue(
            store.due_cards(now),
            ((c.bank_id, c.question_id) for c in cards),
            banks,
            new_allowed=new_allowed,
        )

    two = queue(2)
    assert [(b.id, q.id) for b, q in two.due] == [
        ("b", "b2"),
        ("a", "a1"),
        ("a", "a3"),
        ("b", "b3"),
    ]
    assert [(c.bank_id, c.question.id) for c in two.changed] == [("a", "a2")]
    assert [(b.id, q.id) for b, q in two.new] == [("a", "a2"), ("a", "a4")]
    every = queue(50)
    assert [(b.id, q.id) for b, q in every.new] == [
        ("a", "a2"),
        ("a", "a4"),
        ("a", "a6"),
        ("b", "b1"),
    ]
    assert queue(0).new == ()
    assert [
        (b.id, q.id) for b, q in build_review_queue([], [], {"b": bank_b}, new_allowed=5).new
    ] == [
        ("b", "b1"),
        ("b", "b2"),
        ("b", "b3"),
    ]
    # Only the banks asked for.
    assert [c.question_id for c in store.due_cards(now, ["b"])] == ["b2", "b3"]
    store.close()


def test_the_daily_new_allowance_counts_only_todays_reviews(
    tmp_path: Path, utc_local_time: None
) -> None:
    now = dt.datetime(2025, 6, 23, 18, 0, tzinfo=UTC)
    yesterday = now - dt.timedelta(days=1)
    store = open_store(tmp_path / "data", now=now).store

    def answer(question_id: str, at: dt.datetime, mode: str) -> None:
        card = card_due("b", question_id, at + dt.timedelta(days=2))
        store.record_answer(None, answer_record("b", question_id, at, mode=mode), card)

    assert new_allowed_today(store, now, 10) == 10
    answer("new-1", now - dt.timedelta(hours=8), "review")
    answer("new-2", now, "review")
    answer("practised", now, "practice")  # practice is not the review's allowance
    answer("old", yesterday, "review")  # introduced yesterday...
    answer("old", now, "review")  # ...reviewed again today: not new today
    answer("practised-before", yesterday, "practice")
    answer("practised-before", now, "review")  # known from practice: not new either
    assert new_allowed_today(store, now, 10) == 8
    assert new_allowed_today(store, now, 3) == 1
    assert new_allowed_today(store, now, 2) == 0
    assert new_allowed_today(store, now, 0) == 0
    assert new_allowed_today(store, now + dt.timedelta(days=1), 10) == 10
    store.close()


# 8. the figures of `newsquiz stats`


def test_statistics_from_a_store_built_by_hand(tmp_path: Path, utc_local_time: None) -> None:
    now = dt.datetime(2025, 6, 23, 12, 0, tzinfo=UTC)
    store = open_store(tmp_path / "data", now=now).store
    for bank_id in ("a", "a", "b"):
        store.start_session(bank_id, "practice", now - dt.timedelta(days=40))

    def ago(days: int, hour: int = 10) -> dt.datetime:
        return (now - dt.timedelta(days=days)).replace(hour=hour)

    tags = {
        "q1": ("mali", "diplomatie"),
        "q2": ("mali",),
        "q3": ("russie",),
        "r1": ("russie", "diplomatie"),
        "r2": (),
        "r3": (),
    }
    # (bank, question, when, correct, fraction)
    answers = [
        ("a", "q1", ago(0), True, 1.0),
        ("a", "q2", ago(0, hour=1), False, 0.0),
        ("a", "q1", ago(3), True, 1.0),
        ("b", "r1", ago(3), True, 1.0),
        ("a", "q2", ago(10), False, 0.0),
        ("b", "r1", ago(10), False, 0.0),
        ("a", "q3", ago(29, hour=0), True, 1.0),  # the first day of the 30
        ("a", "q3", ago(30, hour=23), False, 0.5),  # the day before: all-time only
        ("b", "r2", ago(100), True, 1.0),
        *[("b", "r3", ago(200 + n), n % 2 == 0, float(n % 2 == 0)) for n in range(5)],
    ]
    for bank_id, question_id, when, correct, fraction in answers:
        store.record_answer(
            None,
            answer_record(
                bank_id,
                question_id,
                when,
                correct=correct,
                fraction=fraction,
                tags=tags[question_id],
            ),
            None,
        )
    # Schedules: two due today (one overdue), then days 1 and 7 of the forecast, one just after.
    cards = [
        card_due("a", "q1", now - dt.timedelta(days=2)),
        card_due("a", "q2", now + dt.timedelta(hours=3), lapses=9),
        card_due("a", "q3", dt.datetime(2025, 6, 24, 0, 0, tzinfo=UTC), lapses=7),
        card_due("b", "r1", dt.datetime(2025, 6, 24, 23, 59, 59, tzinfo=UTC), lapses=8),
        card_due("b", "r2", dt.datetime(2025, 6, 30, 23, 0, tzinfo=UTC)),
        card_due("b", "r3", dt.datetime(2025, 7, 1, 0, 0, tzinfo=UTC)),
    ]
    for card in cards:
        store.record_answer(
            None,
            answer_record(card.bank_id, card.question_id, ago(400), tags=tags[card.question_id]),
            card,
        )
    # Those six right answers, 400 days ago, count in the all-time figures only.

    stats = gather_statistics(store, now)

    assert stats.sessions == 3
    assert (stats.overall.answers, stats.overall.correct) == (14 + 6, 8 + 6)
    assert (stats.last_7_days.answers, stats.last_7_days.correct) == (4, 3)
    assert (stats.last_30_days.answers, stats.last_30_days.correct) == (7, 4)
    assert stats.last_7_days.share == 0.75
    assert len(stats.activity) == 30
    assert stats.activity[0].day == "2025-05-25"
    assert stats.activity[-1].day == "2025-06-23"
    busy = {a.day: (a.answers, a.correct) for a in stats.activity if a.answers}
    assert busy == {
        "2025-06-23": (2, 1),
        "2025-06-20": (2, 2),
        "2025-06-13": (2, 0),
        "2025-05-25": (1, 1),
    }
    assert DayActivity("2025-06-22", 0, 0) in stats.activity
    assert [(b, a.answers, a.correct) for b, a in stats.by_bank] == [("a", 9, 6), ("b", 11, 8)]
    assert [(t, a.answers, a.correct) for t, a in stats.by_tag] == [
        ("diplomatie", 6, 5),
        ("mali", 6, 4),
        ("russie", 6, 4),
    ]
    assert stats.due_now == 2
    assert stats.forecast == (
        ("2025-06-24", 2),
        ("2025-06-25", 0),
        ("2025-06-26", 0),
        ("2025-06-27", 0),
        ("2025-06-28", 0),
        ("2025-06-29", 0),
        ("2025-06-30", 1),
    )
    # Weakest: lowest mean fraction first, then the most answered; never a question always right.
    assert [
        (w.question_id, w.answers, w.correct, w.mean_fraction, w.lapses) for w in stats.weakest
    ] == [
        ("q2", 3, 1, pytest.approx(1 / 3), 9),
        # r3 and r1 both right 2 times in 3: the one answered more often first.
        ("r3", 6, 4, pytest.approx(2 / 3), 0),
        ("r1", 3, 2, pytest.approx(2 / 3), 8),
        ("q3", 3, 2, pytest.approx(2.5 / 3), 7),
    ]
    assert [(w.bank_id, w.question_id, w.lapses) for w in stats.leeches] == [
        ("a", "q2", 9),
        ("b", "r1", 8),
    ]

    only_b = gather_statistics(store, now, "b")
    assert only_b.sessions == 1
    assert (only_b.overall.answers, only_b.overall.correct) == (11, 8)
    assert (only_b.last_7_days.answers, only_b.last_30_days.answers) == (1, 2)
    assert [b for b, _ in only_b.by_bank] == ["b"]
    assert only_b.due_now == 0
    assert [w.question_id for w in only_b.leeches] == ["r1"]
    store.close()


def test_days_are_the_learners_local_days(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Two hours east of UTC (a POSIX TZ string: no time zone database needed).
    with local_zone(monkeypatch, "NQT-02"):
        now = dt.datetime(2025, 6, 23, 8, 0, tzinfo=UTC)  # 10:00 local, 23 June
        store = open_store(tmp_path / "data", now=now).store
        after_midnight = dt.datetime(2025, 6, 22, 22, 30, tzinfo=UTC)  # 00:30 local, 23 June
        before_midnight = dt.datetime(2025, 6, 22, 21, 30, tzinfo=UTC)  # 23:30 local, 22 June
        tonight = dt.datetime(2025, 6, 23, 21, 30, tzinfo=UTC)  # 23:30 local, 23 June
        tomorrow = dt.datetime(2025, 6, 23, 22, 30, tzinfo=UTC)  # 00:30 local, 24 June
        store.record_answer(
            None,
            answer_record("b", "late", after_midnight, mode="review"),
            card_due("b", "late", tonight),
        )
        store.record_answer(
            None,
            answer_record("b", "early", before_midnight, mode="review", correct=False),
            card_due("b", "early", tomorrow),
        )

        stats = gather_statistics(store, now)

        assert stats.activity[-1] == DayActivity("2025-06-23", 1, 1)
        assert stats.activity[-2] == DayActivity("2025-06-22", 1, 0)
        assert (stats.last_7_days.answers, stats.last_7_days.correct) == (2, 1)
        assert stats.due_now == 1
        assert stats.forecast[0] == ("2025-06-24", 1)
        assert new_allowed_today(store, now, 10) == 9
        store.close()
