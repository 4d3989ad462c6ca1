"""What `play` and `review` keep at the end of a session, and what they say about it.

The results file (`--results`), the progress store's saving (told once when it
stops, again when it resumes), and the summary when the terminal is already gone.
"""

from __future__ import annotations

import datetime as dt
import errno
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from newsquiz.commands.errors import ResultsNotWritten
from newsquiz.commands.stores import said_reason
from newsquiz.streams import reason_of

if TYPE_CHECKING:
    from rich.console import Console

    from newsquiz.interface.messages import Messages
    from newsquiz.interface.play import PlayView
    from newsquiz.progress import Recorder
    from newsquiz.results_target import ResultsTarget
    from newsquiz.session import Answer, Session


# Reasons results_target gives in its own words, said in the learner's language.
_REASONS = {errno.ENXIO: "target.no_reader", errno.EEXIST: "target.changed"}


def write_results_to(
    target: ResultsTarget,
    document: dict[str, object],
    stdout: TextIO,
    console: Console,
    say: Messages,
) -> None:
    import json

    from newsquiz.results_target import TargetKind, write_results_text

    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    try:
        write_results_text(target, text, stdout)
    except OSError as exc:
        reason = say(_REASONS[exc.errno]) if exc.errno in _REASONS else reason_of(exc)
        console.print(say("summary.results_failed", path=target.shown, reason=reason))
        raise ResultsNotWritten from None
    if target.kind is not TargetKind.STDOUT:
        console.print(say("summary.results_written", path=target.shown))


def recording(
    recorder: Recorder, console: Console, say: Messages
) -> Callable[[Session, Answer], None]:
    """Keep each answer, and say when progress stops (or starts again) being saved."""

    def record(session: Session, answer: Answer) -> None:
        recorder.record(session, answer)
        tell_saving(recorder, console, say)

    return record


def tell_saving(recorder: Recorder, console: Console, say: Messages) -> None:
    from rich.text import Text

    from newsquiz.pending import SavingChange

    for change in recorder.pending.changes():
        if change is SavingChange.STOPPED:
            cause = recorder.pending.cause
            reason = "" if cause is None else said_reason(cause, say)
            console.print(Text(say("store.not_saving", reason=reason), style="quiz.wrong"))
        else:
            console.print(Text(say("store.saving_again"), style="quiz.instruction"))


def sum_up(
    view: PlayView, session: Session, recorder: Recorder | None, now: dt.datetime, *, finished: bool
) -> None:
    """The summary; when the terminal is gone (SIGHUP), say nothing more, and go on saving."""
    from newsquiz.streams import is_output_error

    try:
        if recorder is not None:
            tell_saving(recorder, view.console, view.say)
            if recorder.pending.waiting:
                view.line(view.say("store.unsaved", count=recorder.pending.waiting), "quiz.wrong")
        view.show_summary(session, session.summary(now), interrupted=not finished)
    except OSError as exc:
        if not is_output_error(exc):
            raise
        view.console.quiet = True
