"""Where `play --results` and `--results-dir` go: checked before the first question, written at the end."""

from __future__ import annotations

from newsquiz.commands.errors import ResultsNotWritten, UsageError
from newsquiz.commands.terminal import user_language
from newsquiz.shown_path import shown_path

TYPE_CHECKING = False

if TYPE_CHECKING:
    import argparse
    import datetime as dt
    from collections.abc import Callable
    from pathlib import Path

    from rich.console import Console

    from newsquiz.context import Environment
    from newsquiz.interface.messages import Messages
    from newsquiz.results_target import ResultsTarget
    from newsquiz.session import Session


def results_target_of(text: str | None, env: Environment, say: Messages) -> ResultsTarget | None:
    """Where --results goes, checked before the first question (exit 2 when it cannot be)."""
    if text is None:
        return None
    from newsquiz.outside_text import visible
    from newsquiz.results_target import TargetError, results_target

    try:
        return results_target(text, env.cwd)
    except TargetError as exc:
        reason = say(exc.key, **{k: visible(v) for k, v in exc.values.items()})
        shown = visible(text) or repr(text)
        raise UsageError(say("usage.results_cannot", path=shown, reason=reason)) from None


def save_results(
    args: argparse.Namespace,
    env: Environment,
    session: Session,
    now: dt.datetime,
    folder: Path | None,
    send: Callable[[dict[str, object]], None] | None,
    console: Console,
    say: Messages,
) -> None:
    """Write --results-dir, then --results (through ``send``); a failure of either is
    reported and ends the command with ResultsNotWritten, once both were tried."""
    if send is None and folder is None:
        return
    from newsquiz.results import login_name, results_document, write_new_results
    from newsquiz.streams import reason_of

    student = args.student or login_name(env.environ)
    document = results_document(session, student=student, now=now)
    failed = False
    if folder is not None:
        shown = shown_path(folder, env.cwd)
        try:
            path = write_new_results(folder, document, student=student, now=now)
        except OSError as exc:
            console.print(say("summary.results_failed", path=shown, reason=reason_of(exc)))
            failed = True
        else:
            console.print(say("summary.results_written", path=shown_path(path, env.cwd)))
    if send is not None:
        send(document)
    if failed:
        raise ResultsNotWritten


def checked_results_dir(args: argparse.Namespace, env: Environment) -> Path | None:
    """The folder of --results-dir, checked before the first question."""
    if not args.results_dir:
        return None
    import os
    from pathlib import Path

    from newsquiz.interface.messages import Messages

    say = Messages(user_language(args, env))
    folder = env.cwd / Path(args.results_dir)
    if not folder.exists():
        raise UsageError(say("results.dir_missing", path=args.results_dir))
    if not folder.is_dir():
        raise UsageError(say("results.dir_not_folder", path=args.results_dir))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(say("results.dir_not_writable", path=args.results_dir))
    return folder
