"""Play a session at the terminal: show each question, collect, give feedback, sum up.

The session decides (what is next, what an answer earns); this module only
shows and asks. Bank text always goes through ``rich.text.Text``, never markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from rich.console import Console
from rich.text import Text

from newsquiz import model
from newsquiz.grading import Response
from newsquiz.interface.messages import Messages
from newsquiz.interface.mistakes import mistake_notes, spelling_notes
from newsquiz.interface.prompting import HINT, Prompter, Reply
from newsquiz.interface.typography import unquoted
from newsquiz.model import Blank, Evidence, Question, Source
from newsquiz.right_answer import right_answer
from newsquiz.rounding import half_up
from newsquiz.session import Answer, Item, Mode, Session, Summary, TagScore

# Decorations that have a plain ASCII spelling, for plain mode (screen readers,
# dumb terminals). The bank's own text is left as the teacher wrote it.
_ASCII = str.maketrans(
    {"→": "->", "—": "-", "…": "...", "±": "+/-", "·": "-", "›": ">",
     "“": '"', "”": '"', "’": "'", "\u00a0": " ", "\u202f": " "}
)  # fmt: skip


class PlainMessages(Messages):
    """The same sentences with ASCII decorations; the values put in them are left alone.

    « » stay: they are how French quotes (a command, a word), and `"` is English
    typography; a language without them has none to keep."""

    def template(self, key: str) -> str:
        return super().template(key).translate(_ASCII)

    def percent(self, value: int) -> str:
        return super().percent(value).translate(_ASCII)


# How far quotes and context sit under their heading.
_INDENT = 2


def describe_answer(question: Question, say: Messages) -> str:
    """The right answer in words, as the feedback and the summary show it."""
    return right_answer(question, say)


def picked_choices(response: Response) -> list[str]:
    """The choices a choice question's (one) or a multi question's (several) response picked."""
    if isinstance(response, str):
        return [response]
    if response is None or isinstance(response, bool):
        return []
    return list(response)


def quote_line(evidence: Evidence, say: Messages) -> str:
    """A quote as the source wrote it, with its translation beside it when there is one."""
    # A quote that already has its quotation marks does not get a second pair.
    quote = unquoted(evidence.quote)
    if evidence.translation is None:
        return say("feedback.quote", quote=quote)
    return say("feedback.quote_translated", quote=quote, translation=evidence.translation)


def describe_source(source: Source | None, say: Messages) -> str | None:
    """Where the evidence comes from, without the author's name.

    The author is itself a question in some banks; naming it under every quote
    would answer it in advance. The summary names the full source.
    """
    if source is None:
        return None
    parts = [p for p in (source.title, source.outlet) if p]
    if source.published:
        parts.append(say.date(source.published.year, source.published.month, source.published.day))
    return ", ".join(parts) or None


class PlayView:
    def __init__(
        self,
        console: Console,
        prompter: Prompter,
        say: Messages,
        *,
        clock: Callable[[], dt.datetime],
        monotonic: Callable[[], float],
        plain: bool,
        on_answer: Callable[[Session, Answer], None] | None = None,
    ) -> None:
        self.console = console
        self.prompter = prompter
        self.say = say
        self.clock = clock
        self.monotonic = monotonic
        self.plain = plain
        self.on_answer = on_answer

    def line(self, text: str, style: str = "") -> None:
        self.console.print(Text(text, style=style))

    # the session

    def introduce(self, session: Session) -> None:
        say = self.say
        self.console.print()
        self.line(session.title, "quiz.title")
        if session.options.mode is Mode.EXAM and session.options.time_limit:
            minutes = round(session.options.time_limit.total_seconds() / 60)
            self.line(say("session.exam_time", minutes=minutes))
        elif session.options.mode is Mode.EXAM:
            self.line(say("session.exam"))
        else:
            self.line(say("session.practice"))
        points = sum(i.question.points for i in session.items)
        count = len(session.items)
        self.line(
            say(
                "session.count",
                count=count,
                question_word=say.word("question", count),
                points=say.number(points),
                point_word=say.word("point", points),
            )
        )
        self.line(
            say("session.keys_plain" if self.plain else "session.keys_tty"), "quiz.instruction"
        )

    def run(self, session: Session) -> None:
        """Ask every question in turn. Ctrl-C and end of input propagate to the caller."""
        self.introduce(session)
        while (item := session.current()) is not None:
            now = self.clock()
            if session.is_out_of_time(now):
                session.finish(now, timed_out=True)
                break
            self.ask(session, item)

    def ask(self, session: Session, item: Item) -> None:
        question = item.question
        self.show_question(session, item)
        session.mark_shown()
        started = self.monotonic()
        hint_used = False
        while True:
            left = session.time_left(self.clock())
            try:
                reply = self.prompter.ask(
                    item,
                    hint_available=bool(question.hint) and not hint_used,
                    time_left=None if left is None else left.total_seconds(),
                )
            except TimeoutError:
                session.finish(self.clock(), timed_out=True)
                self.line(self.say("feedback.time_up"), "quiz.wrong")
                return
            if reply is not HINT:
                break
            if question.hint and not hint_used:
                hint_used = True
                self.console.print(
                    Text(self.say("ask.hint", hint=question.hint), style="quiz.hint")
                )
                self.line(self.say("ask.hint_used"), "quiz.instruction")
            else:
                self.line(self.say("ask.no_hint"), "quiz.instruction")
        assert isinstance(reply, Reply)
        seconds = self.monotonic() - started
        try:
            answer = session.record(
                reply.response, reply.text, hint_used=hint_used, seconds=seconds, now=self.clock()
            )
        except TimeoutError:
            self.line(self.say("feedback.too_late"), "quiz.wrong")
            return
        if self.on_answer is not None:
            self.on_answer(session, answer)
        if session.options.mode is Mode.EXAM:
            key = "feedback.skipped" if answer.text is None else "feedback.recorded"
            self.line(self.say(key), "quiz.instruction")
        else:
            self.show_feedback(session, answer)

    def show_question(self, session: Session, item: Item) -> None:
        say = self.say
        question = item.question
        self.console.print()
        header = Text(
            say("question.header", number=session.position + 1, total=len(session.items)),
            style="quiz.progress",
        )
        key = "question.points" if question.points == 1 else "question.points_plural"
        header.append(" · " if not self.plain else " - ")
        header.append(say(key, points=say.number(question.points)))
        left = session.time_left(self.clock())
        if left is not None:
            total = int(left.total_seconds())
            header.append(" · " if not self.plain else " - ")
            header.append(say("question.time_left", minutes=total // 60, seconds=total % 60))
        self.console.print(header)
        prompt = Text(question.prompt, style="quiz.prompt")
        if question.as_of:
            prompt.append(
                " "
                + say(
                    "question.as_of",
                    date=say.date(question.as_of.year, question.as_of.month, question.as_of.day),
                )
            )
        if question.prompt:
            self.console.print(prompt)
        if isinstance(question, model.ClozeQuestion):
            self.console.print(self.cloze_text(question))

    def cloze_text(self, question: model.ClozeQuestion) -> Text:
        text = Text()
        number = 0
        for segment in question.segments:
            if isinstance(segment, Blank):
                number += 1
                text.append(f"[{number}] ____", style="quiz.answer")
            else:
                text.append(segment)
        return text

    def verdict(self, answer: Answer) -> Text:
        grade = answer.grade
        if answer.text is None:
            key, style = "feedback.skipped", "quiz.wrong"
        elif grade.correct:
            key, style = "feedback.correct", "quiz.correct"
        elif grade.fraction > 0:
            key, style = "feedback.partial", "quiz.partial"
        else:
            key, style = "feedback.wrong", "quiz.wrong"
        say = self.say
        text = Text(say(key), style=style)
        text.append(" ")
        # "0 of 1 point" in English; « 0,5 point sur 1 » in French.
        counted = say.counted(grade.points, grade.max_points)
        text.append(
            say(
                "feedback.points",
                points=say.number(grade.points),
                max_points=say.number(grade.max_points),
                point_word=say.word("point", counted),
            ),
            style="quiz.points",
        )
        if answer.hint_used and grade.fraction > 0:
            text.append(" " + say("feedback.hint_halved"), style="quiz.hint")
        return text

    def show_feedback(self, session: Session, answer: Answer) -> None:
        say = self.say
        question = answer.item.question
        self.console.print(self.verdict(answer))
        notes = spelling_notes(answer.grade, session.language, say)
        notes += mistake_notes(question, answer.response, answer.grade, say)
        for note in notes:
            self.console.print(Text(note))
        if not answer.grade.correct:
            self.console.print(
                Text(
                    say("feedback.answer", answer=describe_answer(question, say)),
                    style="quiz.answer",
                )
            )
        if (
            isinstance(question, model.ChoiceQuestion | model.MultiQuestion)
            and answer.text is not None
        ):
            for choice in picked_choices(answer.response):
                if choice in question.feedback:
                    line = say("feedback.choice", choice=choice, text=question.feedback[choice])
                    self.console.print(Text(line))
        self.show_reasons(question, answer.item.source or session.source)

    def show_reasons(self, question: Question, source: Source | None) -> None:
        """Why the answer is right: the explanation, the quotes that prove it, then
        the background the article does not give, under a label of its own."""
        say = self.say
        if question.explanation:
            self.console.print(
                Text(
                    say("feedback.why", explanation=question.explanation), style="quiz.explanation"
                )
            )
        if question.evidence:
            where = describe_source(source, say)
            heading = (
                say("feedback.evidence_from", source=where) if where else say("feedback.evidence")
            )
            self.console.print(Text(heading, style="quiz.source"))
            for evidence in question.evidence:
                self.indented(Text(quote_line(evidence, say), style="quiz.evidence"))
        if question.context:
            self.console.print(Text(say("feedback.context"), style="quiz.source"))
            self.indented(Text(question.context, style="quiz.context"))

    def indented(self, text: Text) -> None:
        """Text under a heading, its wrapped lines indented as much as its first."""
        for line in text.wrap(self.console, max(self.console.width - _INDENT, 20)):
            line.rstrip()
            self.console.print(Text(" " * _INDENT) + line)

    # the end

    def show_summary(self, session: Session, summary: Summary, *, interrupted: bool) -> None:
        say = self.say
        self.console.print()
        if interrupted:
            self.line(say("summary.interrupted"), "quiz.instruction")
        self.line(say("summary.title"), "quiz.title")
        if not summary.total:
            self.line(say("summary.nothing"))
            return
        self.line(
            say(
                "summary.score",
                score=say.number(summary.score),
                max_score=say.number(summary.max_score),
                point_word=say.word("point", say.counted(summary.score, summary.max_score)),
                percent=say.percent(summary.percent),
            )
        )
        skipped = summary.total - summary.answered - summary.not_reached
        self.line(say("summary.answered", answered=summary.answered, total=summary.planned))
        if skipped:
            self.line(say("summary.skipped", skipped=skipped))
        self.line(say("summary.time", duration=say.duration(summary.duration)))
        if summary.not_reached:
            self.line(self.unanswered_line(summary), "quiz.wrong")
        # A tag on every question (the bank's own) says nothing a total does not.
        by_tag = [t for t in summary.by_tag if t.questions < summary.total]
        if by_tag:
            self.show_tags(session, by_tag)
        if summary.total:
            self.line(say("summary.missed"), "quiz.title")
            if not summary.missed:
                self.line(say("summary.missed_none"), "quiz.correct")
            for item in summary.missed:
                line = Text("- ")
                line.append(
                    say(
                        "summary.missed_item",
                        prompt=_one_line(item.question),
                        answer=describe_answer(item.question, say),
                    )
                )
                self.console.print(line)

    def show_tags(self, session: Session, by_tag: list[TagScore]) -> None:
        """Points per tag, each tag shown by its label."""
        say = self.say
        # Imported here: the table is drawn at the end, and the first
        # question should not wait for it.
        from rich import box
        from rich.table import Table

        table = Table(
            title=say("summary.by_tag"),
            box=box.ASCII if self.plain else box.SIMPLE,
            title_justify="left",
            show_edge=False,
        )
        table.add_column(say("summary.tag"))
        table.add_column(say("summary.questions"), justify="right", no_wrap=True)
        table.add_column(say("summary.points"), justify="right", no_wrap=True)
        table.add_column("%", justify="right", no_wrap=True)
        for tag in by_tag:
            percent = half_up(100 * max(tag.points, 0) / tag.max_points) if tag.max_points else 0
            table.add_row(
                Text(session.tag_label(tag.tag)),
                str(tag.questions),
                f"{say.number(tag.points)} / {say.number(tag.max_points)}",
                say.percent(percent),
            )
        self.console.print(table)

    def unanswered_line(self, summary: Summary) -> str:
        """Why some questions score 0: the time ran out, or the exam was stopped."""
        count = summary.not_reached
        if summary.out_of_time:
            key = "summary.timeout_one" if count == 1 else "summary.timeout"
        else:
            key = "summary.unanswered_one" if count == 1 else "summary.unanswered"
        return self.say(key, count=count)


def _one_line(question: Question) -> str:
    text = question.prompt or question.id
    if isinstance(question, model.ClozeQuestion):
        text = "".join("____" if isinstance(s, Blank) else s for s in question.segments)
    text = " ".join(text.split())
    if len(text) <= 90:
        return text
    return text[:90].rsplit(" ", 1)[0] + "…"
