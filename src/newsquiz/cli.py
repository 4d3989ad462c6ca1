"""The `newsquiz` command: parse arguments, run a command, map failures to exit codes.

This is the only module that turns library errors into messages and exit
statuses, and the only place that handles Ctrl-C. Heavy modules (rich,
questionary, PyYAML) are imported inside the commands that need them, so that
`newsquiz --version` starts as fast as Python itself.
"""

from __future__ import annotations

import sys

from newsquiz import __version__
from newsquiz.commands.errors import InvalidInput, ResultsNotWritten, UsageError
from newsquiz.commands.terminal import (
    color,
    interface_mode,
    locale_messages,
    report_skipped,
    user_language,
)
from newsquiz.locales import CODES as LANGUAGE_CODES
from newsquiz.shown_path import shown_path

# Not `from typing import TYPE_CHECKING`: importing typing alone costs more
# than the whole `--version` budget. Type checkers treat this name the same.
TYPE_CHECKING = False

if TYPE_CHECKING:
    import argparse
    import datetime as dt
    from collections.abc import Callable, Sequence
    from pathlib import Path
    from random import Random
    from typing import NoReturn

    from _typeshed import SupportsWrite
    from rich.console import Console

    from newsquiz.bank_cache import BankCache
    from newsquiz.bank_files import Skipped
    from newsquiz.context import Environment
    from newsquiz.interface.messages import Messages
    from newsquiz.interface.play import PlayView
    from newsquiz.model import Bank
    from newsquiz.progress import Recorder
    from newsquiz.results_target import ResultsTarget
    from newsquiz.session import Session
    from newsquiz.store import Store


