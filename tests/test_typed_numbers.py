"""Numbers typed at choice, multi, order and match prompts: digits 0-9 only, a sane length."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from newsquiz.interface.messages import Messages
from newsquiz.interface.prompting import PlainPrompter, parse_numbers, whole_number
from newsquiz.model import MatchQuestion, MultiQuestion, OrderQuestion
from newsquiz.reading import parse_date
from newsquiz.session import Item

# Characters str.isdigit accepts: superscripts, circled, Arabic-Indic, Devanagari,
# fullwidth, Kharosthi; and lines longer than int() reads.
ODD_DIGITS = ["²", "①", "٣", "३", "３", "𐩀", "¹²", "1²"]
HUGE = ["1" * 4301, "9" * 100_000, "0" * 7 + "1"]


@pytest.mark.parametrize("word", ODD_DIGITS + HUGE + ["", "-1", "+1", "1.0", " 1"])
def test_only_plain_digits_make_a_number(word: str) -> None:
    assert word.isdigit() is (word in ODD_DIGITS or word in HUGE)  # what str.isdigit would let in
    assert whole_number(word) is None


@pytest.mark.parametrize(("word", "number"), [("1", 1), ("007", 7), ("999999", 999_999)])
def test_plain_digits_are_read(word: str, number: int) -> None:
    assert whole_number(word) == number


@pytest.mark.parametrize(
    "line", ["1 ²", "① ②", "٣ ٢ ١", f"1 {'1' * 5000}", "1,３", "1 2 3 " + "9" * 4400]
)
def test_a_list_with_any_odd_number_is_not_a_list(line: str) -> None:
    assert parse_numbers(line) is None


def test_lists_still_read_as_before() -> None:
    assert parse_numbers("1 3") == [1, 3]
    assert parse_numbers("1,3") == [1, 3]
    assert parse_numbers(" 2; 1 ") == [2, 1]


def _ask(item: Item, typed: str) -> tuple[object, str]:
    out = io.StringIO()
    console = Console(file=out, width=200, color_system=None)
    reply = PlainPrompter(console, io.StringIO(typed), Messages("en")).ask(
        item, hint_available=False
    )
    return getattr(reply, "response", None), out.getvalue()


@pytest.mark.parametrize("odd", ["٣", "①", "1" * 5000])
def test_every_number_prompt_asks_again(odd: str) -> None:
    multi = MultiQuestion(id="m", prompt="p", choices=("a", "b", "c"), answers=("a",))
    order = OrderQuestion(id="o", prompt="p", items=("x", "y", "z"))
    match = MatchQuestion(id="p", prompt="p", pairs=(("one", "un"), ("two", "deux")))
    cases = [
        (Item(question=multi, choices=multi.choices), f"1 {odd}\n1\n", ("a",), "Type the numbers"),
        (
            Item(question=order, order_items=order.items),
            f"{odd} 2 1\n1 2 3\n",
            ("x", "y", "z"),
            "different numbers",
        ),
        (
            Item(question=match, match_left=("one", "two"), match_right=("un", "deux")),
            f"{odd} 1\n1 2\n",
            {"one": "un", "two": "deux"},
            "different numbers",
        ),
    ]
    for item, typed, expected, complaint in cases:
        response, shown = _ask(item, typed)
        assert response == expected
        assert complaint in shown


@pytest.mark.parametrize(
    "text",
    ["00/00/2025", "2012-00", "2025-06-00", "2025-00-10", "0/6/2025", "00/2025", "0 juin 2025",
     "June 0, 2025", "0er juin 2025", "0000"],
)  # fmt: skip
def test_a_month_or_day_zero_is_not_a_date(text: str) -> None:
    assert parse_date(text) is None


def test_real_dates_still_read() -> None:
    assert parse_date("23/06/2025") is not None
    assert parse_date("2025-06") is not None
    assert parse_date("1er juin 2025") is not None
