"""play, review and stats together, in-process with a clock the test moves."""

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

T0 = dt.datetime(2025, 6, 23, 9, 0, tzinfo=dt.timezone.utc)

BANK = """\
newsquiz: 1
id: mini
title: Mini
language: en
tags: [mali]
questions:
  - {id: who, type: choice, prompt: Who received him?, choices: [Putin, Lavrov], answer: Putin, explanation: e, tags: [people]}
  - {id: left, type: truefalse, prompt: Wagner left Mali., answer: true, explanation: e}
  - {id: name, type: short, prompt: His family name?, answer: Goïta, explanation: e, tags: [people]}
"""


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    path = tmp_path / "mini.yaml"
    path.write_text(BANK, encoding="utf-8")
    return path


def run(argv: list[str], typed: str, clock: Clock, cwd: Path, data: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    env = Environment(
        stdin=io.StringIO(typed),
        stdout=out,
        stderr=err,
        environ={"NEWSQUIZ_DATA_DIR": str(data), "LANG": "en_US.UTF-8"},
        cwd=cwd,
        clock=clock,
        monotonic=lambda: 0.0,
        rng=random.Random(0),
    )
    code = main(argv, env)
    return code, out.getvalue(), err.getvalue()


def rows(data: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(data / "progress.sqlite3") as db:
        return db.execute(sql).fetchall()


def test_practice_saves_every_answer_and_schedules_it(
    bank: Path, clock: Clock, tmp_path: Path, private_data_dir: Path
) -> None:
    code, _, _ = run(
        ["play", str(bank), "--no-shuffle"], "1\nf\ngoita\n", clock, tmp_path, private_data_dir
    )
    assert code == 0
    assert rows(
        private_data_dir, "SELECT question_id, correct, rating FROM answers ORDER BY id"
    ) == [
        ("who", 1, 3),
        ("left", 0, 1),
        ("name", 1, 3),
    ]
    assert rows(private_data_dir, "SELECT COUNT(*) FROM cards") == [(3,)]
    assert rows(private_data_dir, "SELECT mode, score, max_score FROM sessions") == [
        ("practice", 2.0, 3.0)
    ]


def test_exam_is_recorded_but_not_scheduled(
    bank: Path, clock: Clock, tmp_path: Path, private_data_dir: Path
) -> None:
    run(
        ["play", str(bank), "--exam", "--no-shuffle"],
        "1\nt\ngoita\n",
        clock,
        tmp_path,
        private_data_dir,
    )
    assert rows(private_data_dir, "SELECT COUNT(*), SUM(rating IS NULL) FROM answers") == [(3, 3)]
    assert rows(private_data_dir, "SELECT COUNT(*) FROM cards") == [(0,)]


def test_no_save_leaves_no_trace(
    bank: Path, clock: Clock, tmp_path: Path, private_data_dir: Path
) -> None:
    code, out, _ = run(
        ["play", str(bank), "--no-save"], "1\nt\ngoita\n", clock, tmp_path, private_data_dir
    )
    assert code == 0
    assert "Score:" in out
    assert not (private_data_dir / "progress.sqlite3").exists()


def test_review_brings_back_what_is_due_most_overdue_first(
    bank: Path, clock: Clock, tmp_path: Path, private_data_dir: Path
) -> None:
    run(["play", str(bank), "--no-shuffle"], "2\nf\nwho knows\n", clock, tmp_path, private_data_dir)
    code, out, _ = run(["review"], "", clock, tmp_path, private_data_dir)
    assert code == 0
    assert "Nothing to review now." in out
    # Wrong answers come back tomorrow, not later the same day.
    assert "Next: 3 due tomorrow." in out
    clock.now = T0 + dt.timedelta(days=1, hours=1)
    code, out, _ = run(["review", "--new", "0"], "1\nt\ngoita\n", clock, tmp_path, private_data_dir)
    assert code == 0
    assert "3 due, 0 new." in out
    assert (
        out.index("Who received him?")
        < out.index("Wagner left Mali.")
        < out.index("His family name?")
    )
    assert "Score: 3 of 3 points (100%)." in out
    assert "Next:" in out
    assert rows(
        private_data_dir, "SELECT mode, COUNT(*) FROM answers GROUP BY mode ORDER BY mode"
    ) == [
        ("practice", 3),
        ("review", 3),
    ]


def test_review_offers_new_questions_up_to_the_daily_limit(
    bank: Path, clock: Clock, tmp_path: Path, private_data_dir: Path
) -> None:
    run(["play", str(bank), "-n", "1", "--no-shuffle"], "1\n", clock, tmp_path, private_data_dir)
    code, out, _ = run(["review", "--new", "1"], "t\n", clock, tmp_path, private_data_dir)
    assert code == 0
    assert "0 due, 1 new." in out
    assert "Wagner left Mali." in out
    _, out, _ = run(["review", "--new", "1"], "", clock, tmp_path, private_data_dir)
    assert "Nothing to review now." in out


def test_a_changed_answer_restarts_the_schedule_and_says_so(
    bank: Path, clock: Clock, tmp_path: Path, private_data_dir: Path
) -> None:
    run(["play", str(bank), "--no-shuffle"], "1\nt\ngoita\n", clock, tmp_path, private_data_dir)
    bank.write_text(
        BANK.replace("answer: Goïta", "answer: Keïta").replace(
            "Who received him?", "Who received him ?"
        ),
        encoding="utf-8",
    )
    code, out, _ = run(["play", str(bank), "--no-shuffle"], "", clock, tmp_path, private_data_dir)
    assert code == 0
    assert 'The answer to "His family name?" changed in the bank: its review starts again.' in out
    assert "Who received him" not in out.split("Mini")[0]
    assert rows(private_data_dir, "SELECT question_id FROM cards ORDER BY question_id") == [
        ("left",),
        ("who",),
    ]


def test_stats_json_and_chart(
    bank: Path, clock: Clock, tmp_path: Path, private_data_dir: Path
) -> None:
    run(["play", str(bank), "--no-shuffle"], "1\nf\ngoita\n", clock, tmp_path, private_data_dir)
    code, out, _ = run(["stats", "--json"], "", clock, tmp_path, private_data_dir)
    assert code == 0
    figures = json.loads(out)
    assert figures["overall"] == {"answers": 3, "correct": 2}
    assert figures["sessions"] == 1
    assert {t["tag"]: t["correct"] for t in figures["by_tag"]} == {"mali": 2, "people": 2}
    assert figures["by_bank"] == [{"bank": "mini", "answers": 3, "correct": 2}]
    assert all(set(day) == {"day", "due"} for day in figures["forecast"])
    # Right the first time: due in days. Only the wrong one comes back, tomorrow.
    assert (figures["due_now"], figures["due_today"]) == (0, 0)
    assert figures["forecast"][0]["due"] == 1
    assert figures["weakest"][0]["question_id"] == "left"
    assert figures["weakest"][0]["prompt"] == "Wagner left Mali."
    code, out, _ = run(["stats"], "", clock, tmp_path, private_data_dir)
    assert "3 answers in 1 session." in out
    assert "all time     [####################----------]   67% (3 answers)" in out
    assert "- Wagner left Mali. (mini: 0 right of 1)" in out


def test_stats_with_nothing_played(clock: Clock, tmp_path: Path, private_data_dir: Path) -> None:
    code, out, _ = run(["stats"], "", clock, tmp_path, private_data_dir)
    assert code == 0
    assert "No answers yet: play a bank with 'newsquiz play', then come back." in out


def test_lang_tag_and_count_options(clock: Clock, tmp_path: Path, private_data_dir: Path) -> None:
    code, out, _ = run(
        [
            "play",
            "goita-kremlin-2025-fr",
            "--lang",
            "en",
            "--tag",
            "wagner",
            "-n",
            "2",
            "--no-save",
        ],
        "",
        clock,
        tmp_path,
        private_data_dir,
    )
    assert code == 0
    assert "Practice: feedback after every answer." in out
    assert "2 questions" in out
    assert "Question 1 of 2" in out


def test_unknown_tag_is_a_usage_error(clock: Clock, tmp_path: Path, private_data_dir: Path) -> None:
    code, _, err = run(
        ["play", "goita-kremlin-2025-fr", "--tag", "sport"], "", clock, tmp_path, private_data_dir
    )
    assert code == 2
    # The bank at hand is French: so is the message.
    assert err.startswith("newsquiz play: aucune question n'a le thème sport (thèmes de cette")
    code, _, err = run(
        ["play", "goita-kremlin-2025-fr", "--tag", "sport", "--lang", "en"],
        "",
        clock,
        tmp_path,
        private_data_dir,
    )
    assert code == 2
    assert err.startswith("newsquiz play: no question has the tag sport (tags in this bank:")


class TerminalOutput(io.StringIO):
    """An output that says it is a terminal, so colour is on unless turned off."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("argv", "environ", "coloured"),
    [
        (["stats"], {}, True),
        (["stats", "--no-color"], {}, False),
        (["stats"], {"NO_COLOR": "1"}, False),
    ],
)
def test_colour_is_off_with_no_color(
    bank: Path,
    clock: Clock,
    tmp_path: Path,
    private_data_dir: Path,
    argv: list[str],
    environ: dict[str, str],
    coloured: bool,
) -> None:
    run(["play", str(bank)], "1\nt\ngoita\n", clock, tmp_path, private_data_dir)
    out = TerminalOutput()
    env = Environment(
        stdin=io.StringIO(),
        stdout=out,
        stderr=io.StringIO(),
        environ={"NEWSQUIZ_DATA_DIR": str(private_data_dir), "TERM": "xterm-256color", **environ},
        cwd=tmp_path,
        clock=clock,
    )
    assert main(argv, env) == 0
    assert ("\x1b[" in out.getvalue()) is coloured


def _every_string(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [str(k), *_every_string(v)]]
    if isinstance(value, list):
        return [s for v in value for s in _every_string(v)]
    return [value] if isinstance(value, str) else []


def test_after_a_review_no_bank_is_called_review(
    bank: Path, clock: Clock, tmp_path: Path, private_data_dir: Path
) -> None:
    """A review spans banks: it is saved as a review, never as a bank named "review"."""
    run(["play", str(bank), "--no-shuffle"], "2\nf\nwho knows\n", clock, tmp_path, private_data_dir)
    clock.now = T0 + dt.timedelta(days=1, hours=1)
    code, out, _ = run(["review"], "1\nt\ngoita\n", clock, tmp_path, private_data_dir)
    assert code == 0 and "3 due, 0 new." in out
    assert rows(private_data_dir, "SELECT mode FROM sessions ORDER BY id") == [
        ("practice",),
        ("review",),
    ]
    code, _, err = run(["stats", "nosuch"], "", clock, tmp_path, private_data_dir)
    assert code == 2
    assert "(banks with answers: mini)." in err and "review" not in err
    code, _, err = run(["stats", "review"], "", clock, tmp_path, private_data_dir)
    assert code == 2 and "mini" in err
    code, out, _ = run(["stats", "--json"], "", clock, tmp_path, private_data_dir)
    figures = json.loads(out)
    assert figures["sessions"] == 2
    assert [b["bank"] for b in figures["by_bank"]] == ["mini"]
    assert "review" not in _every_string(figures)
    stored = rows(
        private_data_dir,
        "SELECT bank_id FROM sessions UNION SELECT bank_id FROM answers"
        " UNION SELECT bank_id FROM cards UNION SELECT bank_id FROM question_totals",
    )
    assert "review" not in {bank_id for (bank_id,) in stored}


def test_a_store_that_saved_reviews_as_a_bank_forgets_that_bank(
    bank: Path, clock: Clock, tmp_path: Path, private_data_dir: Path
) -> None:
    """Reviews saved by an earlier version under the bank id "review" are mended."""
    run(["play", str(bank), "--no-shuffle"], "1\nt\ngoita\n", clock, tmp_path, private_data_dir)
    with sqlite3.connect(private_data_dir / "progress.sqlite3") as db:
        db.execute(
            "INSERT INTO sessions (bank_id, mode, started_at) VALUES ('review', 'review', 0)"
        )
        db.execute("PRAGMA user_version = 1")
    db.close()
    code, _, err = run(["stats", "review"], "", clock, tmp_path, private_data_dir)
    assert code == 2 and "(banks with answers: mini)." in err
    run(["play", str(bank), "--no-shuffle"], "1\nt\ngoita\n", clock, tmp_path, private_data_dir)
    assert rows(private_data_dir, "SELECT bank_id FROM sessions WHERE mode = 'review'") == [("",)]


def test_review_and_stats_of_a_folder_or_an_unknown_bank_are_usage_errors(
    bank: Path, clock: Clock, tmp_path: Path, private_data_dir: Path
) -> None:
    """One rule for naming a bank in play and review: a folder, or nothing by that name."""
    (tmp_path / "folder").mkdir()
    for command in ("play", "review"):
        code, _, err = run([command, "folder"], "", clock, tmp_path, private_data_dir)
        assert code == 2 and "folder is a folder" in err, err
        code, _, err = run([command, "nosuch"], "", clock, tmp_path, private_data_dir)
        assert code == 2 and "nosuch" in err and "Traceback" not in err, err


def test_each_command_is_done_with_the_store_when_it_ends(
    bank: Path, clock: Clock, tmp_path: Path, private_data_dir: Path
) -> None:
    """play, review and stats close the store: its write-ahead log is folded back in."""
    wal = private_data_dir / "progress.sqlite3-wal"
    played = ["play", str(bank), "--no-shuffle"]
    assert run(played, "1\nf\ngoita\n", clock, tmp_path, private_data_dir)[0] == 0
    assert not wal.exists()
    clock.now += dt.timedelta(days=30)
    code, out, _ = run(["review"], "1\nt\ngoita\n", clock, tmp_path, private_data_dir)
    assert code == 0 and "review" in out.lower()
    assert not wal.exists()
    assert run(["stats"], "", clock, tmp_path, private_data_dir)[0] == 0
    assert not wal.exists()