def build_parser() -> argparse.ArgumentParser:
    import argparse
    import os

    class Parser(argparse.ArgumentParser):
        language: str | None = None
        """The language of command-line mistakes (None: argparse's English)."""

        def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
            # argparse hides write errors: `newsquiz --help > /dev/full` must report one.
            if message:
                (file or sys.stderr).write(message)

        def error(self, message: str) -> NoReturn:
            if self.language is not None:
                from newsquiz.interface.usage import complain

                complain(self, message, self.language)
            super().error(message)

    from newsquiz.argument_types import MAX_COUNT, MAX_SEED, minutes, text, whole_number

    seed = whole_number(-MAX_SEED, MAX_SEED)
    formatter = argparse.RawDescriptionHelpFormatter
    parser = Parser(
        prog="newsquiz",
        description="Learn from the news at the terminal: play question banks, "
        "check the banks you write.",
        epilog="examples:\n  newsquiz list\n  newsquiz check quizzes/\n\n"
        "Run 'newsquiz COMMAND --help' for the options of each command.",
        formatter_class=formatter,
    )
    parser.add_argument("--version", action="version", version=f"newsquiz {__version__}")
    parser.add_argument(
        "--debug", action="store_true", help="show the full traceback of an internal error"
    )
    # Every subcommand's parser is a Parser too; the helpers that add commands take
    # the base class.
    commands: argparse._SubParsersAction[argparse.ArgumentParser]
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")  # type: ignore[assignment]

    check = commands.add_parser(
        "check",
        help="check banks for errors, with file:line:column for each",
        description="Check bank files (or every *.yaml in folders) and report every "
        "problem at once, as PATH:LINE:COLUMN: message.",
        epilog="examples:\n  newsquiz check quizzes/\n  newsquiz check --strict my-bank.yaml\n"
        "  newsquiz check --format json quizzes/ > report.json\n\n"
        "exit status: 0 no errors, 1 errors found (or warnings with --strict), 2 usage",
        formatter_class=formatter,
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="a bank file or a folder")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    from newsquiz.commands.authoring import add_check_options

    add_check_options(check)
    check.set_defaults(run=_run_check)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the bank format",
        description="Print the JSON Schema of bank format 1, for editors that check YAML "
        "as you type.",
        epilog="example:\n  newsquiz schema > newsquiz-bank.schema.json\n"
        "  then start a bank with:\n"
        "  # yaml-language-server: $schema=newsquiz-bank.schema.json",
        formatter_class=formatter,
    )
    schema.add_argument(
        "--markdown",
        action="store_true",
        help="print the reference of every field as Markdown (docs/format.md) instead",
    )
    schema.set_defaults(run=_run_schema)

    from newsquiz.commands.authoring import add_new_parser

    add_new_parser(commands)

    play = commands.add_parser(
        "play",
        help="play a bank: practice (feedback after each answer) or exam",
        description="Play a question bank. BANK is a bank id (see 'newsquiz list') or the "
        "path of a .yaml file. With no BANK, a terminal offers a menu; otherwise the "
        "sample bank is played.",
        epilog="examples:\n  newsquiz play\n  newsquiz play goita-kremlin-2025-en -n 5\n"
        "  newsquiz play goita-kremlin-2025-fr --exam --time 10 --results results.json\n"
        "  newsquiz play my-bank.yaml --plain < answers.txt\n\n"
        "In plain mode, type the number of a choice, several numbers separated by spaces "
        "(select all that apply, order, match), t/f, v/f, yes/no or oui/non (true/false), "
        "? for the hint, "
        "an empty line to skip.",
        formatter_class=formatter,
    )
    play.add_argument("bank", nargs="?", metavar="BANK", help="a bank id or a .yaml file")
    play.add_argument("--exam", action="store_true", help="no feedback until the end")
    play.add_argument("--time", type=minutes, metavar="MINUTES", help="time limit of an exam")
    play.add_argument(
        "--negative",
        action="store_true",
        help="in an exam, a wrong choice costs points/(number of choices - 1)",
    )
    play.add_argument("-n", type=whole_number(1, MAX_COUNT), metavar="N", help="ask N questions")
    play.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="TAG",
        help="only questions with this tag (repeatable)",
    )
    play.add_argument("--seed", type=seed, metavar="N", help="the same shuffle every time")
    play.add_argument(
        "--no-shuffle", action="store_true", help="questions and choices in the file's order"
    )
    play.add_argument("--results", metavar="FILE", help="write the results as JSON to FILE")
    play.add_argument(
        "--results-dir",
        metavar="DIR",
        help="write the results as a new JSON file in DIR (student_bank_time_random.json: "
        "one file per session, never replacing another), for 'newsquiz report'",
    )
    play.add_argument(
        "--student",
        type=text,
        metavar="NAME",
        help="the student's name, for the results (default: your login name)",
    )
    _add_display_options(
        play,
        language="the interface language (default: the bank's)",
        plain="numbered choices and one line per answer (automatic when input is not a terminal)",
    )
    play.add_argument(
        "--no-save", action="store_true", help="leave no trace: no history, no schedule"
    )
    play.set_defaults(run=_run_play)

    review = commands.add_parser(
        "review",
        help="spaced review: the questions due today, across the banks you played",
        description="Ask the questions that are due, most overdue first, across every bank "
        "played (or the banks named), then a few new ones. Practice sessions and reviews "
        "schedule each question with FSRS from how it was answered: wrong -> again soon; "
        "partly right or with the hint -> hard; right -> good; right, without the hint, in "
        "under half your usual time -> easy. Exams are kept in the history but do not "
        "reschedule.",
        epilog="examples:\n  newsquiz review\n  newsquiz review goita-kremlin-2025-fr --new 5\n\n"
        "Progress is kept in NEWSQUIZ_DATA_DIR, or else in your user data folder.",
        formatter_class=formatter,
    )
    review.add_argument("banks", nargs="*", metavar="BANK", help="bank ids or .yaml files")
    review.add_argument(
        "--new",
        type=whole_number(0, MAX_COUNT),
        default=10,
        metavar="N",
        help="at most N questions never seen before, per day (default: 10)",
    )
    review.add_argument(
        "--limit",
        type=whole_number(1, MAX_COUNT),
        default=100,
        metavar="N",
        help="at most N due questions in one review, the most overdue (default: 100)",
    )
    review.add_argument("--seed", type=seed, metavar="N", help="the same shuffle every time")
    _add_display_options(
        review,
        language="the interface language (default: the banks')",
        plain="one line per answer, no menus",
    )
    review.add_argument("--no-save", action="store_true", help="a review that leaves no trace")
    review.set_defaults(run=_run_review)

    stats = commands.add_parser(
        "stats",
        help="your progress: accuracy, activity, what is due, the weakest questions",
        description="Show answers and sessions, accuracy over all time and the last 7 and 30 "
        "days, a day-by-day chart of the last 30 days, accuracy per bank and per tag, what "
        "is due today and over the next 7 days, and the weakest questions.",
        epilog="examples:\n  newsquiz stats\n  newsquiz stats goita-kremlin-2025-fr\n"
        "  newsquiz stats --json > progress.json",
        formatter_class=formatter,
    )
    stats.add_argument("bank", nargs="?", metavar="BANK", help="only this bank (an id)")
    stats.add_argument("--json", action="store_true", help="the figures as JSON, for scripts")
    _add_display_options(
        stats, language="the interface language", plain="plain lines instead of charts"
    )
    stats.set_defaults(run=_run_stats)

    listing = commands.add_parser(
        "list",
        help="list the banks newsquiz can find",
        description="List the banks found: those installed with newsquiz, those in "
        "./quizzes, and those in the folders of NEWSQUIZ_PATH (separated by "
        f"'{os.pathsep}').",
        epilog="examples:\n  newsquiz list\n  NEWSQUIZ_PATH=~/banks newsquiz list --format json",
        formatter_class=formatter,
    )
    listing.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    listing.set_defaults(run=_run_list)

    from newsquiz.commands.interchange import add_interchange_commands

    add_interchange_commands(commands)
    from newsquiz.commands.report import add_report_command

    add_report_command(commands)
    return parser


