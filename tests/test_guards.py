"""Guards a user relies on without seeing them, each once broken without the suite noticing.

- a write to the store that fails halfway leaves nothing of itself, and later answers are saved;
- `check --format json` counts the warnings it lists;
- `stats BANK` for a bank with no answers is a usage error, not an empty report;
- `review BANK` asks only the named banks' questions;
- a store written by a newer newsquiz is left alone, never opened nor "migrated" back.

Each test here was checked by breaking the code on purpose and seeing it fail.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random
import sqlite3
from pathlib import Path

import pytest

from newsquiz.cli import main
from newsquiz.context import Environment
from newsquiz.store import AnswerRecord, Store

T0 = dt.datetime(2025, 6, 23, 9, 0, tzinfo=dt.timezone.utc)

ALPHA = """\
newsquiz: 1
id: alpha
title: Alpha
language: en
questions:
  - {id: a1, type: truefalse, prompt: Alpha one is true., answer: true, explanation: e}
  - {id: a2, type: truefalse, prompt: Alpha two is true., answer: true, explanation: e}
"""
BETA = (
    ALPHA.replace("alpha", "beta").replace("Alpha", "Beta").replace("a1", "b1").replace("a2", "b2")
)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


def run(
    argv: list[str], folder: Path, data: Path, typed: str = "", clock: Clock | None = None
) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    env = Environment(
        stdin=io.StringIO(typed),
        stdout=out,
        stderr=err,
        environ={"NEWSQUIZ_DATA_DIR": str(data), "LANG": "en_US.UTF-8"},
        cwd=folder,
        clock=clock or Clock(),
        monotonic=lambda: 0.0,
        rng=random.Random(0),
    )
    code = main(argv, env)
    return code, out.getvalue(), err.getvalue()


def rows(data: Path, sql: str) -> list[tuple[object, ...]]:
    db = sqlite3.connect(data / "progress.sqlite3")
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


@pytest.fixture
def two_banks_missed(tmp_path: Path, private_data_dir: Path) -> Path:
    """Banks alpha and beta in ./quizzes, each played once with both answers wrong."""
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "quizzes" / "a.yaml").write_text(ALPHA, encoding="utf-8")
    (tmp_path / "quizzes" / "b.yaml").write_text(BETA, encoding="utf-8")
    for name in ("alpha", "quizzes/b.yaml"):
        code, _, _ = run(["play", name, "--no-shuffle"], tmp_path, private_data_dir, "f\nf\n")
        assert code == 0
    return tmp_path


# ----------------------------------------------------------- store: a failed write


def answer(question_id: str) -> AnswerRecord:
    return AnswerRecord(
        bank_id="alpha",
        question_id=question_id,
        answered_at=T0,
        mode="practice",
        correct=True,
        fraction=1.0,
        points=1.0,
        max_points=1.0,
        hint_used=False,
        seconds=3.0,
        response="t",
        rating=None,
    )


def test_a_write_failing_halfway_keeps_nothing_and_the_next_answer_is_saved(
    tmp_path: Path,
) -> None:
    path = tmp_path / "progress.sqlite3"
    store = Store(path)
    # The disk fills up after the answer is written but before its totals are:
    # the half-written answer must go, and the store must take the next one.
    store.db.execute(
        "CREATE TEMP TRIGGER full_disk BEFORE INSERT ON question_totals"
        " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
    )
    with pytest.raises(sqlite3.DatabaseError, match="disk is full"):
        store.record_answer(None, answer("a1"))
    store.db.execute("DROP TRIGGER full_disk")
    store.record_answer(None, answer("a2"))
    store.close()

    assert rows(tmp_path, "SELECT question_id FROM answers") == [("a2",)]
    assert rows(tmp_path, "SELECT question_id, answers FROM question_totals") == [("a2", 1)]


# ------------------------------------------------------- check --format json counts


def test_check_json_counts_the_warnings_and_errors_it_lists(tmp_path: Path) -> None:
    no_explanation = ALPHA.replace(", explanation: e", "")
    (tmp_path / "w.yaml").write_text(no_explanation, encoding="utf-8")
    (tmp_path / "e.yaml").write_text(
        no_explanation.replace("id: alpha", "id: other").replace(
            "answer: true}", "answer: maybe}", 1
        ),
        encoding="utf-8",
    )
    code, out, _ = run(["check", "--format", "json", "."], tmp_path, tmp_path / "data")
    assert code == 1
    report = json.loads(out)
    severities = [p["severity"] for bank in report["banks"] for p in bank["problems"]]
    assert sorted(severities) == ["error"] + ["warning"] * 4
    assert (report["errors"], report["warnings"]) == (1, 4)

    code, out, _ = run(["check", "--format", "json", "w.yaml"], tmp_path, tmp_path / "data")
    assert code == 0
    assert (json.loads(out)["errors"], json.loads(out)["warnings"]) == (0, 2)
    code, out, _ = run(["check", "w.yaml"], tmp_path, tmp_path / "data")
    assert out.splitlines()[-1] == "1 bank checked: 0 errors, 2 warnings"


# ---------------------------------------------------------------- stats UNKNOWN


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_stats_for_a_bank_with_no_answers_is_a_usage_error(
    two_banks_missed: Path, private_data_dir: Path, json_flag: list[str]
) -> None:
    code, out, err = run(["stats", *json_flag, "nosuch"], two_banks_missed, private_data_dir)
    assert code == 2
    assert out == ""
    assert err == "No answers for the bank nosuch (banks with answers: alpha, beta).\n"
    # A bank with answers is accepted, and only its figures are shown.
    code, out, _ = run(["stats", "--json", "beta"], two_banks_missed, private_data_dir)
    assert code == 0
    assert json.loads(out)["by_bank"] == [{"bank": "beta", "answers": 2, "correct": 0}]


# ---------------------------------------------------------------- review BANK


def test_review_of_a_named_bank_asks_only_its_questions(
    two_banks_missed: Path, private_data_dir: Path
) -> None:
    clock = Clock()
    clock.now = T0 + dt.timedelta(days=2)
    code, out, _ = run(
        ["review", "beta"], two_banks_missed, private_data_dir, "t\nt\nt\nt\n", clock
    )
    assert code == 0
    assert "2 due, 0 new." in out
    assert "Beta one is true." in out and "Beta two is true." in out
    assert "Alpha" not in out
    assert rows(
        private_data_dir, "SELECT question_id FROM answers WHERE mode = 'review' ORDER BY 1"
    ) == [("b1",), ("b2",)]
    # Everything due, in both banks, without a name.
    code, out, _ = run(["review"], two_banks_missed, private_data_dir, "t\nt\n", clock)
    assert "2 due, 0 new." in out
    assert "Alpha one is true." in out and "Beta" not in out


# --------------------------------------------------- a store from a newer newsquiz


def test_a_store_written_by_a_newer_newsquiz_is_left_alone(
    two_banks_missed: Path, private_data_dir: Path
) -> None:
    db = sqlite3.connect(private_data_dir / "progress.sqlite3")
    db.execute("PRAGMA user_version = 99")
    db.close()
    store = private_data_dir / "progress.sqlite3"
    newer = f"{store} was written by a newer newsquiz (store version 99): upgrade newsquiz."

    code, out, err = run(["stats"], two_banks_missed, private_data_dir)
    assert (code, out) == (1, "")
    assert err == f"No progress to show: {newer}\n"

    code, out, err = run(
        ["play", "alpha", "--no-shuffle"], two_banks_missed, private_data_dir, "t\nt\n"
    )
    assert code == 0
    assert "Score: 2 of 2 points (100%)." in out
    assert err == f"Progress will not be saved: {newer}\n"

    # Nothing written, nothing "migrated" back to this version's layout.
    assert rows(private_data_dir, "PRAGMA user_version") == [(99,)]
    assert rows(private_data_dir, "SELECT COUNT(*) FROM answers") == [(4,)]
