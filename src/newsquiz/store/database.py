"""The learner's progress: every answer, every session, every schedule, in SQLite.

One file in the data folder. Each write is its own ``BEGIN IMMEDIATE``
transaction, committed as soon as an answer is graded: a killed process loses
at most the answer being typed, and two processes on one store wait for each
other instead of failing with "database is locked".
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from newsquiz.scheduler import LEECH_LAPSES, CardProgress, CardState
from newsquiz.store_health import StoreDamaged, check_contents

STORE_NAME = "progress.sqlite3"
SCHEMA_VERSION = 2
# The bank id of a session over several banks (a review): it names no bank.
NO_BANK = ""
BUSY_TIMEOUT_MS = 10_000
WRITE_ATTEMPTS = 5
UTC = dt.timezone.utc

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY,
    bank_id TEXT NOT NULL,
    bank_path TEXT,
    mode TEXT NOT NULL,
    student TEXT,
    started_at INTEGER NOT NULL,
    finished_at INTEGER,
    score REAL,
    max_score REAL
);
CREATE TABLE IF NOT EXISTS answers (
    id INTEGER PRIMARY KEY,
    session_id INTEGER REFERENCES sessions(id),
    bank_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    answered_at INTEGER NOT NULL,
    day TEXT NOT NULL,
    mode TEXT NOT NULL,
    correct INTEGER NOT NULL,
    fraction REAL NOT NULL,
    points REAL NOT NULL,
    max_points REAL NOT NULL,
    hint_used INTEGER NOT NULL,
    seconds REAL NOT NULL,
    response TEXT,
    rating INTEGER
);
CREATE INDEX IF NOT EXISTS answers_by_day ON answers(day);
CREATE INDEX IF NOT EXISTS answers_by_question ON answers(bank_id, question_id);
CREATE TABLE IF NOT EXISTS cards (
    bank_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    answer_fingerprint TEXT NOT NULL,
    state INTEGER NOT NULL,
    step INTEGER,
    stability REAL,
    difficulty REAL,
    due INTEGER,
    last_review INTEGER,
    reviews INTEGER NOT NULL DEFAULT 0,
    lapses INTEGER NOT NULL DEFAULT 0,
    introduced_day TEXT,
    PRIMARY KEY (bank_id, question_id)
);
CREATE INDEX IF NOT EXISTS cards_by_due ON cards(due);
-- Running totals per question, so that all-time statistics read one row per
-- question instead of the whole history.
CREATE TABLE IF NOT EXISTS question_totals (
    bank_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    answers INTEGER NOT NULL DEFAULT 0,
    correct INTEGER NOT NULL DEFAULT 0,
    fraction_sum REAL NOT NULL DEFAULT 0,
    seconds_sum REAL NOT NULL DEFAULT 0,
    correct_seconds_sum REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (bank_id, question_id)
);
CREATE TABLE IF NOT EXISTS question_tags (
    bank_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (bank_id, question_id, tag)
);
"""

# Forward migrations: index i brings a store from version i to i + 1.
_MIGRATIONS: tuple[str, ...] = (
    _SCHEMA,
    # Version 2: reviews were saved under a stand-in bank id, "review", that named no
    # bank but showed in `newsquiz stats` as one.
    "UPDATE sessions SET bank_id = '' WHERE mode = 'review'",
)


class StoreUnavailable(Exception):
    """The store cannot be used (an unwritable folder, say); the quiz runs without saving."""


@dataclass(frozen=True)
class OpenedStore:
    """The progress store, and where a damaged one was moved aside."""

    store: Store
    moved_aside: Path | None
    """Where a corrupt store was moved, when it was."""


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