def _add_display_options(parser: argparse.ArgumentParser, *, language: str, plain: str) -> None:
    """--lang, --plain and --no-color, the same on every command that talks to a learner."""
    parser.add_argument("--lang", choices=LANGUAGE_CODES, help=language)
    parser.add_argument("--plain", action="store_true", help=plain)
    parser.add_argument("--no-color", action="store_true", help="no colour (also: NO_COLOR=1)")


def main(argv: Sequence[str] | None = None, env: Environment | None = None) -> int:
    """Run one command; every way it can end becomes an exit status and at most one line.

    Ctrl-C, SIGTERM and SIGHUP are caught here from the first instruction to the
    last (exit 128 + the signal), never shown as a traceback.
    """
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments == ["--version"] and (env is not None or sys.stdout is not None):
        # The common probe answers before argparse, pathlib and dataclasses load:
        # it must start about as fast as Python itself.
        out = env.stdout if env else sys.stdout
        try:
            out.write(f"newsquiz {__version__}\n")
            out.flush()
        except OSError as exc:
            from newsquiz.streams import silence_stdout

            silence_stdout()
            (env.stderr if env else sys.stderr).write(f"newsquiz: {exc.strerror or exc}\n")
            return 1
        return 0
    from newsquiz.stopping import exit_status, stop_signals_raise

    try:
        with stop_signals_raise():
            if env is None:
                from newsquiz.streams import prepare_standard_streams

                prepare_standard_streams()
            return _main(arguments, env)
    except KeyboardInterrupt as stop:
        if env is None:
            from newsquiz.streams import settle_standard_output

            settle_standard_output()
        return exit_status(stop)


def _main(arguments: list[str], env: Environment | None) -> int:
    from newsquiz.context import Environment
    from newsquiz.status import ExitStatus

    env = env or Environment()
    try:
        status = _parse_and_run(arguments, env)
        # A full disk shows only when the output is really written: here, not at exit.
        env.stdout.flush()
    except OSError as exc:
        if not _output_failed(exc):
            raise
        from contextlib import suppress

        from newsquiz.streams import reason_of

        with suppress(OSError):  # standard error may be gone too (a closed terminal)
            env.stderr.write(locale_messages(env)("error.output", reason=reason_of(exc)) + "\n")
        return ExitStatus.INVALID_INPUT
    return status


