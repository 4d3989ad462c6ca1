"""`newsquiz report` in the terminal: students, class figures, a histogram, items, tags.

Student names and answers are data: control characters are written out
(``\\x1b``), and markup is never interpreted (the console has it off).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsquiz.class_report import BankReport
from newsquiz.interface import report_format as fmt
from newsquiz.interface.messages import Messages
from newsquiz.interface.outside_text import one_line

BAR_WIDTH = 30


class ClassReportView:
    def __init__(self, console: Console, say: Messages, *, plain: bool = False) -> None:
        self.console = console
        self.say = say
        self.plain = plain

    def _table(self, *columns: str, right: Sequence[int] = ()) -> Table:
        table = Table(box=box.ASCII if self.plain else box.SIMPLE_HEAD, show_edge=False)
        for index, column in enumerate(columns):
            table.add_column(
                column, justify="right" if index in right else "left", overflow="fold"
            )
        return table

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
        table = self._table(
            say("report.col.student"),
            say("report.col.score"),
            say("report.col.percent"),
            say("report.col.time"),
            say("report.col.date"),
            right=(1, 2, 3),
        )
        for row in report.students:
            table.add_row(
                fmt.student_name(row, say, 40),
                fmt.score(row, say),
                fmt.percent(row.percent, say),
                fmt.duration(row.seconds, say),
                fmt.when(row.started_at, say),
            )
        self.console.print(table)

    def histogram(self, report: BankReport) -> None:
        self.heading("report.histogram")
        counts = report.figures.histogram
        tallest = max(counts) or 1
        for index, count in enumerate(counts):
            filled = round(BAR_WIDTH * count / tallest)
            line = Text(f"{fmt.band(index, len(counts)):>7}% ")
            line.append(("#" if self.plain else "█") * filled, style="quiz.bar")
            line.append(f" {count}")
            self.console.print(line)

    def items(self, report: BankReport) -> None:
        say = self.say
        self.heading("report.questions")
        self.console.print(Text(say("report.questions_note"), style="quiz.instruction"))
        table = self._table(
            say("report.col.number"),
            say("report.col.question"),
            say("report.col.facility"),
            say("report.col.discrimination"),
            say("report.col.reached"),
            say("report.col.skipped"),
            say("report.col.flags"),
            right=(0, 2, 3, 4, 5),
        )
        for item in report.items:
            table.add_row(
                str(item.number),
                Text(one_line(item.id), style="list.id"),
                fmt.share(item.facility, say),
                fmt.share(item.discrimination, say),
                str(item.reached),
                str(item.skipped),
                Text(fmt.flags(item, say), style="quiz.wrong"),
            )
        self.console.print(table)
        self.details(report)

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
                    self.console.print(Text(f"    {detail}", style="quiz.instruction"))

    def tags(self, report: BankReport) -> None:
        if not report.tags:
            return
        say = self.say
        self.heading("report.tags")
        table = self._table(
            say("report.col.tag"),
            say("report.col.questions"),
            say("report.col.reached"),
            say("report.col.accuracy"),
            right=(1, 2, 3),
        )
        for tag in report.tags:
            accuracy = None if tag.accuracy is None else 100 * tag.accuracy
            table.add_row(
                one_line(tag.tag, 40),
                str(tag.questions),
                str(tag.responses),
                fmt.percent(accuracy, say),
            )
        self.console.print(table)