def default_data_dir(environ: Mapping[str, str]) -> Path:
    override = environ.get("NEWSQUIZ_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("newsquiz", appauthor=False))


def _epoch(moment: dt.datetime) -> int:
    return int(moment.timestamp())


def _moment(epoch: int | None) -> dt.datetime | None:
    return None if epoch is None else dt.datetime.fromtimestamp(epoch, UTC)


def local_day(moment: dt.datetime) -> str:
    """The learner's calendar day of a moment (activity charts count local days)."""
    return moment.astimezone().date().isoformat()


def open_store(folder: Path, *, now: dt.datetime) -> OpenedStore:
    """Open (or create) the store in ``folder``; a corrupt file is moved aside, never deleted."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreUnavailable(f"cannot create the data folder {folder}: {exc.strerror}") from None
    path = folder / STORE_NAME
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise StoreUnavailable(f"the data folder {folder} is not writable")
    try:
        return OpenedStore(Store(path), None)
    except sqlite3.DatabaseError as exc:
        if not _looks_corrupt(exc):
            raise StoreUnavailable(f"cannot open {path}: {exc}") from None
    stamp = now.astimezone().strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    copies = 1
    while aside.exists():  # never replace an earlier copy
        copies += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{copies}")
    for suffix in ("", "-wal", "-shm"):
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            companion.rename(Path(f"{aside}{suffix}"))
    try:
        return OpenedStore(Store(path), aside)
    except sqlite3.DatabaseError as exc:
        raise StoreUnavailable(f"cannot open {path}: {exc}") from None


def _looks_corrupt(error: sqlite3.DatabaseError) -> bool:
    if isinstance(error, StoreDamaged):
        return True
    text = str(error).lower()
    return any(
        word in text for word in ("not a database", "malformed", "corrupt", "integrity check")
    )


class Store:
    def __init__(self, path: Path, *, read_only: sqlite3.Connection | None = None) -> None:
        """Open the store; with a ``read_only`` connection (see store_access), change nothing."""
        self.path = path
        self.attempts = WRITE_ATTEMPTS
        # isolation_level=None: we say BEGIN IMMEDIATE ourselves.
        self.db = read_only or sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
        )
        try:
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            verdict = self.db.execute("PRAGMA quick_check").fetchone()[0]
            if verdict != "ok":
                raise sqlite3.DatabaseError(f"integrity check failed: {verdict}")
            if read_only is not None:
                self._check_version(self.db.execute("PRAGMA user_version").fetchone()[0])
            else:
                self._switch_to_wal()
                self.db.execute("PRAGMA synchronous = NORMAL")
                self.db.execute("PRAGMA foreign_keys = ON")
                self._migrate()
            check_contents(self.db)
        except BaseException:
            self.db.close()
            raise

    def _check_version(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise StoreUnavailable(
                f"{self.path} was written by a newer newsquiz (store version {version}): "
                "upgrade newsquiz"
            )

    def _switch_to_wal(self) -> None:
        # Switching a new file to WAL needs a moment alone with it, and SQLite
        # does not wait for that on its own: two first runs at once would fail.
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                self.db.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken before reading so two writers never deadlock."""
        attempts = self.attempts
        # A lock held longer than the busy timeout is given up on after that long (the
        # answer then waits in memory); the retries are for a busy store that answers
        # "locked" at once, without waiting.
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        for attempt in range(attempts):
            try:
                self.db.execute("BEGIN IMMEDIATE")
                break
            except sqlite3.OperationalError as exc:
                late = time.monotonic() >= deadline
                if "locked" not in str(exc) or attempt == attempts - 1 or late:
                    raise
                time.sleep(0.05 * (attempt + 1))
        try:
            yield self.db
            self.db.execute("COMMIT")
        except BaseException:
            # A COMMIT that fails (a full disk) may leave the transaction open: close
            # it, or every later write would fail too.
            if self.db.in_transaction:
                with suppress(sqlite3.Error):
                    self.db.execute("ROLLBACK")
            raise

    @contextmanager
    def hurried(self, busy_ms: int = 200) -> Iterator[None]:
        """Writes that give up quickly: for retries, while the learner waits on them."""
        with suppress(sqlite3.Error):
            self.db.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")
        self.attempts = 1
        try:
            yield
        finally:
            self.attempts = WRITE_ATTEMPTS
            with suppress(sqlite3.Error):
                self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def _migrate(self) -> None:
        if self.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
            # Up to date: no write needed, so a store another program holds locked
            # still opens (its writes then wait in memory, see pending.py).
            return
        with self.write() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            self._check_version(version)
            for script in _MIGRATIONS[version:]:
                for statement in script.split(";\n"):
                    if statement.strip():
                        db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # sessions

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
                (bank_id, bank_path, mode, student, _epoch(started_at)),
            )
            return int(cursor.lastrowid or 0)

    def finish_session(
        self, session_id: int, finished_at: dt.datetime, score: float, max_score: float
    ) -> None:
        with self.write() as db:
            db.execute(
                "UPDATE sessions SET finished_at = ?, score = ?, max_score = ? WHERE id = ?",
                (_epoch(finished_at), score, max_score, session_id),
            )

    # answers and cards

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
            db.execute(
                "INSERT INTO answers (session_id, bank_id, question_id, answered_at, day, mode,"
                " correct, fraction, points, max_points, hint_used, seconds, response, rating)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    answer.bank_id,
                    answer.question_id,
                    _epoch(answer.answered_at),
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
            db.executemany(
                "INSERT OR IGNORE INTO question_tags (bank_id, question_id, tag) VALUES (?, ?, ?)",
                [(answer.bank_id, answer.question_id, tag) for tag in answer.tags],
            )
            if card is not None:
                # Only reviews spend the daily allowance of new questions.
                introduced = local_day(answer.answered_at) if answer.mode == "review" else None
                self._save_card(db, card, introduced)

    def _save_card(self, db: sqlite3.Connection, card: CardProgress, today: str | None) -> None:
        db.execute(
            "INSERT INTO cards (bank_id, question_id, answer_fingerprint, state, step, stability,"
            " difficulty, due, last_review, reviews, lapses, introduced_day)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (bank_id, question_id) DO UPDATE SET"
            " answer_fingerprint = excluded.answer_fingerprint, state = excluded.state,"
            " step = excluded.step, stability = excluded.stability,"
            " difficulty = excluded.difficulty, due = excluded.due,"
            " last_review = excluded.last_review, reviews = excluded.reviews,"
            " lapses = excluded.lapses",
            (
                card.bank_id,
                card.question_id,
                card.answer_fingerprint,
                int(card.state),
                card.step,
                card.stability,
                card.difficulty,
                None if card.due is None else _epoch(card.due),
                None if card.last_review is None else _epoch(card.last_review),
                card.reviews,
                card.lapses,
                today,
            ),
        )

    def card(self, bank_id: str, question_id: str) -> CardProgress | None:
        row = self.db.execute(
            "SELECT bank_id, question_id, answer_fingerprint, state, step, stability, difficulty,"
            " due, last_review, reviews, lapses FROM cards WHERE bank_id = ? AND question_id = ?",
            (bank_id, question_id),
        ).fetchone()
        return None if row is None else _card(row)

    def cards(self, bank_ids: Sequence[str] | None = None) -> list[CardProgress]:
        query = (
            "SELECT bank_id, question_id, answer_fingerprint, state, step, stability, difficulty,"
            " due, last_review, reviews, lapses FROM cards"
        )
        if bank_ids is None:
            rows = self.db.execute(query)
        else:
            marks = ",".join("?" * len(bank_ids))
            rows = self.db.execute(f"{query} WHERE bank_id IN ({marks})", tuple(bank_ids))
        return [_card(row) for row in rows]

    def card_keys(self, bank_ids: Sequence[str] | None = None) -> set[tuple[str, str]]:
        """(bank id, question id) of every question the learner has a schedule for."""
        query = "SELECT bank_id, question_id FROM cards"
        if bank_ids is None:
            return {(str(b), str(q)) for b, q in self.db.execute(query)}
        marks = ",".join("?" * len(bank_ids))
        rows = self.db.execute(f"{query} WHERE bank_id IN ({marks})", tuple(bank_ids))
        return {(str(b), str(q)) for b, q in rows}

    def scheduled_banks(self) -> list[str]:
        return [str(r[0]) for r in self.db.execute("SELECT DISTINCT bank_id FROM cards")]

    def count_due(self, now: dt.datetime, bank_ids: Sequence[str] | None = None) -> int:
        query = "SELECT COUNT(*) FROM cards WHERE due <= ?"
        values: list[object] = [_epoch(now)]
        if bank_ids is not None:
            query += f" AND bank_id IN ({','.join('?' * len(bank_ids))})"
            values.extend(bank_ids)
        return int(self.db.execute(query, values).fetchone()[0])

    def due_cards(
        self, now: dt.datetime, bank_ids: Sequence[str] | None = None, limit: int | None = None
    ) -> list[CardProgress]:
        """Cards due by ``now``, most overdue first (the first ``limit`` of them)."""
        query = (
            "SELECT bank_id, question_id, answer_fingerprint, state, step, stability, difficulty,"
            " due, last_review, reviews, lapses FROM cards WHERE due <= ?"
        )
        values: list[object] = [_epoch(now)]
        if bank_ids is not None:
            query += f" AND bank_id IN ({','.join('?' * len(bank_ids))})"
            values.extend(bank_ids)
        query += " ORDER BY due, rowid"
        if limit is not None:
            query += " LIMIT ?"
            values.append(limit)
        return [_card(row) for row in self.db.execute(query, values)]

    def reset_card(self, bank_id: str, question_id: str) -> None:
        with self.write() as db:
            db.execute(
                "DELETE FROM cards WHERE bank_id = ? AND question_id = ?", (bank_id, question_id)
            )

    def introduced_on(self, day: str) -> int:
        """How many questions were seen for the first time on a day (the new-card limit)."""
        row = self.db.execute("SELECT COUNT(*) FROM cards WHERE introduced_day = ?", (day,))
        return int(row.fetchone()[0])

    def played_banks(self) -> list[str]:
        # A review belongs to no one bank (a store of version 1 called it "review").
        rows = self.db.execute(
            "SELECT DISTINCT bank_id FROM sessions WHERE mode != 'review' ORDER BY bank_id"
        )
        return [r[0] for r in rows]

    def played_bank_paths(self) -> list[str]:
        """Files of banks played by path, newest first, so a review can find them again."""
        rows = self.db.execute(
            "SELECT bank_path FROM sessions WHERE bank_path IS NOT NULL"
            " GROUP BY bank_path ORDER BY MAX(started_at) DESC"
        )
        return [r[0] for r in rows]

    def usual_seconds(self, bank_id: str, question_id: str) -> float | None:
        """The learner's usual time for a right answer: this question's, else overall."""
        row = self.db.execute(
            "SELECT correct_seconds_sum / correct FROM question_totals"
            " WHERE bank_id = ? AND question_id = ? AND correct > 0",
            (bank_id, question_id),
        ).fetchone()
        if row is not None:
            return float(row[0])
        row = self.db.execute(
            "SELECT SUM(correct_seconds_sum) / SUM(correct) FROM question_totals WHERE correct > 0"
        ).fetchone()
        return None if row is None or row[0] is None else float(row[0])

    def integrity(self) -> str:
        return str(self.db.execute("PRAGMA integrity_check").fetchone()[0])


def _card(row: tuple[object, ...]) -> CardProgress:
    (bank_id, question_id, fingerprint, state, step, stability, difficulty, due, last,
     reviews, lapses) = row  # fmt: skip
    return CardProgress(
        bank_id=str(bank_id),
        question_id=str(question_id),
        answer_fingerprint=str(fingerprint),
        state=CardState(int(state)),  # type: ignore[call-overload]
        step=None if step is None else int(step),  # type: ignore[call-overload]
        stability=None if stability is None else float(stability),  # type: ignore[arg-type]
        difficulty=None if difficulty is None else float(difficulty),  # type: ignore[arg-type]
        due=_moment(due),  # type: ignore[arg-type]
        last_review=_moment(last),  # type: ignore[arg-type]
        reviews=int(reviews),  # type: ignore[call-overload]
        lapses=int(lapses),  # type: ignore[call-overload]
    )


@dataclass(frozen=True)
class Accuracy:
    """Answers and right answers over a span."""

    answers: int
    correct: int

    @property
    def share(self) -> float | None:
        return self.correct / self.answers if self.answers else None


@dataclass(frozen=True)
class DayActivity:
    """Answers and right answers on one day."""

    day: str
    answers: int
    correct: int


@dataclass(frozen=True)
class QuestionStanding:
    """How one question has gone so far."""

    bank_id: str
    question_id: str
    answers: int
    correct: int
    mean_fraction: float
    lapses: int


@dataclass(frozen=True)
class Statistics:
    """Every figure `newsquiz stats` shows."""

    sessions: int
    overall: Accuracy
    last_7_days: Accuracy
    last_30_days: Accuracy
    activity: tuple[DayActivity, ...]
    by_bank: tuple[tuple[str, Accuracy], ...]
    by_tag: tuple[tuple[str, Accuracy], ...]
    due_ready: int
    """Due at this moment: what `newsquiz review` would ask now."""
    due_now: int
    """Due by the end of today (learning steps of minutes fall due later today)."""
    forecast: tuple[tuple[str, int], ...]
    weakest: tuple[QuestionStanding, ...]
    leeches: tuple[QuestionStanding, ...]
    leech_count: int


def _days_back(today: dt.date, days: int) -> str:
    return (today - dt.timedelta(days=days - 1)).isoformat()


def gather_statistics(
    store: Store, now: dt.datetime, bank_id: str | None = None, *, leech_lapses: int = LEECH_LAPSES
) -> Statistics:
    """Every figure of `newsquiz stats`, from SQL aggregates.

    All-time figures read the per-question totals, windowed ones the answers of
    the window only (through the index on ``day``): the cost follows the
    number of questions and recent activity, not the length of the history.
    """
    db = store.db
    today = now.astimezone().date()
    where_bank = " AND bank_id = ?" if bank_id else ""
    extra: tuple[object, ...] = (bank_id,) if bank_id else ()

    def accuracy(sql: str, values: tuple[object, ...]) -> Accuracy:
        answers, correct = db.execute(sql, values).fetchone()
        return Accuracy(int(answers or 0), int(correct or 0))

    overall = accuracy(
        f"SELECT SUM(answers), SUM(correct) FROM question_totals WHERE 1 = 1{where_bank}", extra
    )
    windows = [
        accuracy(
            f"SELECT COUNT(*), SUM(correct) FROM answers WHERE day >= ?{where_bank}",
            (_days_back(today, days), *extra),
        )
        for days in (7, 30)
    ]
    counts = dict.fromkeys((_days_back(today, 30 - i) for i in range(30)), (0, 0))
    for day, answers, correct in db.execute(
        f"SELECT day, COUNT(*), SUM(correct) FROM answers WHERE day >= ?{where_bank} GROUP BY day",
        (_days_back(today, 30), *extra),
    ):
        counts[day] = (int(answers), int(correct or 0))
    activity = tuple(DayActivity(day, a, c) for day, (a, c) in sorted(counts.items()))
    by_bank = tuple(
        (str(b), Accuracy(int(a), int(c)))
        for b, a, c in db.execute(
            f"SELECT bank_id, SUM(answers), SUM(correct) FROM question_totals"
            f" WHERE 1 = 1{where_bank} GROUP BY bank_id ORDER BY bank_id",
            extra,
        )
    )
    by_tag = tuple(
        (str(t), Accuracy(int(a), int(c)))
        for t, a, c in db.execute(
            "SELECT tag, SUM(t.answers), SUM(t.correct) FROM question_totals AS t"
            " JOIN question_tags AS g USING (bank_id, question_id)"
            f" WHERE 1 = 1{where_bank.replace('bank_id', 't.bank_id')}"
            " GROUP BY tag ORDER BY tag",
            extra,
        )
    )
    end_of_today = dt.datetime.combine(
        today + dt.timedelta(days=1), dt.time(), now.astimezone().tzinfo
    )
    due_now = int(
        db.execute(
            f"SELECT COUNT(*) FROM cards WHERE due < ?{where_bank}", (_epoch(end_of_today), *extra)
        ).fetchone()[0]
    )
    due_ready = int(
        db.execute(
            f"SELECT COUNT(*) FROM cards WHERE due <= ?{where_bank}", (_epoch(now), *extra)
        ).fetchone()[0]
    )
    forecast = []
    for offset in range(1, 8):
        start = end_of_today + dt.timedelta(days=offset - 1)
        count = db.execute(
            f"SELECT COUNT(*) FROM cards WHERE due >= ? AND due < ?{where_bank}",
            (_epoch(start), _epoch(start + dt.timedelta(days=1)), *extra),
        ).fetchone()[0]
        forecast.append(((today + dt.timedelta(days=offset)).isoformat(), int(count)))
    standing_sql = (
        "SELECT t.bank_id, t.question_id, t.answers, t.correct, t.fraction_sum / t.answers,"
        " COALESCE(c.lapses, 0) FROM question_totals AS t"
        " LEFT JOIN cards AS c USING (bank_id, question_id)"
        f" WHERE t.answers > 0{where_bank.replace('bank_id', 't.bank_id')}"
    )
    weakest = tuple(
        QuestionStanding(str(b), str(q), int(a), int(c), float(f), int(lapses))
        for b, q, a, c, f, lapses in db.execute(
            standing_sql + " AND t.correct < t.answers"
            " ORDER BY t.fraction_sum / t.answers, t.answers DESC LIMIT 5",
            extra,
        )
    )
    leeches = tuple(
        QuestionStanding(str(b), str(q), int(a), int(c), float(f), int(lapses))
        for b, q, a, c, f, lapses in db.execute(
            standing_sql + " AND c.lapses >= ? ORDER BY c.lapses DESC LIMIT 10",
            (*extra, leech_lapses),
        )
    )
    sessions = int(
        db.execute(f"SELECT COUNT(*) FROM sessions WHERE 1 = 1{where_bank}", extra).fetchone()[0]
    )
    leech_count = int(
        db.execute(
            f"SELECT COUNT(*) FROM cards WHERE lapses >= ?{where_bank}", (leech_lapses, *extra)
        ).fetchone()[0]
    )
    return Statistics(
        sessions=sessions,
        overall=overall,
        last_7_days=windows[0],
        last_30_days=windows[1],
        activity=activity,
        by_bank=by_bank,
        by_tag=by_tag,
        due_ready=due_ready,
        due_now=due_now,
        forecast=tuple(forecast),
        weakest=weakest,
        leeches=leeches,
        leech_count=leech_count,
    )


def next_due(
    store: Store, now: dt.datetime, bank_ids: Sequence[str] | None = None
) -> tuple[dt.datetime, int] | None:
    """When the next questions fall due (after ``now``), and how many fall due that day."""
    local = now.astimezone()
    where = ""
    values: list[object] = []
    if bank_ids is not None:
        where = f" AND bank_id IN ({','.join('?' * len(bank_ids))})"
        values = list(bank_ids)
    first = store.db.execute(
        f"SELECT MIN(due) FROM cards WHERE due > ?{where}", (_epoch(now), *values)
    ).fetchone()[0]
    if first is None:
        return None
    moment = dt.datetime.fromtimestamp(int(first), UTC).astimezone(local.tzinfo)
    end_of_day = dt.datetime.combine(moment.date() + dt.timedelta(days=1), dt.time(), local.tzinfo)
    count = store.db.execute(
        f"SELECT COUNT(*) FROM cards WHERE due > ? AND due < ?{where}",
        (_epoch(now), _epoch(end_of_day), *values),
    ).fetchone()[0]
    return moment, int(count)
