"""The session engine: choosing, shuffling, recording and summing up, with a fixed clock."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from newsquiz.model import (
    Bank,
    ChoiceQuestion,
    MatchQuestion,
    OrderQuestion,
    ShortQuestion,
    TrueFalseQuestion,
)
from newsquiz.session import Mode, Options, SessionError, start_session

T0 = dt.datetime(2025, 6, 23, 9, 0, tzinfo=dt.timezone.utc)


def bank() -> Bank:
    return Bank(
        id="b",
        title="B",
        language="en",
        questions=(
            ChoiceQuestion(
                id="c", prompt="?", choices=("a", "b", "c", "d"), answer="a", tags=("x",)
            ),
            TrueFalseQuestion(id="t", prompt="?", answer=True, tags=("x", "y")),
            ShortQuestion(id="s", prompt="?", answer="Goïta", points=2, tags=("y",)),
            OrderQuestion(id="o", prompt="?", items=("1", "2", "3")),
            MatchQuestion(id="m", prompt="?", pairs=(("a", "x"), ("b", "y")), distractors=("z",)),
        ),
    )


def test_no_shuffle_keeps_file_order_but_still_mixes_order_and_match() -> None:
    session = start_session(bank(), Options(shuffle=False), random.Random(1), T0)
    assert [i.question.id for i in session.items] == ["c", "t", "s", "o", "m"]
    assert session.items[0].choices == ("a", "b", "c", "d")
    assert session.items[3].order_items == ("3", "2", "1")
    assert session.items[4].match_left == ("a", "b")
    assert session.items[4].match_right == ("z", "y", "x")


def test_the_same_seed_gives_the_same_session() -> None:
    one = start_session(bank(), Options(), random.Random(7), T0)
    two = start_session(bank(), Options(), random.Random(7), T0)
    assert one.items == two.items
    orders = {
        tuple(i.question.id for i in start_session(bank(), Options(), random.Random(s), T0).items)
        for s in range(20)
    }
    assert len(orders) > 5


def test_shuffled_order_items_are_never_shown_in_the_right_order() -> None:
    for seed in range(50):
        session = start_session(bank(), Options(tags=()), random.Random(seed), T0)
        item = next(i for i in session.items if i.question.id == "o")
        assert item.order_items != ("1", "2", "3")


def test_tags_and_count_select_questions() -> None:
    session = start_session(bank(), Options(tags=("y",), shuffle=False), random.Random(0), T0)
    assert [i.question.id for i in session.items] == ["t", "s"]
    session = start_session(bank(), Options(count=2, shuffle=False), random.Random(0), T0)
    assert [i.question.id for i in session.items] == ["c", "t"]


def test_an_unknown_tag_names_the_known_ones() -> None:
    with pytest.raises(
        SessionError, match=r"no question has the tag z \(tags in this bank: x, y\)"
    ):
        start_session(bank(), Options(tags=("z",)), random.Random(0), T0)


def test_recording_grades_and_the_summary_adds_up() -> None:
    session = start_session(bank(), Options(shuffle=False), random.Random(0), T0)
    session.record("a", "a", hint_used=False, seconds=3, now=T0)
    session.record(False, "false", hint_used=False, seconds=2, now=T0)
    session.record("goita", "goita", hint_used=True, seconds=5, now=T0)
    session.record(("1", "3", "2"), "1 3 2", hint_used=False, seconds=4, now=T0)
    session.record(None, None, hint_used=False, seconds=1, now=T0 + dt.timedelta(seconds=75))
    assert session.current() is None
    summary = session.summary()
    # 1 (choice) + 0 (false) + 2/2 for the hinted short answer + 2/3 of the order pairs + 0 (skip)
    assert summary.score == 2.67
    assert summary.max_score == 6
    assert summary.percent == 45  # 44.5 %: half up, as people round
    assert summary.answered == 4
    assert summary.duration == 75
    assert [i.question.id for i in summary.missed] == ["t", "o", "m"]
    assert {t.tag: (t.questions, t.points, t.max_points) for t in summary.by_tag} == {
        "x": (2, 1.0, 2.0),
        "y": (2, 1.0, 3.0),
    }


def test_negative_marking_only_in_exams() -> None:
    exam = start_session(
        bank(), Options(mode=Mode.EXAM, negative=True, shuffle=False), random.Random(0), T0
    )
    assert exam.record("b", "b", hint_used=False, seconds=1, now=T0).grade.points == -0.33
    practice = start_session(bank(), Options(negative=True, shuffle=False), random.Random(0), T0)
    assert practice.record("b", "b", hint_used=False, seconds=1, now=T0).grade.points == 0


def test_time_limit_counts_unanswered_questions_as_zero() -> None:
    options = Options(mode=Mode.EXAM, time_limit=dt.timedelta(minutes=1), shuffle=False)
    session = start_session(bank(), options, random.Random(0), T0)
    session.record("a", "a", hint_used=False, seconds=1, now=T0 + dt.timedelta(seconds=30))
    assert session.time_left(T0 + dt.timedelta(seconds=45)) == dt.timedelta(seconds=15)
    with pytest.raises(TimeoutError):
        session.record(True, "true", hint_used=False, seconds=1, now=T0 + dt.timedelta(seconds=61))
    summary = session.summary()
    assert (summary.score, summary.max_score, summary.total, summary.not_reached) == (1, 6, 5, 4)
    assert len(summary.missed) == 4


def test_a_stopped_session_sums_up_what_was_asked() -> None:
    session = start_session(bank(), Options(shuffle=False), random.Random(0), T0)
    session.record("a", "a", hint_used=False, seconds=1, now=T0)
    session.finish(T0 + dt.timedelta(seconds=10))
    summary = session.summary()
    assert (summary.score, summary.max_score, summary.total, summary.missed) == (1, 1, 1, ())
