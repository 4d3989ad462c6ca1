"""The installed `newsquiz` command in a real pseudo-terminal, as a student uses it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

NEWSQUIZ = Path(sys.executable).with_name("newsquiz")
DOWN = "\x1b[B"

BANK = """\
newsquiz: 1
id: mini
title: Mini bank
language: en
questions:
  - id: who
    type: choice
    prompt: Who received Goita at the Kremlin?
    choices: [Vladimir Putin, Sergei Lavrov, Dmitry Medvedev]
    answer: Vladimir Putin
    explanation: The head of state himself.
    evidence: "reçu lundi 23 juin 2025 au Kremlin"
  - id: name
    type: short
    prompt: Family name of the head of the Malian junta?
    answer: Goïta
    hint: Assimi ...
    explanation: Assimi Goïta, a colonel when he took power.
  - id: wagner
    type: truefalse
    prompt: Wagner has left Mali.
    answer: true
    explanation: Africa Corps replaced it.
"""

pytestmark = pytest.mark.skipif(not NEWSQUIZ.exists(), reason=f"{NEWSQUIZ} is not installed")


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    path = tmp_path / "mini.yaml"
    path.write_text(BANK, encoding="utf-8")
    return path


def spawn(*args: str, cwd: Path) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update(TERM="xterm-256color", NO_COLOR="1", LANG="C.UTF-8")
    return pexpect.spawn(
        str(NEWSQUIZ),
        list(args),
        cwd=str(cwd),
        env=env,
        encoding="utf-8",
        dimensions=(40, 100),
        timeout=20,
    )


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus is not None, child.signalstatus
    return child.exitstatus


def test_full_practice_run(bank: Path, tmp_path: Path) -> None:
    child = spawn("play", str(bank), "--no-shuffle", "--results", "r.json", cwd=tmp_path)
    child.expect("Question 1 of 3")
    child.expect(r"\(arrow keys, then Enter\)")
    child.send(DOWN + "\r")  # Sergei Lavrov: wrong
    child.expect("Wrong.")
    child.expect("The answer: Vladimir Putin")
    child.expect("The head of state himself.")
    child.expect("reçu lundi 23 juin 2025 au Kremlin")
    child.expect("Question 2 of 3")
    child.expect(r"\? for the hint")
    child.send("?\r")
    child.expect(r"Hint: Assimi \.\.\.")
    child.send("Goitta\r")  # a typo, forgiven, worth half with the hint
    child.expect("Correct.")
    child.expect(r"0\.5 of 1 point\. \(halved: the hint was used\)")
    child.expect("the exact spelling is “Goïta”")
    child.expect("Question 3 of 3")
    child.send("\r")  # True is highlighted first
    child.expect("Correct.")
    child.expect(r"Score: 1\.5 of 3 points \(50%\)")
    child.expect("Retry the missed question")
    child.expect("No")
    child.send(DOWN + "\r")
    assert finish(child) == 0
    results = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert [(q["id"], q["points"], q["hint_used"]) for q in results["questions"]] == [
        ("who", 0, False),
        ("name", 0.5, True),
        ("wagner", 1, False),
    ]


def test_exam_run_gives_feedback_only_at_the_end(bank: Path, tmp_path: Path) -> None:
    child = spawn("play", str(bank), "--exam", "--no-shuffle", cwd=tmp_path)
    child.expect("Exam: no feedback until the end.")
    child.expect(r"\(arrow keys, then Enter\)")
    child.send("\r")
    child.expect("Answer recorded.")
    child.expect("Question 2 of 3")
    child.send("goita\r")
    child.expect("Answer recorded.")
    child.send(DOWN + "\r")
    child.expect("Answer recorded.")
    before = child.before
    child.expect(r"Score: 2 of 3 points \(67%\)")
    assert "Correct." not in before
    child.expect("Wagner has left Mali. — the answer: True")
    child.expect("Retry the missed question")
    child.expect("No")
    child.send("\r")  # after an exam, No is the default
    assert finish(child) == 0


def test_ctrl_c_shows_the_summary_writes_results_and_exits_130(bank: Path, tmp_path: Path) -> None:
    child = spawn("play", str(bank), "--no-shuffle", "--results", "r.json", cwd=tmp_path)
    child.expect(r"\(arrow keys, then Enter\)")
    child.send("\r")
    child.expect("Correct.")
    child.expect("Question 2 of 3")
    child.expect("Your answer")
    child.sendintr()
    child.expect("Session stopped.")
    child.expect(r"Score: 1 of 1 point \(100%\)")
    assert finish(child) == 130
    results = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    # Every question of the session is listed; the one on screen at Ctrl-C was
    # reached but not answered (not skipped), the last was never reached.
    assert [(q["id"], q["reached"]) for q in results["questions"]] == [
        ("who", True),
        ("name", True),
        ("wagner", False),
    ]
    assert results["questions"][1]["response"] is None
    assert results["questions"][1]["skipped"] is False
    assert "Traceback" not in (child.before or "")


def test_plain_mode_from_a_pipe(bank: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(NEWSQUIZ), "play", str(bank), "--no-shuffle"],
        input="1\ngoita\nf\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "  1. Vladimir Putin" in result.stdout
    assert "Type the number of your answer (1 to 3)." in result.stdout
    assert "Score: 2 of 3 points (67%)." in result.stdout
    assert result.stdout.isascii() is False  # bank text keeps its accents...
    decorations = set("→—…«»“”’·│─┼")
    assert not decorations & set(result.stdout.replace("“4”", ""))  # ...the interface's are ASCII
    assert "\x1b[" not in result.stdout


def test_end_of_input_in_plain_mode_exits_0_with_a_summary(bank: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(NEWSQUIZ), "play", str(bank), "--no-shuffle"],
        input="1\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert "Session stopped." in result.stdout
    assert "Score: 1 of 1 point (100%)." in result.stdout


def test_a_broken_bank_is_refused_with_its_problems(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        BANK.replace("answer: true", "answer: yes"), encoding="utf-8"
    )
    child = spawn("play", "bad.yaml", cwd=tmp_path)
    child.expect("bad.yaml:22:13: the answer of a truefalse question must be true or false")
    child.expect("is not a valid bank")
    assert finish(child) == 1


def test_sigterm_free_ctrl_c_in_plain_mode(bank: Path, tmp_path: Path) -> None:
    child = spawn("play", str(bank), "--plain", "--no-shuffle", cwd=tmp_path)
    child.expect("Type the number")
    child.send("1\r")
    child.expect("Question 2 of 3")
    child.kill(signal.SIGINT)
    child.expect("Session stopped.")
    assert finish(child) == 130


@pytest.mark.parametrize("mode", ["--no-shuffle", "--plain"])
def test_a_timed_exam_closes_the_question_when_time_runs_out(
    bank: Path, tmp_path: Path, mode: str
) -> None:
    child = spawn("play", str(bank), "--exam", "--time", "0.05", mode, cwd=tmp_path)
    child.expect("Question 1 of 3")
    child.expect("0 min 0[23] s left")
    # Nobody answers: three seconds later the question closes by itself.
    child.expect("Time is up.", timeout=10)
    child.expect(r"Score: 0 of 3 points \(0%\)")
    child.expect("Time ran out: 3 questions were left unanswered and score 0.")
    if mode != "--plain":
        child.expect("Retry the 3 missed questions")
        child.expect("No")
        child.send("\r")
    assert finish(child) == 0
