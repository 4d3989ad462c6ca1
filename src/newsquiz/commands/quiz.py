"""Running a quiz session at the terminal, for `play` and `review`: the view, saving each answer, the end."""

from __future__ import annotations

from newsquiz.commands.stores import open_store

TYPE_CHECKING = False

if TYPE_CHECKING:
    import argparse
    import datetime as dt
    from collections.abc import Callable

    from rich.console import Console

    from newsquiz.context import Environment
    from newsquiz.interface.messages import Messages
    from newsquiz.interface.play import PlayView
    from newsquiz.progress import Recorder
    from newsquiz.session import Answer, Session


def quiz_view(
    console: Console, say: Messages, env: Environment, *, plain: bool, recorder: Recorder | None
) -> PlayView:
    """The view that asks and answers, with the prompter that suits the terminal."""
    from newsquiz.interface.play import PlayView
    from newsquiz.interface.prompting import PlainPrompter, Prompter, QuestionaryPrompter

    prompter: Prompter
    if plain:
        prompter = PlainPrompter(console, env.stdin, say, echo=not env.stdin_isatty)
    else:
        prompter = QuestionaryPrompter(say)
    return PlayView(
        console,
        prompter,
        say,
        clock=env.clock,
        monotonic=env.monotonic,
        plain=plain,
        on_answer=_recording(recorder, console, say) if recorder else None,
    )


def _recording(
    recorder: Recorder, console: Console, say: Messages
) -> Callable[[Session, Answer], None]:
    """Keep each answer, and say when progress stops (or starts again) being saved."""

    def record(session: Session, answer: Answer) -> None:
        recorder.record(session, answer)
        _tell_saving(recorder, console, say)

    return record


def _tell_saving(recorder: Recorder, console: Console, say: Messages) -> None:
    from rich.text import Text

    from newsquiz.pending import SavingChange

    for change in recorder.pending.changes():
        if change is SavingChange.STOPPED:
            reason = recorder.pending.reason or ""
            console.print(Text(say("store.not_saving", reason=reason), style="quiz.wrong"))
        else:
            console.print(Text(say("store.saving_again"), style="quiz.instruction"))


def open_recorder(args: argparse.Namespace, env: Environment, say: Messages) -> Recorder | None:
    store = open_store(args, env, say)
    if store is None:
        return None
    from newsquiz.progress import Recorder

    return Recorder(store, student=getattr(args, "student", None))


def play_through(
    view: PlayView,
    session: Session,
    recorder: Recorder | None,
    env: Environment,
    after: Callable[[dt.datetime], None] | None = None,
) -> bool:
    """Run a session to its end; on Ctrl-C or end of input, still sum up and save.

    Returns whether the session ran to its end. KeyboardInterrupt goes on to
    main's handler once the summary is shown.
    """
    if recorder is not None:
        recorder.begin(session)
    finished = False
    try:
        view.run(session)
        finished = True
    except EOFError:
        # End of piped input: the session ends as if the learner stopped here.
        pass
    finally:
        now = env.clock()
        session.finish(now)
        if recorder is not None:
            recorder.end(session, now)
        _sum_up(view, session, recorder, now, finished=finished)
        if after is not None:
            after(now)
    return finished


def _sum_up(
    view: PlayView, session: Session, recorder: Recorder | None, now: dt.datetime, *, finished: bool
) -> None:
    """The summary; when the terminal is gone (SIGHUP), say nothing more, and go on saving."""
    from newsquiz.streams import is_output_error

    try:
        if recorder is not None:
            _tell_saving(recorder, view.console, view.say)
            if recorder.pending.waiting:
                view.line(view.say("store.unsaved", count=recorder.pending.waiting), "quiz.wrong")
        view.show_summary(session, session.summary(now), interrupted=not finished)
    except OSError as exc:
        if not is_output_error(exc):
            raise
        view.console.quiet = True
