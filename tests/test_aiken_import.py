"""`newsquiz import` reads Aiken files, and says on which line each one goes wrong."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

from newsquiz.cli import main
from newsquiz.context import Environment
from newsquiz.interchange.importing import ImportResult, detect_format, import_text
from newsquiz.model import ChoiceQuestion

# Moodle documentation's example of the Aiken format.
EXAMPLE = """\
What is the correct answer to this question?
A. Is it this one?
B. Maybe this answer?
C. Possibly this one?
D. Must be this one!
ANSWER: D

Which LMS has the most quiz import formats?
A) Moodle
B) ATutor
C) Claroline
D) Blackboard
E) WebCT
F) Ilias
ANSWER: A
"""


def aiken(text: str) -> ImportResult:
    return import_text(textwrap.dedent(text), name="aiken", fmt="aiken", language="en")


def problems(result: ImportResult) -> list[tuple[int, str]]:
    return [(n.line, n.key) for n in result.notices]


def test_the_documentation_example() -> None:
    result = aiken(EXAMPLE)
    first, second = result.bank.questions
    assert isinstance(first, ChoiceQuestion) and isinstance(second, ChoiceQuestion)
    assert first.prompt == "What is the correct answer to this question?"
    assert first.choices == (
        "Is it this one?",
        "Maybe this answer?",
        "Possibly this one?",
        "Must be this one!",
    )
    assert first.answer == "Must be this one!"
    assert second.answer == "Moodle"
    assert len(second.choices) == 6
    assert result.notices == ()


def test_the_format_is_told_from_the_content() -> None:
    assert detect_format(EXAMPLE) == "aiken"
    assert detect_format("Is it? {T}") == "gift"
    assert import_text(EXAMPLE, name="x").format == "aiken"


def test_a_missing_answer_is_reported_at_its_question_and_the_rest_imported() -> None:
    result = aiken(
        """\
        First question?
        A. one
        B. two

        Second question?
        A. yes
        B. no
        ANSWER: B
        """
    )
    assert problems(result) == [(1, "aiken.missing_answer")]
    assert [q.prompt for q in result.bank.questions] == ["Second question?"]


def test_a_missing_answer_at_the_end_of_the_file() -> None:
    result = aiken(
        """\
        Good?
        A. yes
        B. no
        ANSWER: A

        Unfinished?
        A. yes
        B. no
        """
    )
    assert problems(result) == [(6, "aiken.missing_answer")]
    assert len(result.bank.questions) == 1


def test_an_answer_letter_with_no_option() -> None:
    result = aiken(
        """\
        Which?
        A. this
        B. that
        ANSWER: E

        Fine?
        A. yes
        B. no
        ANSWER: A
        """
    )
    assert problems(result) == [(4, "aiken.unknown_letter")]
    assert result.notices[0].values == {"letter": "E"}
    assert len(result.bank.questions) == 1


def test_an_option_or_an_answer_before_any_question() -> None:
    result = aiken(
        """\
        A. orphan option
        ANSWER: A

        Fine?
        A. yes
        B. no
        ANSWER: B
        """
    )
    assert problems(result) == [
        (1, "aiken.option_without_question"),
        (2, "aiken.answer_without_question"),
    ]
    assert [q.prompt for q in result.bank.questions] == ["Fine?"]


def test_a_question_with_one_option() -> None:
    result = aiken("Alone?\nA. only\nANSWER: A\n\nFine?\nA. yes\nB. no\nANSWER: B\n")
    assert problems(result) == [(1, "aiken.too_few_options")]


def test_errors_are_printed_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "quiz.txt").write_text(
        "Capital of Mali?\nA. Bamako\nB. Ségou\nANSWER: C\n\nFine?\nA. yes\nB. no\nANSWER: A\n",
        encoding="utf-8",
    )
    out, err = io.StringIO(), io.StringIO()
    env = Environment(stdin=io.StringIO(), stdout=out, stderr=err, environ={}, cwd=tmp_path)
    assert main(["import", "quiz.txt", "-o", "quiz.yaml"], env) == 0
    assert (
        "quiz.txt:4: skipped “Capital of Mali?”: the answer C is not one of the options"
        in err.getvalue()
    )
    assert main(["check", "quiz.yaml"], env) == 0


def test_an_aiken_file_with_braces_in_its_text_is_still_aiken() -> None:
    text = "Which set is {1, 2}?\nA. a pair\nB. a triple\nANSWER: A\n"
    assert detect_format(text) == "aiken"


def test_control_characters_in_a_file_never_reach_the_terminal(tmp_path: Path) -> None:
    (tmp_path / "evil.txt").write_text(
        "Capital?\nA. Bamako\nB. Ségou\nANSWER: \x1b[2J\x1b]0;owned\x07\n\nFine?\nA. yes\nB. no\nANSWER: A\n",
        encoding="utf-8",
    )
    out, err = io.StringIO(), io.StringIO()
    env = Environment(stdin=io.StringIO(), stdout=out, stderr=err, environ={}, cwd=tmp_path)
    assert main(["import", "evil.txt", "--format", "aiken"], env) == 0
    assert "\x1b" not in err.getvalue() + out.getvalue()
    assert "\x07" not in err.getvalue()
    assert "\\x1b[2J" in err.getvalue()
