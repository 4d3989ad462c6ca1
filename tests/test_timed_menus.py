"""Arrow-key menus in a timed exam: the time left shown under the choices, the menu closed
when it runs out. Drawn in-process by prompt_toolkit on a virtual 80-column screen."""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Iterator

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output.vt100 import Vt100_Output

from newsquiz.interface.messages import Messages
from newsquiz.interface.prompting import QuestionaryPrompter, Reply
from newsquiz.model import ChoiceQuestion
from newsquiz.session import Item

CHOICE = Item(
    ChoiceQuestion(id="c", prompt="?", choices=("Poutine", "Lavrov", "Medvedev"), answer="Poutine"),
    choices=("Lavrov", "Poutine", "Medvedev"),
)
CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class Screen:
    def __init__(self) -> None:
        self.written = io.StringIO()
        self.output = Vt100_Output(
            self.written, lambda: Size(rows=24, columns=80), enable_cpr=False
        )

    def text(self) -> str:
        return CONTROL.sub("", self.written.getvalue())


@pytest.fixture
def screen() -> Iterator[tuple[PipeInput, Screen]]:
    shown = Screen()
    with create_pipe_input() as keys, create_app_session(input=keys, output=shown.output):
        yield keys, shown


def test_a_timed_menu_shows_the_time_left_and_closes_when_it_runs_out(
    screen: tuple[PipeInput, Screen],
) -> None:
    keys, shown = screen
    # Should the menu never close on its own, Enter comes long after: a failure, not a hang.
    late_key = threading.Timer(20, keys.send_text, ("\r",))
    late_key.start()
    try:
        with pytest.raises(TimeoutError):
            QuestionaryPrompter(Messages("fr")).ask(CHOICE, hint_available=False, time_left=1.5)
    finally:
        late_key.cancel()
    text = shown.text()
    assert "» Lavrov" in text and "Passer cette question" in text
    # Under the choices, in the learner's language; about 2 s were left when drawn.
    assert re.search(r"Passer cette question\r?\nIl reste 0 min 0[12] s", text), text[-400:]


def test_an_answer_given_in_time_counts_and_no_countdown_without_a_limit(
    screen: tuple[PipeInput, Screen],
) -> None:
    keys, shown = screen
    keys.send_text("\x1b[B\r")
    reply = QuestionaryPrompter(Messages("en")).ask(CHOICE, hint_available=False, time_left=60)
    assert reply == Reply("Poutine", "Poutine")
    assert re.search(r"(1 min 00|0 min 5\d) s left", shown.text())

    keys.send_text("\r")
    untimed = Screen()
    with create_app_session(input=keys, output=untimed.output):
        reply = QuestionaryPrompter(Messages("en")).ask(CHOICE, hint_available=False)
    assert reply == Reply("Lavrov", "Lavrov")
    assert " left" not in untimed.text()