def _parse_and_run(arguments: list[str], env: Environment) -> int:
    from newsquiz.interface.language import choose_language
    from newsquiz.interface.usage import requested_language
    from newsquiz.status import ExitStatus

    # Command-line mistakes in the learner's language: --lang if given, else the locale's.
    parser = build_parser()
    # Subcommands' parsers share its class: they all speak the learner's language.
    language = choose_language(requested_language(arguments), (), env.environ)
    type(parser).language = language  # type: ignore[attr-defined]
    try:
        args = parser.parse_args(arguments)
    except SystemExit as done:  # --help, or a usage error argparse reported
        return int(done.code or 0)
    if args.command is None:
        parser.print_help(env.stdout)
        return ExitStatus.USAGE
    return _run_command(args, env)


def _run_command(args: argparse.Namespace, env: Environment) -> int:
    from newsquiz.status import ExitStatus

    run: Callable[[argparse.Namespace, Environment], int] = args.run
    try:
        return run(args, env)
    except KeyboardInterrupt:
        # The one Ctrl-C handler: commands clean up in `finally` blocks, then we land here.
        from contextlib import suppress

        with suppress(OSError):  # a terminal that hung up takes no more output
            env.stderr.write("\n")
        raise
    except UsageError as exc:
        usage = locale_messages(env, getattr(args, "lang", None))
        env.stderr.write(usage("usage.line", command=args.command, message=exc) + "\n")
        return ExitStatus.USAGE
    except InvalidInput as exc:
        usage = locale_messages(env, getattr(args, "lang", None))
        env.stderr.write(usage("usage.line", command=args.command, message=exc) + "\n")
        return ExitStatus.INVALID_INPUT
    except ResultsNotWritten:
        return ExitStatus.INVALID_INPUT
    except BrokenPipeError:
        # The reader went away (`newsquiz list | head`): not an error worth a message.
        from newsquiz.streams import silence_stdout

        silence_stdout()
        return ExitStatus.SUCCESS
    except OSError as exc:
        from newsquiz.streams import is_output_error

        if is_output_error(exc):
            raise
        return _internal_error(args, env, exc)
    except Exception as exc:
        return _internal_error(args, env, exc)


def _output_failed(error: OSError) -> bool:
    """A write that the output could not take (a full disk, /dev/full, a closed terminal)."""
    from newsquiz.streams import is_output_error, silence_stdout

    if not is_output_error(error):
        return False
    silence_stdout()
    return True


def _internal_error(args: argparse.Namespace, env: Environment, exc: Exception) -> int:
    from newsquiz.status import ExitStatus
    from newsquiz.stopping import interrupt_within

    if (stop := interrupt_within(exc)) is not None:
        raise stop from None  # Ctrl-C that Python wrapped (in a class's creation)
    if args.debug:
        raise exc
    text = locale_messages(env)(
        "error.internal", error=f"{type(exc).__name__}: {exc}", command=args.command
    )
    env.stderr.write(text + "\n")
    return ExitStatus.INTERNAL_ERROR


def _run_check(args: argparse.Namespace, env: Environment) -> int:

    from newsquiz.bank_files import NothingThere, files_named
    from newsquiz.diagnostics import Problem, Severity
    from newsquiz.interface.console import make_console
    from newsquiz.interface.reports import check_json, render_check
    from newsquiz.loader import read_bank
    from newsquiz.status import ExitStatus

    skipped: list[Skipped] = []
    try:
        files = files_named(args.paths, env.cwd, skipped)
    except NothingThere as exc:
        say = locale_messages(env, args.lang)
        key = "usage.no_bank_in_folder" if exc.problem == "empty" else "usage.no_such_path"
        raise UsageError(say(key, path=_visible(exc.name))) from None
    report_skipped(env, skipped, locale_messages(env, args.lang))
    reports = [read_bank(f, shown_as=shown_path(f, env.cwd)) for f in files]
    extra: list[Problem] = []
    first: dict[str, str] = {}
    for report in reports:
        if report.bank is None:
            continue
        if report.bank.id in first:
            extra.append(
                Problem(
                    report.path,
                    1,
                    1,
                    f"the bank id `{report.bank.id}` is also used by {first[report.bank.id]}: "
                    "progress is kept by bank id, so each bank needs its own",
                    key="check.same_bank_id",
                    values=(("id", report.bank.id), ("other", first[report.bank.id])),
                )
            )
        else:
            first[report.bank.id] = report.path
    from newsquiz.commands.authoring import teacher_checks

    reports, extra, say = teacher_checks(reports, extra, args, env)
    if args.format == "json":
        env.stdout.write(check_json(reports, extra) + "\n")
    else:
        console = make_console(env.stdout, color=color(env))
        render_check(console, reports, extra, strict=args.strict, say=say)
    every = [p for r in reports for p in r.problems] + extra
    failing = {Severity.ERROR, Severity.WARNING} if args.strict else {Severity.ERROR}
    if any(p.severity in failing for p in every):
        return ExitStatus.INVALID_INPUT
    return ExitStatus.SUCCESS


