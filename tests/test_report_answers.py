"""The class report on questions that are not choices: right answers written in words (true,
a number, pairs, blanks) and the wrong answers typed, blank by blank. Three students play
through the real session and results writer, in-process."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from newsquiz.cli import main
from newsquiz.context import Environment

BANK = """\
newsquiz: 1
id: kinds
title: Kinds
language: en
questions:
  - {id: tf, type: truefalse, prompt: The sea is salty., answer: true, explanation: e}
  - {id: num, type: number, prompt: How many legs has a spider?, answer: 8, explanation: e}
  - id: pairs
    type: match
    prompt: Match the capitals.
    pairs: {France: Paris, Mali: Bamako}
    explanation: e
  - {id: gaps, type: cloze, text: "The {{sea}} is {{salty}}.", explanation: e}
"""
# Right-hand sides shown in alphabetical order: 1 Bamako, 2 Paris.
TYPED = {
    "ann": "t\n8\n1 2\nsea\nsalty\n",
    "bob": "f\n6\n2 1\nsky\nsalty\n",
    "cid": "t\n8,5\n1 2\nsea\nsweet\n",
}


def run(argv: list[str], cwd: Path, typed: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    env = Environment(
        stdin=io.StringIO(typed), stdout=out, stderr=err, environ={"LANG": "en_US.UTF-8"}, cwd=cwd
    )
    return main(argv, env), out.getvalue(), err.getvalue()


@pytest.fixture
def results(tmp_path: Path) -> Path:
    (tmp_path / "kinds.yaml").write_text(BANK, encoding="utf-8")
    (tmp_path / "results").mkdir()
    for student, typed in TYPED.items():
        code, _, err = run(
            ["play", "kinds.yaml", "--plain", "--no-shuffle", "--no-save", "--student", student,
             "--results", f"results/{student}.json"],
            tmp_path,
            typed,
        )  # fmt: skip
        assert code == 0, err
    return tmp_path


def test_wrong_typed_answers_are_listed_per_question_and_per_blank(results: Path) -> None:
    code, out, _ = run(["report", "results", "--plain"], results)
    assert code == 0
    details = out[out.index("1. tf") :].splitlines()
    assert details == [
        "1. tf  The sea is salty.",
        "2. num  How many legs has a spider?",
        "    Most common wrong answers: 6 (1); 8,5 (1)",
        "3. pairs  Match the capitals.",
        "4. gaps  The ____ is ____.",
        "    Most common wrong answers: blank 1: sky (1); blank 2: sweet (1)",
    ]


@pytest.mark.parametrize(
    ("language", "right_answers"),
    [
        ("en", ["True", "8", "France → Paris; Mali → Bamako", "sea; salty"]),
        ("fr", ["Vrai", "8", "France → Paris ; Mali → Bamako", "sea ; salty"]),
    ],
)
def test_the_page_gives_each_right_answer_in_words(
    results: Path, language: str, right_answers: list[str]
) -> None:
    code, _, _ = run(["report", "results", "--html", "class.html", "--lang", language], results)
    assert code == 0
    page = (results / "class.html").read_text(encoding="utf-8")
    cells = [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", cell)).strip()
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", page, flags=re.DOTALL)
    ]
    for answer in right_answers:
        assert answer in cells, (answer, cells)
    assert ("0,67" if language == "fr" else "0.67") in cells  # the facility of question 1
