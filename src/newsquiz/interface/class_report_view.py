"""`newsquiz report` in the terminal: students, class figures, a histogram, items, tags.

Student names and answers are data: control characters are written out
(``\\x1b``), and markup is never interpreted (the console has it off).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from newsquiz.class_report import BankReport
from newsquiz.interface import report_format as fmt
from newsquiz.interface.fitted_table import Cell, print_table
from newsquiz.interface.messages import Messages
from newsquiz.interface.shown_text import one_line

BAR_WIDTH = 30
# The columns of each table, by the end of their message keys (``report.col.<name>``).
STUDENT_COLUMNS = ("student", "score", "percent", "time", "date")
ITEM_COLUMNS = ("number", "question", "facility", "discrimination", "reached", "skipped", "flags")
TAG_COLUMNS = ("tag", "questions", "reached", "accuracy")


class ClassReportView:
    def __init__(self, console: Console, say: Messages, *, plain: bool = False) -> None:
        self.console = console
        self.say = say
        self.plain = plain

    def table(
        self, columns: Sequence[str], rows: Sequence[Sequence[Cell]], right: Sequence[int] = ()
    ) -> None:
        """Fitted to the console's width; quick for a class of a thousand students."""
        print_table(
            self.console,
            [self.say(f"report.col.{column}") for column in columns],
            rows,
            right=right,
            plain=self.plain,
            stacked=self.say.template("report.stacked"),
        )

    def heading(self, key: str) -> None:
        self.console.print()
        self.console.print(Text(self.say(key), style="quiz.title"))

    def render(self, reports: Sequence[BankReport]) -> None:
        for index, report in enumerate(reports):
            if index:
                self.console.print()
            self.render_bank(report)

    def render_bank(self, report: BankReport) -> None:
        say = self.say
        title = say("report.title", title=one_line(report.title), bank=one_line(report.bank_id))
        self.console.print(Text(title, style="quiz.title"))
        count = len(report.students)
        word = say.word("session", count)
        self.console.print(Text(say("report.sessions", count=count, session_word=word)))
        self.students(report)
        self.console.print(Text(fmt.class_line(report.figures, say)))
        self.histogram(report)
        self.items(report)
        self.tags(report)

    def students(self, report: BankReport) -> None:
        say = self.say
        self.heading("report.students")
        rows = [
            [
                fmt.student_name(row, say, 40),
                fmt.score(row, say),
                fmt.percent(row.percent, say),
                fmt.duration(row.seconds, say),
                fmt.when(row.started_at, say),
            ]
            for row in report.students
        ]
        self.table(STUDENT_COLUMNS, rows, right=(1, 2, 3))

    def histogram(self, report: BankReport) -> None:
        self.heading("report.histogram")
        counts = report.figures.histogram
        tallest = max(counts) or 1
        # The label (9), the bar and the count, within the console's width.
        room = max(min(BAR_WIDTH, self.console.width - 11 - len(str(tallest))), 1)
        for index, count in enumerate(counts):
            filled = round(room * count / tallest)
            line = Text(f"{fmt.band_label(index, len(counts), self.say):>9} ")
            line.append(("#" if self.plain else "█") * filled, style="quiz.bar")
            line.append(f" {count}")
            self.console.print(line)

    def items(self, report: BankReport) -> None:
        say = self.say
        self.heading("report.questions")
        self.console.print(Text(say("report.questions_note"), style="quiz.instruction"))
        rows: list[list[Cell]] = [
            [
                str(item.number),
                (one_line(item.id, 30), "list.id"),
                fmt.share(item.facility, say),
                fmt.share(item.discrimination, say),
                str(item.reached),
                str(item.skipped),
                (fmt.flags(item, say), "quiz.wrong"),
            ]
            for item in report.items
        ]
        self.table(ITEM_COLUMNS, rows, right=(0, 2, 3, 4, 5))
        self.details(report)

    def indented(self, line: str) -> None:
        width = max(self.console.width - 4, 20)
        wrapped = textwrap.wrap(line, width, initial_indent="    ", subsequent_indent="    ")
        self.console.print(Text("\n".join(wrapped), style="quiz.instruction"), soft_wrap=True)

    def details(self, report: BankReport) -> None:
        """Each question's prompt, then what was picked or typed wrongly."""
        say = self.say
        self.console.print()
        for item in report.items:
            line = Text(f"{item.number}. ")
            line.append(one_line(item.id), style="list.id")
            line.append(f"  {fmt.prompt(item, 100)}")
            self.console.print(line)
            answered = item.reached > item.skipped
            for detail in (fmt.distractors(item, say), fmt.wrong_answers(item, say)):
                if detail and answered:
                    self.indented(detail)

    def tags(self, report: BankReport) -> None:
        if not report.tags:
            return
        say = self.say
        self.heading("report.tags")
        rows = [
            [
                one_line(tag.label, 40),
                str(tag.questions),
                str(tag.responses),
                fmt.percent(None if tag.accuracy is None else 100 * tag.accuracy, say),
            ]
            for tag in report.tags
        ]
        self.table(TAG_COLUMNS, rows, right=(1, 2, 3))
