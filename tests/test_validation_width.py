"""An arrow-key prompt's validation error is shown whole on a narrow terminal (issue 10)."""

from __future__ import annotations

import io
import re
import threading
import time

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output.vt100 import Vt100_Output

from newsquiz.interface.arrow_prompter import QuestionaryPrompter
from newsquiz.interface.messages import Messages
from newsquiz.interface.replies import Reply
from newsquiz.model import NumberQuestion
from newsquiz.session import Item

NUMBER = Item(NumberQuestion(id="n", prompt="?", answer=13, unit="ans"))
CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][0-9A-B]|[\r\x07]")


def drawn_text(drawn: io.StringIO) -> str:
    """What was drawn, as words: terminal control codes and line breaks taken out."""
    text = " ".join(CONTROL.sub(" ", drawn.getvalue()).split())
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def correct_once_complained(keys: PipeInput, drawn: io.StringIO, seconds: float = 10) -> None:
    """Type the right answer once the complaint about `treize` is drawn to its end
    (polled, at most ``seconds``: if it never is, answer anyway so the prompt ends)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end and "Réessayez." not in drawn_text(drawn):
        time.sleep(0.01)
    keys.send_text("\x7f" * 6 + "13\r")


def screen(width: int, monkeypatch: pytest.MonkeyPatch) -> str:
    """What a French number prompt draws at ``width`` columns after `treize`, then 13."""
    monkeypatch.setenv("COLUMNS", str(width))  # as a terminal of that width says it
    drawn = io.StringIO()
    output = Vt100_Output(drawn, lambda: Size(rows=24, columns=width), term="xterm")
    with create_pipe_input() as keys, create_app_session(input=keys, output=output):
        keys.send_text("treize\r")
        correction = threading.Thread(target=correct_once_complained, args=(keys, drawn))
        correction.start()
        reply = QuestionaryPrompter(Messages("fr")).ask(NUMBER, hint_available=False)
        correction.join()
    assert reply == Reply("13", "13")
    return drawn_text(drawn)


@pytest.mark.parametrize("width", [60, 40])
def test_a_long_validation_error_is_shown_whole_on_a_narrow_terminal(
    width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn = screen(width, monkeypatch)
    # The complaint is longer than one row; its end used to be cut at the edge.
    assert "« treize » n’est pas un nombre" in drawn
    assert re.search(r"par exemple \S+ ou \S+\)\. Réessayez\.", drawn), drawn
