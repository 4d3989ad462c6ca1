"""`newsquiz stats`: progress drawn as bars in the terminal, or as plain lines."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict

from rich.console import Console
from rich.text import Text

from newsquiz.interface.messages import Messages
from newsquiz.model import Bank, Question
from newsquiz.rounding import half_up
from newsquiz.store import Accuracy, QuestionStanding, Statistics

BAR_WIDTH = 30
CHART_HEIGHT = 6
_BLOCKS = " ▁▂▃▄▅▆▇█"


def _percent(accuracy: Accuracy) -> int | None:
    share = accuracy.share
    return None if share is None else half_up(100 * share)


class StatsView:
    def __init__(
        self,
        console: Console,
        say: Messages,
        *,
        plain: bool,
        labels: Mapping[str, str] | None = None,
    ) -> None:
        self.console = console
        self.say = say
        self.plain = plain
        self.labels = labels or {}
        """How tags are shown (a bank's ``tag_labels``); others as written."""

    def heading(self, key: str) -> None:
        self.console.print()
        self.console.print(Text(self.say(key), style="quiz.title"))

    def bar(self, fraction: float, width: int = BAR_WIDTH) -> Text:
        filled = round(max(0.0, min(fraction, 1.0)) * width)
        if self.plain:
            return Text("[" + "#" * filled + "-" * (width - filled) + "]")
        text = Text("█" * filled, style="quiz.bar")
        text.append("░" * (width - filled), style="quiz.bar.empty")
        return text

    def accuracy_line(self, label: str, accuracy: Accuracy, width: int) -> Text:
        line = Text(f"{label:<{width}} ")
        percent = _percent(accuracy)
        line.append_text(self.bar(accuracy.share or 0.0))
        shown = self.say.percent(percent) if percent is not None else "-"
        line.append(f" {shown:>5} ")
        line.append(
            self.say(
                "stats.answers_count",
                count=accuracy.answers,
                answer_word=self.say.word("answer", accuracy.answers),
            ),
            style="quiz.instruction",
        )
        return line

    def render(
        self,
        stats: Statistics,
        questions: Mapping[tuple[str, str], Question],
        *,
        title: str,
    ) -> None:
        say = self.say
        self.console.print(Text(title, style="quiz.title"))
        if not stats.overall.answers:
            self.console.print(Text(say("stats.empty")))
            return
        self.console.print(
            Text(
                say(
                    "stats.totals",
                    answers=stats.overall.answers,
                    answer_word=say.word("answer", stats.overall.answers),
                    sessions=stats.sessions,
                    session_word=say.word("session", stats.sessions),
                )
            )
        )
        self.heading("stats.accuracy")
        rows = (
            (say("stats.all_time"), stats.overall),
            (say("stats.last_7"), stats.last_7_days),
            (say("stats.last_30"), stats.last_30_days),
        )
        width = max(len(label) for label, _ in rows)
        for label, accuracy in rows:
            self.console.print(self.accuracy_line(label, accuracy, width))
        self.activity(stats)
        tags = tuple((self.labels.get(tag, tag), figures) for tag, figures in stats.by_tag)
        for key, groups in (("stats.by_bank", stats.by_bank), ("stats.by_tag", tags)):
            if groups:
                self.heading(key)
                width = max(len(name) for name, _ in groups)
                for name, accuracy in groups:
                    self.console.print(self.accuracy_line(name, accuracy, width))
        self.due(stats)
        if stats.weakest:
            self.heading("stats.weakest")
            for standing in stats.weakest:
                self.console.print(self.standing(standing, questions))
        if stats.leeches:
            self.heading("stats.leeches")
            for standing in stats.leeches:
                line = self.standing(standing, questions)
                line.append(" " + say("stats.lapses", count=standing.lapses), style="quiz.wrong")
                self.console.print(line)
            if stats.leech_count > len(stats.leeches):
                more = stats.leech_count - len(stats.leeches)
                self.console.print(Text(say("stats.more_leeches", count=more)))

    def standing(
        self, standing: QuestionStanding, questions: Mapping[tuple[str, str], Question]
    ) -> Text:
        question = questions.get((standing.bank_id, standing.question_id))
        name = question.prompt if question and question.prompt else standing.question_id
        name = " ".join(name.split())
        if len(name) > 60:
            name = name[:59] + "…"
        line = Text("- ")
        line.append(name)
        line.append(
            " "
            + self.say(
                "stats.standing",
                bank=standing.bank_id,
                correct=standing.correct,
                answers=standing.answers,
            ),
            style="quiz.instruction",
        )
        return line

    def activity(self, stats: Statistics) -> None:
        say = self.say
        self.heading("stats.activity")
        peak = max((day.answers for day in stats.activity), default=0)
        if not peak:
            self.console.print(Text(say("stats.no_activity")))
            return
        if self.plain:
            # One line per active day: a screen reader reads it; a vertical chart it cannot.
            width = len(str(peak))
            for day in stats.activity:
                if day.answers:
                    line = Text(f"{self.day_label(day.day)}  {day.answers:>{width}} ")
                    line.append_text(self.bar(day.answers / peak, 20))
                    self.console.print(line)
            quiet = sum(1 for day in stats.activity if not day.answers)
            if quiet:
                self.console.print(Text(say("stats.quiet_days", count=quiet)))
            return
        levels = CHART_HEIGHT * (len(_BLOCKS) - 1)
        heights = [round(day.answers / peak * levels) for day in stats.activity]
        for row in range(CHART_HEIGHT, 0, -1):
            label = f"{peak:>4} " if row == CHART_HEIGHT else "     "
            line = Text(label, style="quiz.instruction")
            for height in heights:
                part = min(max(height - (row - 1) * (len(_BLOCKS) - 1), 0), len(_BLOCKS) - 1)
                line.append(_BLOCKS[part] * 2, style="quiz.bar")
            self.console.print(line)
        first, last = stats.activity[0].day, stats.activity[-1].day
        axis = f"     {self.day_label(first)}"
        axis += " " * max(len(heights) * 2 - len(axis) + 5 - len(self.day_label(last)), 1)
        axis += self.day_label(last)
        self.console.print(Text(axis, style="quiz.instruction"))

    def day_label(self, iso_day: str) -> str:
        return self.say.short_day(dt.date.fromisoformat(iso_day))

    def due(self, stats: Statistics) -> None:
        say = self.say
        self.heading("stats.due")
        self.console.print(Text(say("stats.due_now", ready=stats.due_ready, count=stats.due_now)))
        peak = max((count for _, count in stats.forecast), default=0)
        for day, count in stats.forecast:
            line = Text(f"{self.day_label(day)}  {count:>4} ")
            line.append_text(self.bar(count / peak if peak else 0.0, 20))
            self.console.print(line)


def statistics_json(
    stats: Statistics,
    questions: Mapping[tuple[str, str], Question],
    labels: Mapping[str, str] | None = None,
) -> str:
    """The figures for scripts: every list is a list of objects, never of pairs."""
    labels = labels or {}
    document: dict[str, object] = {
        "sessions": stats.sessions,
        "overall": asdict(stats.overall),
        "last_7_days": asdict(stats.last_7_days),
        "last_30_days": asdict(stats.last_30_days),
        "activity": [asdict(day) for day in stats.activity],
        "by_bank": [{"bank": name, **asdict(figures)} for name, figures in stats.by_bank],
        "by_tag": [
            {"tag": name, "label": labels.get(name, name), **asdict(figures)}
            for name, figures in stats.by_tag
        ],
        # Due at this moment (what `newsquiz review` asks now), and before the end
        # of the local day.
        "due_now": stats.due_ready,
        "due_today": stats.due_now,
        "forecast": [{"day": day, "due": count} for day, count in stats.forecast],
        "leech_count": stats.leech_count,
    }
    for key in ("weakest", "leeches"):
        entries = []
        for standing in getattr(stats, key):
            entry = asdict(standing)
            question = questions.get((standing.bank_id, standing.question_id))
            entry["prompt"] = question.prompt if question else None
            entries.append(entry)
        document[key] = entries
    return json.dumps(document, indent=2, ensure_ascii=False)


def index_questions(banks: Sequence[Bank]) -> dict[tuple[str, str], Question]:
    index: dict[tuple[str, str], Question] = {}
    for bank in banks:
        for question in bank.questions:
            index[(bank.id, question.id)] = question
    return index
