"""Prompts that help: units, examples that are never the answer, a missing year, undo, No first."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from newsquiz.interface.arrow_keys import countdown_text
from newsquiz.interface.forms import example_date, example_numbers, expected_form
from newsquiz.interface.messages import Messages
from newsquiz.interface.prompting import PlainPrompter, QuestionaryPrompter, Reply
from newsquiz.model import DateQuestion, NumberQuestion, OrderQuestion, PartialDate
from newsquiz.session import Item

DOWN, UP, ENTER = "\x1b[B", "\x1b[A", "\r"


def plain(lines: str, language: str = "en") -> tuple[PlainPrompter, io.StringIO]:
    out = io.StringIO()
    console = Console(file=out, width=100, color_system=None, markup=False)
    return PlainPrompter(console, io.StringIO(lines), Messages(language)), out


@pytest.mark.parametrize("answer", [13.0, 2.5, 7.0])
def test_a_reading_error_never_gives_the_answer_as_an_example(answer: float) -> None:
    question = NumberQuestion(id="n", prompt="?", answer=answer)
    prompter, out = plain("treize\n13\n", "fr")
    prompter.ask(Item(question), hint_available=False)
    complaint = next(line for line in out.getvalue().splitlines() if "treize" in line)
    shown = Messages("fr").number(answer)
    assert f"exemple {shown} " not in complaint and f"ou {shown})" not in complaint
    assert answer not in example_numbers(question)


def test_examples_also_stay_outside_the_tolerance() -> None:
    question = NumberQuestion(id="n", prompt="?", answer=12, tolerance=1.5)
    assert all(abs(n - 12) > 1.5 for n in example_numbers(question))


@pytest.mark.parametrize("year", [1999, 2008, 2025])
def test_date_examples_are_never_in_the_answers_year(year: int) -> None:
    question = DateQuestion(id="d", prompt="?", answer=PartialDate(year, 7, 14))
    form = expected_form(question, Messages("en"))
    assert form is not None
    assert str(year) not in " ".join(str(v) for v in form.values.values())
    assert example_date(question.answer).year != year


def test_a_date_without_a_year_says_the_year_is_missing() -> None:
    question = Item(DateQuestion(id="d", prompt="?", answer=PartialDate(2025, 6, 26)))
    prompter, out = plain("26 juin\n26/06\n26 juin 2025\n", "fr")
    assert prompter.ask(question, hint_available=False) == Reply("26 juin 2025", "26 juin 2025")
    assert out.getvalue().count("l’année manque") == 2
    assert "n’est pas une date lisible" not in out.getvalue()
    prompter, out = plain("June 26\n2025-06-26\n")
    prompter.ask(question, hint_available=False)
    assert "“June 26”: the year is missing." in out.getvalue()


@pytest.fixture
def keys() -> Iterator[object]:
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


def test_the_arrow_key_number_prompt_shows_the_unit(keys) -> None:  # type: ignore[no-untyped-def]
    question = NumberQuestion(id="n", prompt="?", answer=4, unit="days")
    form = expected_form(question, Messages("en"))
    assert form is not None
    assert Messages("en")(form.instruction, **form.values) == "Type a number (in days)."
    keys.send_text("4" + ENTER)
    assert QuestionaryPrompter(Messages("en")).ask(Item(question), hint_available=False) == Reply(
        "4", "4"
    )


def test_an_arrow_key_order_question_can_take_back_the_last_pick(keys) -> None:  # type: ignore[no-untyped-def]
    item = Item(
        OrderQuestion(id="o", prompt="?", items=("x", "y", "z")), order_items=("z", "x", "y")
    )
    # Pick z by mistake, take it back (the first entry after the two items and the
    # separator), then x, y; z comes last.
    keys.send_text(ENTER + DOWN * 2 + ENTER + DOWN + ENTER + DOWN + ENTER)
    assert QuestionaryPrompter(Messages("en")).ask(item, hint_available=False) == Reply(
        ("x", "y", "z"), "x → y → z"
    )


def test_the_retry_offer_after_an_exam_defaults_to_no(keys) -> None:  # type: ignore[no-untyped-def]
    keys.send_text(ENTER)
    assert QuestionaryPrompter(Messages("en")).confirm("Retry?", default=False) is False
    keys.send_text(ENTER)
    assert QuestionaryPrompter(Messages("en")).confirm("Retry?") is True


def test_the_countdown_counts_whole_seconds_left() -> None:
    say = Messages("en")
    assert countdown_text(100.0, say, now=lambda: 58.2) == "0 min 42 s left"
    assert countdown_text(100.0, say, now=lambda: 120.0) == "0 min 00 s left"
    assert countdown_text(200.0, Messages("fr"), now=lambda: 0.0) == "Il reste 3 min 20 s"
