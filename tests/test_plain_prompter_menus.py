"""The plain prompter's menus and a timed exam's deadline, as a learner at a screen reader meets them."""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Iterator

import pytest
from rich.console import Console

from newsquiz.interface.messages import Messages
from newsquiz.interface.prompting import PlainPrompter
from newsquiz.model import ShortQuestion
from newsquiz.session import Item

SHORT = Item(ShortQuestion(id="s", prompt="?", answer="Goïta"))


def plain(lines: str, language: str = "en") -> tuple[PlainPrompter, io.StringIO]:
    out = io.StringIO()
    console = Console(file=out, width=100, color_system=None, markup=False)
    return PlainPrompter(console, io.StringIO(lines), Messages(language)), out


def test_a_menu_numbers_its_options_and_returns_the_one_picked() -> None:
    prompter, out = plain("2\n")
    assert prompter.select("Which bank?", ["Mali", "Sahel", "Niger"]) == 1
    shown = out.getvalue()
    assert "Which bank?" in shown
    assert "1. Mali" in shown and "2. Sahel" in shown and "3. Niger" in shown


@pytest.mark.parametrize("typed", ["4", "0", "deux", "²", ""])
def test_a_menu_asks_again_until_an_offered_number_is_typed(typed: str) -> None:
    prompter, out = plain(f"{typed}\n3\n")
    assert prompter.select("Which bank?", ["Mali", "Sahel", "Niger"]) == 2
    assert f"“{typed}” is not one of the numbers 1 to 3. Try again." in out.getvalue()


def test_a_menu_speaks_the_learners_language() -> None:
    prompter, out = plain("7\n1\n", "fr")
    assert prompter.select("Quelle banque ?", ["Mali", "Sahel"]) == 0
    assert "7" in out.getvalue() and "1 à 2" in out.getvalue()


@pytest.mark.parametrize(
    ("typed", "expected"), [("y\n", True), ("oui\n", True), ("n\n", False), ("\n", False)]
)
def test_only_an_explicit_yes_confirms(typed: str, expected: bool) -> None:
    prompter, out = plain(typed)
    assert prompter.confirm("Retry the questions you missed?") is expected
    assert "Retry the questions you missed? (y/n)" in out.getvalue()


@pytest.fixture
def pipe() -> Iterator[tuple[io.TextIOWrapper, int]]:
    """A real input stream, that can be waited on, with nothing typed yet."""
    read_end, write_end = os.pipe()
    stream = os.fdopen(read_end, "r", encoding="utf-8")
    yield stream, write_end
    os.close(write_end)
    stream.close()


def _ask_in_background(
    prompter: PlainPrompter, time_left: float, typed_later: bytes, write_end: int
) -> list[object]:
    """Ask, type ``typed_later`` a moment after the question appears, and say what came of it."""
    outcome: list[object] = []

    def ask() -> None:
        try:
            outcome.append(prompter.ask(SHORT, hint_available=False, time_left=time_left))
        except TimeoutError as exc:
            outcome.append(exc)

    thread = threading.Thread(target=ask, daemon=True)
    thread.start()
    thread.join(timeout=0.3)
    os.write(write_end, typed_later)
    thread.join(timeout=5)
    return outcome


def test_a_timed_question_stops_waiting_when_the_exams_clock_says_time_is_up(
    pipe: tuple[io.TextIOWrapper, int],
) -> None:
    stream, write_end = pipe
    ticks = iter([100.0, 131.0])  # asked at 100 s with 30 s left; 31 s later, waiting begins
    console = Console(file=io.StringIO(), width=100, color_system=None)
    prompter = PlainPrompter(console, stream, Messages("en"), monotonic=lambda: next(ticks))
    outcome = _ask_in_background(prompter, 30, "Goïta\n".encode(), write_end)
    assert len(outcome) == 1 and isinstance(outcome[0], TimeoutError)


def test_a_timed_question_waits_for_an_answer_typed_in_time(
    pipe: tuple[io.TextIOWrapper, int],
) -> None:
    stream, write_end = pipe
    ticks = iter([100.0, 101.0])  # asked at 100 s with 30 s left: 29 s to go
    console = Console(file=io.StringIO(), width=100, color_system=None)
    prompter = PlainPrompter(console, stream, Messages("en"), monotonic=lambda: next(ticks))
    outcome = _ask_in_background(prompter, 30, "Goïta\n".encode(), write_end)
    assert len(outcome) == 1 and not isinstance(outcome[0], TimeoutError)
    assert getattr(outcome[0], "text", None) == "Goïta"
