"""Running a quiz session at the terminal, for `play` and `review`: the view, saving each answer, the end."""

from __future__ import annotations

from contextlib import contextmanager

from newsquiz.argument_types import MAX_SEED, whole_number
from newsquiz.commands.arguments import Argument, switch
from newsquiz.commands.stores import open_store
from newsquiz.commands.terminal import display_options

TYPE_CHECKING = False

if TYPE_CHECKING:
    import argparse
    import datetime as dt
    from collections.abc import Callable, Iterator

    from rich.console import Console

    from newsquiz.context import Environment
    from newsquiz.interface.messages import Messages
    from newsquiz.interface.play import PlayView
    from newsquiz.progress import Recorder
    from newsquiz.session import Session


SEED = whole_number(-MAX_SEED, MAX_SEED)
"""The type of --seed: any whole number a shuffle can start from."""


def quiz_options(*, language: str, plain: str, no_save: str) -> tuple[Argument, ...]:
    """The options a quiz (play, review) ends with: how it talks to the learner, and
    --no-save (the values are the help texts' message keys)."""
    return (*display_options(language=language, plain=plain), switch("--no-save", help=no_save))


def quiz_view(
    console: Console, say: Messages, env: Environment, *, plain: bool, recorder: Recorder | None
) -> PlayView:
    """The view that asks and answers, with the prompter that suits the terminal."""
    from newsquiz.commands.keeping import recording
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
        on_answer=recording(recorder, console, say) if recorder else None,
    )


@contextmanager
def open_recorder(
    args: argparse.Namespace, env: Environment, say: Messages
) -> Iterator[Recorder | None]:
    """What keeps the learner's answers (None: not saving), its store closed at the end."""
    store = open_store(args, env, say)
    if store is None:
        yield None
        return
    from newsquiz.progress import Recorder

    with store:
        yield Recorder(store, student=getattr(args, "student", None))


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
    from newsquiz.commands.keeping import sum_up

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
        sum_up(view, session, recorder, now, finished=finished)
        if after is not None:
            after(now)
    return finished
