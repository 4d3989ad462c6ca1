"""Collecting answers: plain lines from a stream, and questionary fed by a pipe."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from newsquiz.interface.messages import Messages
from newsquiz.interface.prompting import (
    HINT,
    SKIP,
    PlainPrompter,
    QuestionaryPrompter,
    Reply,
    parse_numbers,
    parse_truefalse,
)
from newsquiz.model import Blank as B
from newsquiz.model import (
    ChoiceQuestion,
    ClozeQuestion,
    DateQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    PartialDate,
    ShortQuestion,
    TrueFalseQuestion,
)
from newsquiz.session import Item

CHOICE = Item(
    ChoiceQuestion(id="c", prompt="?", choices=("Poutine", "Lavrov", "Medvedev"), answer="Poutine"),
    choices=("Lavrov", "Poutine", "Medvedev"),
)
MULTI = Item(
    MultiQuestion(id="m", prompt="?", choices=("a", "b", "c"), answers=("a", "c")),
    choices=("a", "b", "c"),
)
TRUEFALSE = Item(TrueFalseQuestion(id="t", prompt="?", answer=True))
ORDER = Item(OrderQuestion(id="o", prompt="?", items=("x", "y", "z")), order_items=("z", "x", "y"))
MATCH = Item(
    MatchQuestion(id="p", prompt="?", pairs=(("a", "1"), ("b", "2")), distractors=("3",)),
    match_left=("a", "b"),
    match_right=("3", "2", "1"),
)
CLOZE = Item(ClozeQuestion(id="z", prompt="", text="x", segments=(B(("A",)), " et ", B(("B",)))))
SHORT = Item(ShortQuestion(id="s", prompt="?", answer="Goïta"))


def plain(lines: str, language: str = "en") -> tuple[PlainPrompter, io.StringIO]:
    out = io.StringIO()
    console = Console(file=out, width=100, color_system=None, markup=False)
    return PlainPrompter(console, io.StringIO(lines), Messages(language)), out


@pytest.mark.parametrize(
    ("item", "typed", "expected"),
    [
        (CHOICE, "2\n", Reply("Poutine", "Poutine")),
        (CHOICE, "poutine\n", Reply("Poutine", "Poutine")),
        (CHOICE, "9\n1\n", Reply("Lavrov", "Lavrov")),
        (CHOICE, "\n", SKIP),
        (CHOICE, "?\n", HINT),
        (MULTI, "1, 3\n", Reply(("a", "c"), "a; c")),
        (MULTI, "3 1 3\n", Reply(("c", "a"), "c; a")),
        (TRUEFALSE, "vrai\n", Reply(True, "true")),
        (TRUEFALSE, "maybe\nn\n", Reply(False, "false")),
        (ORDER, "2 3 1\n", Reply(("x", "y", "z"), "x → y → z")),
        (ORDER, "2 3\n2 2 1\n2 3 1\n", Reply(("x", "y", "z"), "x → y → z")),
        (MATCH, "3 2\n", Reply({"a": "1", "b": "2"}, "a = 1; b = 2")),
        (CLOZE, "A\n\n", Reply(("A", ""), "A | ")),
        (CLOZE, "\n\n", SKIP),
        (SHORT, "Goita\n", Reply("Goita", "Goita")),
    ],
)
def test_plain_replies(item: Item, typed: str, expected: object) -> None:
    prompter, _ = plain(typed)
    assert prompter.ask(item, hint_available=True) == expected


def test_plain_mode_says_what_to_type_and_numbers_the_choices() -> None:
    prompter, out = plain("4\n2\n")
    prompter.ask(CHOICE, hint_available=True)
    assert out.getvalue().splitlines() == [
        "  1. Lavrov",
        "  2. Poutine",
        "  3. Medvedev",
        "Type the number of your answer (1 to 3). ? for the hint, an empty line to skip.",
        "> “4” is not one of the numbers 1 to 3. Try again.",
        "> ",
    ]


def test_plain_end_of_input_raises_eoferror() -> None:
    prompter, _ = plain("")
    with pytest.raises(EOFError):
        prompter.ask(SHORT, hint_available=False)


def test_plain_match_lists_both_sides() -> None:
    prompter, out = plain("1 2\n", "fr")
    prompter.ask(MATCH, hint_available=False)
    assert out.getvalue().splitlines()[:6] == ["  A. a", "  B. b", "", "  1. 3", "  2. 2", "  3. 1"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("T", True), ("oui", True), ("Vrai", True), ("f", False), ("Non", False), ("x", None)],
)
def test_truefalse_words(text: str, expected: bool | None) -> None:
    assert parse_truefalse(text) is expected


def test_numbers_lists() -> None:
    assert parse_numbers("1,2 ; 3") == [1, 2, 3]
    assert parse_numbers("1 a") is None
    assert parse_numbers("") is None


# --- questionary, fed keys through prompt_toolkit's pipe input -----------------------

DOWN = "\x1b[B"
ENTER = "\r"


@pytest.fixture
def keys() -> Iterator[object]:
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


def test_questionary_select_picks_the_highlighted_choice(keys) -> None:  # type: ignore[no-untyped-def]
    keys.send_text(DOWN + ENTER)
    assert QuestionaryPrompter(Messages("en")).ask(CHOICE, hint_available=True) == Reply(
        "Poutine", "Poutine"
    )


def test_questionary_offers_hint_and_skip_after_the_choices(keys) -> None:  # type: ignore[no-untyped-def]
    keys.send_text(DOWN * 3 + ENTER)
    assert QuestionaryPrompter(Messages("en")).ask(CHOICE, hint_available=True) is HINT
    keys.send_text(DOWN * 3 + ENTER)
    assert QuestionaryPrompter(Messages("en")).ask(CHOICE, hint_available=False) == SKIP


def test_questionary_truefalse(keys) -> None:  # type: ignore[no-untyped-def]
    keys.send_text(DOWN + ENTER)
    assert QuestionaryPrompter(Messages("fr")).ask(TRUEFALSE, hint_available=False) == Reply(
        False, "false"
    )


def test_questionary_checkbox_for_select_all_that_apply(keys) -> None:  # type: ignore[no-untyped-def]
    keys.send_text(" " + DOWN + DOWN + " " + ENTER)
    assert QuestionaryPrompter(Messages("en")).ask(MULTI, hint_available=False) == Reply(
        ("a", "c"), "a; c"
    )


def test_questionary_order_asks_position_by_position(keys) -> None:  # type: ignore[no-untyped-def]
    # Shown z, x, y: pick x (2nd), then y (2nd of z, y); z comes last by itself.
    keys.send_text(DOWN + ENTER + DOWN + ENTER)
    assert QuestionaryPrompter(Messages("en")).ask(ORDER, hint_available=False) == Reply(
        ("x", "y", "z"), "x → y → z"
    )


def test_questionary_match_asks_left_by_left(keys) -> None:  # type: ignore[no-untyped-def]
    keys.send_text(DOWN + DOWN + ENTER + DOWN + ENTER)
    assert QuestionaryPrompter(Messages("en")).ask(MATCH, hint_available=False) == Reply(
        {"a": "1", "b": "2"}, "a = 1; b = 2"
    )


def test_questionary_text_and_hint(keys) -> None:  # type: ignore[no-untyped-def]
    keys.send_text("?" + ENTER)
    assert QuestionaryPrompter(Messages("en")).ask(SHORT, hint_available=True) is HINT
    keys.send_text("goita" + ENTER)
    assert QuestionaryPrompter(Messages("en")).ask(SHORT, hint_available=False) == Reply(
        "goita", "goita"
    )


def test_questionary_cloze_one_prompt_per_blank(keys) -> None:  # type: ignore[no-untyped-def]
    keys.send_text("a" + ENTER + "b" + ENTER)
    assert QuestionaryPrompter(Messages("en")).ask(CLOZE, hint_available=False) == Reply(
        ("a", "b"), "a | b"
    )


def test_questionary_ctrl_c_raises_keyboard_interrupt(keys) -> None:  # type: ignore[no-untyped-def]
    keys.send_text("\x03")
    with pytest.raises(KeyboardInterrupt):
        QuestionaryPrompter(Messages("en")).ask(SHORT, hint_available=False)


NUMBER = Item(NumberQuestion(id="n", prompt="?", answer=13, unit="ans"))
DATE = Item(DateQuestion(id="d", prompt="?", answer=PartialDate(2021)))


def test_plain_asks_again_when_a_number_or_date_cannot_be_read() -> None:
    prompter, out = plain("treize\n13 ans\n", "fr")
    assert prompter.ask(NUMBER, hint_available=False) == Reply("13 ans", "13 ans")
    assert "« treize » n’est pas un nombre" in out.getvalue()
    prompter, out = plain("last year\n2021\n")
    assert prompter.ask(DATE, hint_available=False) == Reply("2021", "2021")
    assert "Type a year (for example: 1999)." in out.getvalue()
    assert "“last year” is not a date newsquiz can read" in out.getvalue()


def test_questionary_number_prompt_refuses_words(keys) -> None:  # type: ignore[no-untyped-def]
    keys.send_text("treize" + ENTER)
    keys.send_text("\x7f" * 6 + "13" + ENTER)
    assert QuestionaryPrompter(Messages("fr")).ask(NUMBER, hint_available=False) == Reply(
        "13", "13"
    )


def test_questionary_retry_offer_is_a_menu_in_the_learner_language(keys) -> None:  # type: ignore[no-untyped-def]
    keys.send_text(DOWN + ENTER)
    assert QuestionaryPrompter(Messages("fr")).confirm("Refaire ?") is False
    keys.send_text(ENTER)
    assert QuestionaryPrompter(Messages("fr")).confirm("Refaire ?") is True
