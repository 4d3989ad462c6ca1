"""How the class report's figures and answers are written, the same in the terminal and the page."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from newsquiz.class_report import ClassFigures, ItemRow, StudentRow
from newsquiz.interface.messages import Messages
from newsquiz.interface.shown_text import one_line, visible
from newsquiz.results_reading import Refusal, Refused
from newsquiz.rounding import half_up


def share(value: float | None, say: Messages) -> str:
    """A facility or a discrimination: two decimals (0.85 / 0,85)."""
    if value is None:
        return say("report.undefined")
    text = f"{value:.2f}"
    if text == "-0.00":
        text = "0.00"
    return say.decimal(text)


def percent(value: float | None, say: Messages) -> str:
    if value is None:
        return say("report.undefined")
    return say.percent(half_up(value))


def spread(value: float | None, say: Messages) -> str:
    return say("report.undefined") if value is None else say.number(round(value, 1))


def student_name(row: StudentRow, say: Messages, width: int = 0) -> str:
    return one_line(row.student, width) if row.student else say("report.unnamed")


def score(row: StudentRow, say: Messages) -> str:
    return f"{say.number(round(row.score, 2))}/{say.number(row.max_score)}"


def duration(seconds: float | None, say: Messages) -> str:
    return say("report.undefined") if seconds is None else say.duration(max(seconds, 0))


def when(started_at: str | None, say: Messages) -> str:
    """The local date and time a session started."""
    if started_at is None:
        return say("report.undefined")
    moment = dt.datetime.fromisoformat(started_at)
    # Year 1 or 9999 has no local time on every machine: then keep the file's own.
    with contextlib.suppress(OverflowError, ValueError, OSError):
        moment = moment.astimezone()
    return f"{moment.year:04d}-{moment:%m-%d %H:%M}"


def answer(value: Any, say: Messages) -> str:
    """A structured answer or response in words: lists joined, matches with arrows."""
    match value:
        case None:
            return say("report.undefined")
        case bool():
            return say("ask.true") if value else say("ask.false")
        case int() | float():
            return say.number(value)
        case str():
            return one_line(value)
        case list():
            return say("answer.list_sep").join(answer(part, say) for part in value)
        case dict():
            pairs = (f"{one_line(str(k))} → {answer(v, say)}" for k, v in value.items())
            return say("answer.list_sep").join(pairs)
        case _:
            return one_line(str(value))


def flags(item: ItemRow, say: Messages) -> str:
    return ", ".join(say(f"report.flag.{flag.value}") for flag in item.flags)


def prompt(item: ItemRow, width: int = 0) -> str:
    return one_line(item.prompt or item.id, width)


def distractors(item: ItemRow, say: Messages) -> str | None:
    if not item.distractors:
        return None
    parts = (
        say("report.count", text=one_line(d.choice, 40), count=d.count) for d in item.distractors
    )
    return say("report.distractors", list=say("answer.list_sep").join(parts))


def wrong_answers(item: ItemRow, say: Messages) -> str | None:
    if not item.wrong_answers:
        return None
    parts = []
    for wrong in item.wrong_answers:
        text = one_line(wrong.text, 40)
        if wrong.blank is not None:
            text = say("report.blank", number=wrong.blank, text=text)
        parts.append(say("report.count", text=text, count=wrong.count))
    return say("report.wrong_answers", list=say("answer.list_sep").join(parts))


def class_line(figures: ClassFigures, say: Messages) -> str:
    return say(
        "report.class",
        mean=percent(figures.mean, say),
        median=percent(figures.median, say),
        spread=spread(figures.spread, say),
        lowest=percent(figures.lowest, say),
        highest=percent(figures.highest, say),
    )


def band(index: int, bins: int) -> str:
    """The label of a histogram bar: 0–9, 10–19… 90–100."""
    low = index * 100 // bins
    high = 100 if index == bins - 1 else (index + 1) * 100 // bins - 1
    return f"{low}–{high}"


def band_label(index: int, bins: int, say: Messages) -> str:
    """A band with its percent sign, as the language writes it (0–9% / 0–9 %)."""
    return say("format.percent", value=band(index, bins))


def refusal(refused: Refused, say: Messages) -> str:
    key = f"report.refusal.{refused.reason.value}"
    if refused.reason is Refusal.NOT_JSON and refused.detail:
        key = "report.refusal.not_json_at"
    reason = say(key, detail=visible(refused.detail))
    return say("report.refused", path=visible(refused.path), reason=reason)
