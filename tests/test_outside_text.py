"""Text from outside: typed answers shown escaped, stored clean, undecodable bytes noticed."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from newsquiz.interface.messages import Messages
from newsquiz.interface.prompting import PlainPrompter
from newsquiz.model import ChoiceQuestion, ShortQuestion
from newsquiz.outside_text import storable, undecodable, visible, without_surrogates
from newsquiz.session import Item


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[31mred", "\\x1b[31mred"),
        ("a\x00b", "a\\x00b"),
        ("bell\x07", "bell\\x07"),
        ("\x9bc1", "\\x9bc1"),  # a C1 control: CSI in one byte
        ("\u202egnp.exe", "\\u202egnp.exe"),  # right-to-left override
        ("zero\u200bwidth", "zero\\u200bwidth"),
        ("del\x7f", "del\\x7f"),
        ("Goïta « ok »", "Goïta « ok »"),  # ordinary text is left alone
        ("lone \udcff", "lone \ufffd"),
    ],
)
def test_visible_writes_out_every_control_character(text: str, shown: str) -> None:
    assert visible(text) == shown


def test_storable_drops_control_characters_and_keeps_the_rest() -> None:
    assert storable("Go\x1b[1mi\x00ta\x07\tok\u202e") == "Go[1mita ok"
    assert storable("Poutine") == "Poutine"
    assert "\x00" not in storable("\x00" * 1000)


def test_undecodable_spots_replaced_bytes_and_surrogates() -> None:
    assert undecodable("Go\ufffdta")
    assert undecodable("Go\udcefta")
    assert not undecodable("Goïta")
    assert without_surrogates("a\udcffb\ud800") == "a\ufffdb\ufffd"


def test_visible_is_linear_on_a_long_hostile_line() -> None:
    line = "\x1b" * 200_000
    assert visible(line) == "\\x1b" * 200_000


def _prompter(typed: str) -> tuple[PlainPrompter, io.StringIO]:
    out = io.StringIO()
    console = Console(file=out, width=200, color_system=None)
    return PlainPrompter(console, io.StringIO(typed), Messages("en"), echo=True), out


def _choice() -> Item:
    question = ChoiceQuestion(
        id="q", prompt="Pick", choices=("alpha", "beta", "gamma"), answer="alpha"
    )
    return Item(question=question, choices=question.choices)


def test_a_line_of_undecodable_bytes_is_asked_again() -> None:
    prompter, out = _prompter("Go\udcefta\nGoïta\n")
    item = Item(question=ShortQuestion(id="s", prompt="Name?", answer="Goïta"))
    reply = prompter.ask(item, hint_available=False)
    assert getattr(reply, "text", None) == "Goïta"
    assert "not text (UTF-8): type it again" in out.getvalue()
    assert "\udcef" not in out.getvalue()


def test_what_is_typed_comes_back_escaped() -> None:
    prompter, out = _prompter("\x1b[2J\x1b[31m9\n1\n")
    reply = prompter.ask(_choice(), hint_available=False)
    assert getattr(reply, "text", None) == "alpha"
    shown = out.getvalue()
    assert "\x1b" not in shown
    assert '\\x1b[2J\\x1b[31m9" is not one of the numbers 1 to 3' in shown.replace(
        "“", '"'
    ).replace("”", '"')