def _visible(text: str) -> str:
    from newsquiz.visible import visible

    return visible(text)


def _run_schema(args: argparse.Namespace, env: Environment) -> int:
    from newsquiz.status import ExitStatus

    if args.markdown:
        from newsquiz.format_reference import render_reference

        env.stdout.write(render_reference())
        return ExitStatus.SUCCESS
    from newsquiz.schema import render_schema

    env.stdout.write(render_schema())
    return ExitStatus.SUCCESS


def _run_list(args: argparse.Namespace, env: Environment) -> int:
    from newsquiz.catalog import bank_folders, survey
    from newsquiz.interface.console import make_console
    from newsquiz.interface.reports import list_json, render_list
    from newsquiz.status import ExitStatus

    skipped: list[Skipped] = []
    found = survey(bank_folders(env.environ, env.cwd), skipped, _bank_cache(env).summary)
    report_skipped(env, skipped)
    if args.format == "json":
        env.stdout.write(list_json(found) + "\n")
    else:
        render_list(
            make_console(env.stdout, color=color(env)), found, env.cwd, locale_messages(env)
        )
    return ExitStatus.SUCCESS


def _bank_cache(env: Environment) -> BankCache:
    """Banks read through the compiled copies in the user cache folder (`check` never uses it)."""
    from newsquiz.bank_cache import BankCache, cache_folder

    return BankCache(cache_folder(env.environ))


def _open_store(
    args: argparse.Namespace, env: Environment, say: Messages, *, warning: str = "store.unavailable"
) -> Store | None:
    """The progress store, or None (--no-save, or a folder we cannot write: warn, go on)."""
    if getattr(args, "no_save", False):
        return None
    from newsquiz.outside_text import visible
    from newsquiz.store import StoreUnavailable, default_data_dir, open_store

    try:
        opened = open_store(default_data_dir(env.environ), now=env.clock())
    except StoreUnavailable as exc:
        env.stderr.write(say(warning, reason=visible(str(exc))) + "\n")
        return None
    if opened.moved_aside is not None:
        env.stderr.write(say("store.moved", path=visible(str(opened.moved_aside))) + "\n")
    return opened.store


def _store_for_reading(env: Environment, say: Messages, *, warning: str | None) -> Store | None:
    """The store to read from, read-only when the data folder cannot be written."""
    from newsquiz.outside_text import visible
    from newsquiz.store import StoreUnavailable, default_data_dir
    from newsquiz.store_access import open_for_reading

    try:
        opened = open_for_reading(default_data_dir(env.environ), now=env.clock())
    except StoreUnavailable as exc:
        if warning is not None:
            env.stderr.write(say(warning, reason=visible(str(exc))) + "\n")
        return None
    if opened.moved_aside is not None:
        env.stderr.write(say("store.moved", path=visible(str(opened.moved_aside))) + "\n")
    return opened.store


