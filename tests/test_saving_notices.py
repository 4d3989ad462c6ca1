"""What play says about keeping the learner's work: progress that stops being saved (a store
another program holds) and starts again, and a results file nobody reads. In-process."""

from __future__ import annotations

import errno
import io
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import newsquiz.store  # noqa: F401 - loaded now, so its waiting time can be shortened
from newsquiz.cli import main
from newsquiz.context import Environment

BANK = """\
newsquiz: 1
id: alpha
title: Alpha
language: en
questions:
  - {id: a1, type: truefalse, prompt: Alpha one is true., answer: true, explanation: e}
  - {id: a2, type: truefalse, prompt: Alpha two is true., answer: true, explanation: e}
"""


class Typing(io.StringIO):
    """Typed lines; something else happens just before line ``at`` is read."""

    def __init__(self, text: str, at: int, meanwhile: Callable[[], object]) -> None:
        super().__init__(text)
        self.read, self.at, self.meanwhile = 0, at, meanwhile

    def readline(self, size: int | None = -1, /) -> str:
        self.read += 1
        if self.read == self.at:
            self.meanwhile()
        return super().readline(size)


def run(argv: list[str], cwd: Path, data: Path, stdin: io.StringIO) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    environ = {"LANG": "en_US.UTF-8", "NEWSQUIZ_DATA_DIR": str(data)}
    env = Environment(stdin=stdin, stdout=out, stderr=err, environ=environ, cwd=cwd)
    return main(argv, env), out.getvalue(), err.getvalue()


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    (tmp_path / "alpha.yaml").write_text(BANK, encoding="utf-8")
    return tmp_path


def test_progress_saved_again_once_the_store_is_free_and_nothing_is_lost(
    bank: Path, private_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Wait a tenth of a second for a busy store, not seconds: wherever the store keeps it.
    shortened = False
    for name, module in list(sys.modules.items()):
        if name.startswith("newsquiz.store") and hasattr(module, "BUSY_TIMEOUT_MS"):
            monkeypatch.setattr(module, "BUSY_TIMEOUT_MS", 100)
            shortened = True
    assert shortened
    played = ["play", "alpha.yaml", "--no-shuffle"]
    assert run([*played, "-n", "1"], bank, private_data_dir, io.StringIO("t\n"))[0] == 0
    holder = sqlite3.connect(private_data_dir / "progress.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program holds the store...
    try:
        # ...until the learner types the second answer.
        typed = Typing("t\nt\n", at=2, meanwhile=lambda: holder.execute("ROLLBACK"))
        code, out, err = run(played, bank, private_data_dir, typed)
    finally:
        holder.close()
    assert (code, err) == (0, "")
    first, second = out.split("Question 2 of 2")
    assert "Progress is no longer being saved (database is locked)." in first
    assert "Progress is being saved again." in second
    assert "could not be saved" not in out
    db = sqlite3.connect(private_data_dir / "progress.sqlite3")
    try:
        answers = db.execute("SELECT question_id FROM answers ORDER BY id").fetchall()
    finally:
        db.close()
    assert answers == [("a1",), ("a1",), ("a2",)]


def test_a_results_file_nobody_reads_is_said_after_the_summary(bank: Path, tmp_path: Path) -> None:
    os.mkfifo(bank / "results.fifo")
    code, out, err = run(
        ["play", "alpha.yaml", "--no-shuffle", "--no-save", "--results", "results.fifo"],
        bank,
        tmp_path / "data",
        io.StringIO("t\nt\n"),
    )
    assert (code, err) == (1, "")
    assert "Score: 2 of 2 points (100%)." in out
    # The last words on screen (the console wraps them at its width).
    assert " ".join(out.split()).endswith(
        "The results could not be written to results.fifo: no program is reading this FIFO."
    )


class HangsUpAtTheSummary(io.StringIO):
    """A terminal that goes away (EIO) just as the results are shown."""

    gone = False

    def write(self, text: str) -> int:
        if self.gone or "Results" in text:
            self.gone = True
            raise OSError(errno.EIO, "Input/output error")
        return super().write(text)


def test_a_terminal_gone_at_the_summary_still_saves_everything(
    bank: Path, private_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The output that failed is pointed at /dev/null by descriptor: a file's, not the run's.
    terminal = open(bank / "terminal", "w", encoding="utf-8")  # noqa: SIM115
    monkeypatch.setattr(sys, "stdout", terminal)
    out, err = HangsUpAtTheSummary(), io.StringIO()
    environ = {"LANG": "en_US.UTF-8", "NEWSQUIZ_DATA_DIR": str(private_data_dir)}
    env = Environment(
        stdin=io.StringIO("t\nt\n"), stdout=out, stderr=err, environ=environ, cwd=bank
    )
    try:
        code = main(["play", "alpha.yaml", "--no-shuffle"], env)
    finally:
        terminal.close()
    assert (code, err.getvalue()) == (0, "")
    assert "Score:" not in out.getvalue()
    db = sqlite3.connect(private_data_dir / "progress.sqlite3")
    try:
        saved = db.execute(
            "SELECT COUNT(*), MAX(s.finished_at IS NOT NULL) FROM answers a"
            " JOIN sessions s ON s.id = a.session_id"
        ).fetchall()
    finally:
        db.close()
    assert saved == [(2, 1)]
