"""An arrow-key prompt's validation error is shown whole on a narrow terminal (issue 10)."""

from __future__ import annotations

import io
import re
import threading

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.vt100 import Vt100_Output

from newsquiz.interface.arrow_prompter import QuestionaryPrompter
from newsquiz.interface.messages import Messages
from newsquiz.interface.replies import Reply
from newsquiz.model import NumberQuestion
from newsquiz.session import Item

NUMBER = Item(NumberQuestion(id="n", prompt="?", answer=13, unit="ans"))
CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][0-9A-B]|[\r\x07]")


def screen(width: int, monkeypatch: pytest.MonkeyPatch) -> str:
    """What a French number prompt draws at ``width`` columns after `treize`, then 13."""
    monkeypatch.setattr("newsquiz.interface.arrow_keys.columns", lambda: width)
    drawn = io.StringIO()
    output = Vt100_Output(drawn, lambda: Size(rows=24, columns=width), term="xterm")
    with create_pipe_input() as keys, create_app_session(input=keys, output=output):
        keys.send_text("treize\r")
        # The correction comes once the complaint has been drawn.
        later = threading.Timer(0.5, keys.send_text, ["\x7f" * 6 + "13\r"])
        later.start()
        reply = QuestionaryPrompter(Messages("fr")).ask(NUMBER, hint_available=False)
        later.join()
    assert reply == Reply("13", "13")
    return " ".join(CONTROL.sub(" ", drawn.getvalue()).split())


@pytest.mark.parametrize("width", [60, 40])
def test_a_long_validation_error_is_shown_whole_on_a_narrow_terminal(
    width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn = screen(width, monkeypatch).replace("\u202f", " ").replace("\u00a0", " ")
    # The complaint is longer than one row; its end used to be cut at the edge.
    assert "« treize » n’est pas un nombre" in drawn
    assert re.search(r"par exemple \S+ ou \S+\)\. Réessayez\.", drawn), drawn