def _run_play(args: argparse.Namespace, env: Environment) -> int:
    import datetime as dt
    import random
    from dataclasses import replace

    from newsquiz.cli_play import check_exam_options, choose_bank
    from newsquiz.interface.console import make_console
    from newsquiz.interface.language import choose_language
    from newsquiz.interface.messages import Messages
    from newsquiz.interface.play import PlainMessages
    from newsquiz.interface.problems import localized
    from newsquiz.results_target import TargetKind
    from newsquiz.session import Mode, Options, SessionError, start_session
    from newsquiz.status import ExitStatus

    usage = locale_messages(env, args.lang)
    check_exam_options(args, usage)
    target = _results_target(args.results, env, usage)
    results_out = env.stdout
    if target is not None and target.kind is TargetKind.STDOUT:
        # Standard output carries the results alone: the quiz talks on standard error.
        env = replace(env, stdout=env.stderr)
    results_dir = _results_dir(args, env)
    plain, color = interface_mode(args, env)
    console = make_console(env.stdout, color=color, plain=plain)
    cache = _bank_cache(env)
    skipped: list[Skipped] = []
    try:
        path, exam = choose_bank(args, env, plain=plain, cache=cache, skipped=skipped)
    finally:
        report_skipped(env, skipped, usage)
    report = cache.read(path, shown_as=shown_path(path, env.cwd))
    if report.bank is None:
        for problem in report.errors:
            env.stderr.write(f"{localized(problem, usage)}\n")
        count = len(report.errors)
        raise InvalidInput(
            usage(
                "usage.invalid_bank",
                path=report.path,
                count=count,
                error_word=usage.word("error", count),
            )
        )
    bank = report.bank
    language = choose_language(args.lang, (bank.language,), env.environ)
    say = PlainMessages(language) if plain else Messages(language)
    console.french = say.spaced_punctuation
    options = Options(
        mode=Mode.EXAM if exam else Mode.PRACTICE,
        count=args.n,
        tags=tuple(args.tag),
        shuffle=not args.no_shuffle,
        negative=args.negative,
        time_limit=dt.timedelta(minutes=args.time) if args.time else None,
    )
    rng = random.Random(args.seed) if args.seed is not None else env.rng
    try:
        session = start_session(bank, options, rng, env.clock())
    except SessionError as exc:
        known = ", ".join(bank.tag_label(t) for t in exc.known) or say("usage.none")
        raise UsageError(say("usage.no_tag", tags=", ".join(exc.tags), known=known)) from None
    recorder = _recorder(args, env, say)
    view = _quiz_view(console, say, env, plain=plain, recorder=recorder)
    if recorder is not None:
        for changed in recorder.reset_changed(session.items):
            console.print(
                say("review.changed", prompt=changed.question.prompt or changed.question.id)
            )

    from newsquiz.cli_keeping import write_results_to

    def write_results(now: dt.datetime) -> None:
        send = None
        if target is not None:
            checked = target

            def send(document: dict[str, object]) -> None:
                write_results_to(checked, document, results_out, console, say)

        _save_results(args, env, session, now, results_dir, send, console, say)

    finished = _play_through(view, session, recorder, env, after=write_results)
    if finished and not plain:
        _offer_retry(view, session, recorder, env, rng)
    return ExitStatus.SUCCESS


def _offer_retry(
    view: PlayView, session: Session, recorder: Recorder | None, env: Environment, rng: Random
) -> None:
    """Offer to practise the missed questions again. After an exam, No is the default,
    and keys typed while the time ran out are dropped first."""
    from newsquiz.session import Mode, Options, start_session

    missed = [item.question for item in session.summary().missed]
    if not missed or session.bank is None:
        return
    say = view.say
    offer = (
        say("summary.retry_one")
        if len(missed) == 1
        else say(
            "summary.retry", count=len(missed), question_word=say.word("question", len(missed))
        )
    )
    exam = session.options.mode is Mode.EXAM
    if view.prompter.confirm(offer, default=not exam, fresh=exam):
        practice = Options(mode=Mode.PRACTICE, shuffle=session.options.shuffle)
        retry = start_session(session.bank, practice, rng, env.clock(), questions=missed)
        _play_through(view, retry, recorder, env)


def _results_target(text: str | None, env: Environment, say: Messages) -> ResultsTarget | None:
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


