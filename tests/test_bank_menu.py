"""`newsquiz play` with no bank named: in a terminal, a menu of the banks found, then of the
modes; without one (--plain), the sample bank. In-process, the keys sent through a pipe
and the menus drawn on a virtual 80-column screen."""

from __future__ import annotations

import io
import random
import re
from pathlib import Path

from prompt_toolkit.application import create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.vt100 import Vt100_Output

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
DOWN, ENTER = "\x1b[B", "\r"
CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def play_in_terminal(
    argv: list[str], keys: str, folder: Path, data: Path
) -> tuple[int, str, str, str]:
    """Exit status, what the quiz printed, standard error, and the menus' screen."""
    (folder / "mine").mkdir(exist_ok=True)
    (folder / "mine" / "alpha.yaml").write_text(BANK, encoding="utf-8")
    drawn = io.StringIO()
    screen = Vt100_Output(drawn, lambda: Size(rows=24, columns=80), enable_cpr=False)
    out, err = Terminal(), io.StringIO()
    environ = {
        "NEWSQUIZ_DATA_DIR": str(data),
        "NEWSQUIZ_PATH": str(folder / "mine"),
        "TERM": "xterm",
        "NO_COLOR": "1",
        "LANG": "en_US.UTF-8",
    }
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=screen):
        pipe.send_text(keys)
        env = Environment(
            stdin=Terminal(), stdout=out, stderr=err, environ=environ, cwd=folder,
            rng=random.Random(0),
        )  # fmt: skip
        code = main(argv, env)
    return code, out.getvalue(), err.getvalue(), CONTROL.sub("", drawn.getvalue())


def test_a_menu_of_the_banks_found_then_of_the_modes(
    tmp_path: Path, private_data_dir: Path
) -> None:
    code, out, err, screen = play_in_terminal(
        ["play"], ENTER + DOWN + ENTER + ENTER + ENTER, tmp_path, private_data_dir
    )
    assert (code, err) == (0, "")
    menu = screen.splitlines()
    assert "› Which bank do you want to play? (arrow keys, then Enter)" in menu
    # The user's own folder first, then the banks shipped with newsquiz.
    first = menu.index(" » Alpha (alpha, 2 questions)")
    assert menu[first + 1].startswith("   Mali and Russia: a visit in June 2025")
    assert "› Which mode? Exam (feedback at the end)" in screen
    assert out.splitlines()[1:3] == ["Alpha", "Exam: no feedback until the end."]
    assert "Score: 2 of 2 points (100%)." in out


def test_with_exam_named_the_mode_is_not_asked(tmp_path: Path, private_data_dir: Path) -> None:
    code, out, _, screen = play_in_terminal(
        ["play", "--exam"], ENTER * 3, tmp_path, private_data_dir
    )
    assert code == 0
    assert "Which bank do you want to play?" in screen
    assert "Which mode?" not in screen
    assert "Exam: no feedback until the end." in out


def test_without_a_terminal_the_sample_bank_is_played(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "alpha.yaml").write_text(BANK, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    env = Environment(
        stdin=io.StringIO(""),
        stdout=out,
        stderr=err,
        environ={"NEWSQUIZ_PATH": str(tmp_path / "mine"), "LANG": "en_US.UTF-8"},
        cwd=tmp_path,
    )
    assert main(["play", "--plain", "--no-save"], env) == 0
    assert out.getvalue().splitlines()[1] == "Mali–Russie : une visite en juin 2025"
