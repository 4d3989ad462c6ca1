"""An exam stopped early is scored out of the whole exam; a practice says what was answered."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import random

from rich.console import Console

from newsquiz.interface.messages import Messages
from newsquiz.interface.play import PlayView
from newsquiz.interface.prompting import Reply
from newsquiz.model import Bank, ChoiceQuestion, ShortQuestion, TrueFalseQuestion
from newsquiz.session import Mode, Options, start_session

T0 = dt.datetime(2025, 6, 23, 9, 0, tzinfo=dt.timezone.utc)

BANK = Bank(
    id="b",
    title="B",
    language="en",
    questions=(
        ChoiceQuestion(id="who", prompt="Who?", choices=("Putin", "Lavrov"), answer="Putin"),
        ShortQuestion(id="name", prompt="Name?", answer="Goïta", points=2, tags=("people",)),
        TrueFalseQuestion(id="left", prompt="Left?", answer=True, tags=("people",)),
    ),
)


def stopped_after_one(mode: Mode) -> object:
    session = start_session(BANK, Options(mode=mode, shuffle=False), random.Random(0), T0)
    session.record(Reply("Putin", "Putin").response, "Putin", hint_used=False, seconds=3, now=T0)
    session.finish(T0 + dt.timedelta(seconds=5))
    return session


def test_an_exam_stopped_after_one_answer_counts_every_question() -> None:
    session = stopped_after_one(Mode.EXAM)
    summary = session.summary()  # type: ignore[attr-defined]
    assert (summary.score, summary.max_score, summary.percent) == (1.0, 4.0, 25)
    assert (summary.answered, summary.total, summary.planned) == (1, 3, 3)
    assert summary.not_reached == 2  # left unanswered, scoring 0
    assert [i.question.id for i in summary.unanswered] == ["name", "left"]
    assert [i.question.id for i in summary.missed] == ["name", "left"]
    assert [(t.tag, t.points, t.max_points) for t in summary.by_tag] == [("people", 0, 3.0)]
    assert not summary.out_of_time


def test_a_practice_stopped_early_scores_what_was_answered() -> None:
    session = stopped_after_one(Mode.PRACTICE)
    summary = session.summary()  # type: ignore[attr-defined]
    assert (summary.score, summary.max_score, summary.percent) == (1.0, 1.0, 100)
    assert (summary.answered, summary.total, summary.planned, summary.not_reached) == (1, 1, 3, 0)
    # Which questions were never reached stays known, for the results file.
    assert [i.question.id for i in summary.unanswered] == ["name", "left"]


def render(mode: Mode) -> str:
    console = Console(record=True, width=100, file=io.StringIO(), color_system=None)
    view = PlayView(
        console,
        None,
        Messages("en"),
        clock=lambda: T0,
        monotonic=lambda: 0.0,
        plain=False,  # type: ignore[arg-type]
    )
    session = stopped_after_one(mode)
    with contextlib.suppress(EOFError):
        view.show_summary(session, session.summary(), interrupted=True)  # type: ignore[attr-defined]
    return console.export_text()


def test_the_screen_of_an_exam_stopped_early_says_what_was_left_unanswered() -> None:
    text = render(Mode.EXAM)
    assert "Score: 1 of 4 points (25%)." in text
    assert "1 of 3 answered." in text
    assert "2 questions were left unanswered and score 0." in text
    assert "No question missed" not in text
    assert "Name? — the answer: Goïta" in text


def test_the_screen_of_a_practice_stopped_early_says_n_of_m_answered() -> None:
    text = render(Mode.PRACTICE)
    assert "Score: 1 of 1 point (100%)." in text
    assert "1 of 3 answered." in text
    assert "left unanswered" not in text