def _save_results(
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


def _results_dir(args: argparse.Namespace, env: Environment) -> Path | None:
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


def _quiz_view(
    console: Console, say: Messages, env: Environment, *, plain: bool, recorder: Recorder | None
) -> PlayView:
    """The view that asks and answers, with the prompter that suits the terminal."""
    from newsquiz.cli_keeping import recording
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


def _recorder(args: argparse.Namespace, env: Environment, say: Messages) -> Recorder | None:
    store = _open_store(args, env, say)
    if store is None:
        return None
    from newsquiz.progress import Recorder

    return Recorder(store, student=getattr(args, "student", None))


def _play_through(
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
    from newsquiz.cli_keeping import sum_up

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


def _load_banks(
    references: Sequence[str],
    env: Environment,
    played: Sequence[str] = (),
    say: Messages | None = None,
) -> tuple[dict[str, Bank], list[str]]:
    """Banks by id: the ones named (ids or files), else every valid bank found.

    ``played`` are files of banks played before: a bank played by its path is
    found again there even outside the bank folders.
    """
    from pathlib import Path

    from newsquiz.catalog import BankNotFound, bank_folders, discover, locate
    from newsquiz.interface.problems import localized

    folders = bank_folders(env.environ, env.cwd)
    cache = _bank_cache(env)
    banks: dict[str, Bank] = {}
    skipped: list[Skipped] = []
    if references:
        for reference in references:
            try:
                path = locate(reference, folders, env.cwd, skipped, cache.summary)
            except BankNotFound as exc:
                report_skipped(env, skipped, say)
                words = say or locale_messages(env)
                known = ", ".join(exc.known) or words("usage.none")
                raise UsageError(words("usage.no_such_bank", bank=reference, known=known)) from None
            report = cache.read(path, shown_as=shown_path(path, env.cwd))
            if report.bank is None:
                words = say or locale_messages(env)
                for problem in report.errors:
                    env.stderr.write(f"{localized(problem, words)}\n")
                count = len(report.errors)
                raise InvalidInput(
                    words(
                        "usage.invalid_bank",
                        path=report.path,
                        count=count,
                        error_word=words.word("error", count),
                    )
                )
            banks[report.bank.id] = report.bank
        report_skipped(env, skipped, say)
        return banks, list(banks)
    found_banks = discover(folders, skipped, cache.read)
    report_skipped(env, skipped, say)
    for found in found_banks:
        if found.report.bank is not None:
            banks.setdefault(found.report.bank.id, found.report.bank)
    for played_path in played:
        again = cache.read(Path(played_path))
        if again.bank is not None:
            banks.setdefault(again.bank.id, again.bank)
    return banks, []


def _run_review(args: argparse.Namespace, env: Environment) -> int:
    import random

    from newsquiz.interface.console import make_console
    from newsquiz.interface.messages import Messages
    from newsquiz.interface.play import PlainMessages
    from newsquiz.progress import (
        Recorder,
        build_review_queue,
        new_allowed_today,
        review_session,
    )
    from newsquiz.status import ExitStatus
    from newsquiz.store import next_due

    plain, color = interface_mode(args, env)
    language = user_language(args, env)
    say = PlainMessages(language) if plain else Messages(language)
    console = make_console(env.stdout, color=color, plain=plain)
    store = _open_store(args, env, say)
    saving = store is not None
    if store is None:
        # A review that leaves no trace, or that cannot save, still reads the schedule.
        store = _store_for_reading(env, say, warning=None)
    if store is None:
        console.print(say("review.nothing"))
        return ExitStatus.SUCCESS
    banks, named = _load_banks(args.banks, env, store.played_bank_paths(), say)
    now = env.clock()
    played = set(named) if named else set(store.scheduled_banks()) | set(store.played_banks())
    in_scope = {bank_id: bank for bank_id, bank in banks.items() if bank_id in played}
    scope = sorted(in_scope)
    # A few more than the limit, in case some questions have left their bank.
    due_cards = store.due_cards(now, scope, limit=args.limit * 2 + 20)
    queue = build_review_queue(
        due_cards,
        store.card_keys(scope),
        in_scope,
        new_allowed=new_allowed_today(store, now, args.new),
        limit=args.limit,
    )
    language = user_language(args, env, list(in_scope.values()))
    say = PlainMessages(language) if plain else Messages(language)
    console.french = say.spaced_punctuation
    for changed in queue.changed:
        console.print(say("review.changed", prompt=changed.question.prompt or changed.question.id))
    if not queue.due and not queue.new:
        console.print(say("review.nothing"))
        _say_next(console, say, next_due(store, now, scope), now)
        return ExitStatus.SUCCESS
    rng = random.Random(args.seed) if args.seed is not None else env.rng
    session = review_session(queue, say("review.title"), language, rng, now)
    recorder = Recorder(store) if saving else None
    view = _quiz_view(console, say, env, plain=plain, recorder=recorder)
    console.print(say("review.queue", due=len(queue.due), new=len(queue.new)))
    waiting = store.count_due(now, scope)
    if waiting > len(queue.due) + len(queue.changed):
        console.print(say("review.more_due", count=waiting))
    try:
        _play_through(view, session, recorder, env)
    finally:
        from functools import partial

        from newsquiz.pending import read_or

        end = env.clock()
        # The store may have become unreadable during the review (see pending.py).
        _say_next(console, say, read_or(None, partial(next_due, store, end, scope)), end)
    return ExitStatus.SUCCESS


def _say_next(
    console: Console, say: Messages, upcoming: tuple[dt.datetime, int] | None, now: dt.datetime
) -> None:
    import datetime as dt

    if upcoming is None:
        console.print(say("review.none_scheduled"))
        return
    moment, count = upcoming
    today = now.astimezone().date()
    if moment.date() == today:
        console.print(say("review.next_today", count=count, time=moment.strftime("%H:%M")))
    elif moment.date() == today + dt.timedelta(days=1):
        console.print(say("review.next_tomorrow", count=count))
    else:
        day = moment.date()
        console.print(
            say("review.next_on", count=count, date=say.date(day.year, day.month, day.day))
        )


def _run_stats(args: argparse.Namespace, env: Environment) -> int:
    from newsquiz.interface.console import make_console
    from newsquiz.interface.messages import Messages
    from newsquiz.interface.play import PlainMessages
    from newsquiz.interface.stats_view import StatsView, index_questions, statistics_json
    from newsquiz.status import ExitStatus
    from newsquiz.store import gather_statistics

    plain = args.plain or not env.stdout_isatty or env.dumb_terminal
    color = not (args.no_color or env.no_color or plain)
    language = user_language(args, env)
    say = PlainMessages(language) if plain else Messages(language)
    store = _store_for_reading(env, say, warning="store.unreadable")
    if store is None:
        return ExitStatus.INVALID_INPUT
    banks, _ = _load_banks([], env, store.played_bank_paths(), say)
    questions = index_questions(list(banks.values()))
    played = sorted(set(store.played_banks()) | set(store.scheduled_banks()))
    at_hand = [banks[b] for b in ([args.bank] if args.bank else played) if b in banks]
    language = user_language(args, env, at_hand)
    say = PlainMessages(language) if plain else Messages(language)
    labels = {tag: label for bank in at_hand for tag, label in bank.tag_labels.items()}
    if args.bank and args.bank not in played:
        env.stderr.write(
            say("stats.unknown_bank", bank=args.bank, known=", ".join(played) or "-") + "\n"
        )
        return ExitStatus.USAGE
    stats = gather_statistics(store, env.clock(), args.bank)
    if args.json:
        env.stdout.write(statistics_json(stats, questions, labels) + "\n")
        return ExitStatus.SUCCESS
    console = make_console(env.stdout, color=color, plain=plain)
    console.french = say.spaced_punctuation
    title = say("stats.title_bank", bank=args.bank) if args.bank else say("stats.title")
    StatsView(console, say, plain=plain, labels=labels).render(stats, questions, title=title)
    return ExitStatus.SUCCESS
