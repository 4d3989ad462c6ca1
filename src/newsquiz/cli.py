"""The `newsquiz` command: parse arguments, run a command, map failures to exit codes.

This is the only module that turns library errors into messages and exit
statuses, and the only place that handles Ctrl-C. Heavy modules (rich,
questionary, PyYAML) are imported inside the commands that need them, so that
`newsquiz --version` starts as fast as Python itself.
"""

from __future__ import annotations

import sys

from newsquiz import __version__

# Not `from typing import TYPE_CHECKING`: importing typing alone costs more
# than the whole `--version` budget. Type checkers treat this name the same.
TYPE_CHECKING = False

if TYPE_CHECKING:
    import argparse
    import datetime as dt
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from rich.console import Console

    from newsquiz.context import Environment
    from newsquiz.interface.messages import Messages
    from newsquiz.interface.play import PlayView
    from newsquiz.model import Bank
    from newsquiz.progress import Recorder
    from newsquiz.session import Session
    from newsquiz.store import Store

ISSUES_URL = "https://github.com/newsquiz/newsquiz/issues"


class UsageError(Exception):
    """The command line asks for something that cannot be done (exit status 2)."""


class InvalidInput(Exception):
    """A file the user gave is invalid; the message says why (exit status 1)."""


def build_parser(say: Messages | None = None) -> argparse.ArgumentParser:
    import argparse
    import os

    formatter = argparse.RawDescriptionHelpFormatter
    parser_class = argparse.ArgumentParser
    if say is not None:
        from newsquiz.interface.usage import learner_parser

        parser_class = learner_parser(say)
    parser = parser_class(
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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

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
    schema.set_defaults(run=_run_schema)

    from newsquiz.cli_authoring import add_new_parser

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
    play.add_argument(
        "--time", type=_positive_float, metavar="MINUTES", help="time limit of an exam"
    )
    play.add_argument(
        "--negative",
        action="store_true",
        help="in an exam, a wrong choice costs points/(number of choices - 1)",
    )
    play.add_argument("-n", type=_at_least(1), metavar="N", help="ask N questions")
    play.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="TAG",
        help="only questions with this tag (repeatable)",
    )
    play.add_argument("--seed", type=int, metavar="N", help="the same shuffle every time")
    play.add_argument(
        "--no-shuffle", action="store_true", help="questions and choices in the file's order"
    )
    play.add_argument("--results", metavar="FILE", help="write the results as JSON to FILE")
    play.add_argument("--student", metavar="NAME", help="the student's name, for the results")
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
        type=_at_least(0),
        default=10,
        metavar="N",
        help="at most N questions never seen before, per day (default: 10)",
    )
    review.add_argument(
        "--limit",
        type=_at_least(1),
        default=100,
        metavar="N",
        help="at most N due questions in one review, the most overdue (default: 100)",
    )
    review.add_argument("--seed", type=int, metavar="N", help="the same shuffle every time")
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
    return parser


def _add_display_options(parser: argparse.ArgumentParser, *, language: str, plain: str) -> None:
    """--lang, --plain and --no-color, the same on every command that talks to a learner."""
    parser.add_argument("--lang", choices=("fr", "en"), help=language)
    parser.add_argument("--plain", action="store_true", help=plain)
    parser.add_argument("--no-color", action="store_true", help="no colour (also: NO_COLOR=1)")


def _at_least(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number of at least ``minimum``."""

    def parse(text: str) -> int:
        import argparse

        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, found {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, found {value}")
        return value

    return parse


def _positive_float(text: str) -> float:
    import argparse

    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of minutes, found {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, found {text}")
    return value


def main(argv: Sequence[str] | None = None, env: Environment | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments == ["--version"]:
        # The common probe answers before argparse, pathlib and dataclasses load:
        # it must start about as fast as Python itself.
        (env.stdout if env else sys.stdout).write(f"newsquiz {__version__}\n")
        return 0
    from newsquiz.context import Environment
    from newsquiz.status import ExitStatus

    env = env or Environment()
    usage = _usage_messages(arguments, env)
    parser = build_parser(usage)
    args = parser.parse_args(arguments)
    if args.command is None:
        parser.print_help(env.stdout)
        return ExitStatus.USAGE
    run: Callable[[argparse.Namespace, Environment], int] = args.run
    try:
        return run(args, env)
    except KeyboardInterrupt:
        # The one Ctrl-C handler: commands clean up in `finally` blocks, then we land here.
        env.stderr.write("\n")
        return ExitStatus.INTERRUPTED
    except UsageError as exc:
        env.stderr.write(usage("usage.line", command=args.command, message=exc) + "\n")
        return ExitStatus.USAGE
    except InvalidInput as exc:
        env.stderr.write(usage("usage.line", command=args.command, message=exc) + "\n")
        return ExitStatus.INVALID_INPUT
    except BrokenPipeError:
        # The reader went away (`newsquiz list | head`): not an error worth a message.
        _silence_stdout()
        return ExitStatus.SUCCESS
    except Exception as exc:
        if args.debug:
            raise
        env.stderr.write(
            f"newsquiz: internal error ({type(exc).__name__}: {exc}). This is a bug: "
            f"please report it at {ISSUES_URL}, with the output of the same command "
            "run with --debug.\n"
        )
        return ExitStatus.INTERNAL_ERROR


def _usage_messages(arguments: list[str], env: Environment) -> Messages:
    """The language of command-line mistakes: --lang if given, else the locale's."""
    from newsquiz.interface.language import choose_language
    from newsquiz.interface.messages import Messages
    from newsquiz.interface.usage import requested_language

    return Messages(choose_language(requested_language(arguments), (), env.environ))


def _silence_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _color(env: Environment) -> bool:
    return env.stdout_isatty and not env.no_color and not env.dumb_terminal


def _run_check(args: argparse.Namespace, env: Environment) -> int:
    from pathlib import Path

    from newsquiz.diagnostics import Problem, Severity
    from newsquiz.interface.console import make_console
    from newsquiz.interface.reports import check_json, render_check
    from newsquiz.loader import iter_bank_files, read_bank
    from newsquiz.status import ExitStatus

    files: list[Path] = []
    for name in args.paths:
        path = Path(name)
        if not path.is_absolute():
            path = env.cwd / path
        if path.is_dir():
            inside = list(iter_bank_files(path))
            if not inside:
                raise UsageError(f"no *.yaml or *.yml bank in the folder {name}")
            files.extend(inside)
        elif path.exists():
            files.append(path)
        else:
            raise UsageError(f"no such file or folder: {name}")
    reports = [read_bank(f, shown_as=_shown(f, env.cwd)) for f in files]
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
                )
            )
        else:
            first[report.bank.id] = report.path
    if args.format == "json":
        env.stdout.write(check_json(reports, extra) + "\n")
    else:
        render_check(
            make_console(env.stdout, color=_color(env)), reports, extra, strict=args.strict
        )
    every = [p for r in reports for p in r.problems] + extra
    failing = {Severity.ERROR, Severity.WARNING} if args.strict else {Severity.ERROR}
    if any(p.severity in failing for p in every):
        return ExitStatus.INVALID_INPUT
    return ExitStatus.SUCCESS


def _shown(path: Path, cwd: Path) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    try:
        return str(path.relative_to(cwd))
    except ValueError:
        return str(path)


def _run_schema(args: argparse.Namespace, env: Environment) -> int:
    from newsquiz.schema import render_schema
    from newsquiz.status import ExitStatus

    env.stdout.write(render_schema())
    return ExitStatus.SUCCESS


def _run_list(args: argparse.Namespace, env: Environment) -> int:
    from newsquiz.catalog import bank_folders, discover
    from newsquiz.interface.console import make_console
    from newsquiz.interface.reports import list_json, render_list
    from newsquiz.status import ExitStatus

    found = discover(bank_folders(env.environ, env.cwd))
    if args.format == "json":
        env.stdout.write(list_json(found) + "\n")
    else:
        render_list(make_console(env.stdout, color=_color(env)), found, env.cwd)
    return ExitStatus.SUCCESS


def _interface_mode(args: argparse.Namespace, env: Environment) -> tuple[bool, bool]:
    """(plain, color) for the quiz commands."""
    plain = args.plain or not (env.stdin_isatty and env.stdout_isatty) or env.dumb_terminal
    color = not (args.no_color or env.no_color or plain) and env.stdout_isatty
    return plain, color


def _open_store(
    args: argparse.Namespace, env: Environment, say: Messages, *, warning: str = "store.unavailable"
) -> Store | None:
    """The progress store, or None (--no-save, or a folder we cannot write: warn, go on)."""
    if getattr(args, "no_save", False):
        return None
    from newsquiz.store import StoreUnavailable, default_data_dir, open_store

    try:
        opened = open_store(default_data_dir(env.environ), now=env.clock())
    except StoreUnavailable as exc:
        env.stderr.write(say(warning, reason=str(exc)) + "\n")
        return None
    if opened.moved_aside is not None:
        env.stderr.write(say("store.moved", path=str(opened.moved_aside)) + "\n")
    return opened.store


def _run_play(args: argparse.Namespace, env: Environment) -> int:
    import datetime as dt
    import random

    from newsquiz.cli_play import choose_bank, results_path
    from newsquiz.interface.console import make_console
    from newsquiz.interface.language import choose_language
    from newsquiz.interface.messages import Messages
    from newsquiz.interface.play import PlainMessages
    from newsquiz.loader import read_bank
    from newsquiz.session import Mode, Options, SessionError, start_session
    from newsquiz.status import ExitStatus

    usage = Messages(choose_language(args.lang, (), env.environ))
    written_to = results_path(args, env, usage)
    plain, color = _interface_mode(args, env)
    console = make_console(env.stdout, color=color, plain=plain)
    path, exam = choose_bank(args, env, plain=plain)
    report = read_bank(path, shown_as=_shown(path, env.cwd))
    if report.bank is None:
        for problem in report.errors:
            env.stderr.write(f"{problem}\n")
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
    console.french = language == "fr"
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

    def write_results(now: dt.datetime) -> None:
        if written_to is not None:
            from newsquiz.results import results_document, write_results

            write_results(written_to, results_document(session, student=args.student, now=now))
            console.print(say("summary.results_written", path=_shown(written_to, env.cwd)))

    finished = _play_through(view, session, recorder, env, after=write_results)
    missed = [item.question for item in session.summary().missed]
    retry_offered = finished and missed and not plain
    offer = (
        say("summary.retry_one")
        if len(missed) == 1
        else say(
            "summary.retry", count=len(missed), question_word=say.word("question", len(missed))
        )
    )
    # After an exam, No is the default and keys typed while the time ran out are dropped.
    if retry_offered and view.prompter.confirm(offer, default=not exam, fresh=exam):
        practice = Options(mode=Mode.PRACTICE, shuffle=options.shuffle)
        retry = start_session(bank, practice, rng, env.clock(), questions=missed)
        _play_through(view, retry, recorder, env)
    return ExitStatus.SUCCESS


def _quiz_view(
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
        on_answer=recorder.record if recorder else None,
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
        view.show_summary(session, session.summary(now), interrupted=not finished)
        if after is not None:
            after(now)
    return finished


def _user_language(args: argparse.Namespace, env: Environment, banks: Sequence[Bank] = ()) -> str:
    """--lang, else the language of the banks at hand when they share one, else the
    locale's (LC_ALL, LC_MESSAGES, LANG), else English."""
    from newsquiz.interface.language import choose_language

    return choose_language(args.lang, (bank.language for bank in banks), env.environ)


def _load_banks(
    references: Sequence[str], env: Environment, played: Sequence[str] = ()
) -> tuple[dict[str, Bank], list[str]]:
    """Banks by id: the ones named (ids or files), else every valid bank found.

    ``played`` are files of banks played before: a bank played by its path is
    found again there even outside the bank folders.
    """
    from newsquiz.catalog import BankNotFound, bank_folders, discover, locate
    from newsquiz.loader import read_bank

    folders = bank_folders(env.environ, env.cwd)
    banks: dict[str, Bank] = {}
    if references:
        for reference in references:
            try:
                path = locate(reference, folders, env.cwd)
            except BankNotFound as exc:
                from newsquiz.interface.language import choose_language
                from newsquiz.interface.messages import Messages

                say = Messages(choose_language(None, (), env.environ))
                known = ", ".join(exc.known) or say("usage.none")
                raise UsageError(say("usage.no_such_bank", bank=reference, known=known)) from None
            report = read_bank(path, shown_as=_shown(path, env.cwd))
            if report.bank is None:
                for problem in report.errors:
                    env.stderr.write(f"{problem}\n")
                raise InvalidInput(f"{report.path} is not a valid bank")
            banks[report.bank.id] = report.bank
        return banks, list(banks)
    for found in discover(folders):
        if found.report.bank is not None:
            banks.setdefault(found.report.bank.id, found.report.bank)
    for played_path in played:
        again = read_bank(played_path)
        if again.bank is not None:
            banks.setdefault(again.bank.id, again.bank)
    return banks, []


def _run_review(args: argparse.Namespace, env: Environment) -> int:
    import random

    from newsquiz.interface.console import make_console
    from newsquiz.interface.messages import Messages
    from newsquiz.interface.play import PlainMessages
    from newsquiz.model import Bank
    from newsquiz.progress import (
        Recorder,
        build_review_queue,
        new_allowed_today,
        review_session,
    )
    from newsquiz.status import ExitStatus
    from newsquiz.store import next_due

    plain, color = _interface_mode(args, env)
    language = _user_language(args, env)
    say = PlainMessages(language) if plain else Messages(language)
    console = make_console(env.stdout, color=color, plain=plain)
    store = _open_store(args, env, say)
    if store is None and args.no_save:
        # A review that leaves no trace still needs to read the schedule.
        from newsquiz.store import StoreUnavailable, default_data_dir, open_store

        try:
            store = open_store(default_data_dir(env.environ), now=env.clock()).store
        except StoreUnavailable:
            store = None
    if store is None:
        console.print(say("review.nothing"))
        return ExitStatus.SUCCESS
    banks, named = _load_banks(args.banks, env, store.played_bank_paths())
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
    language = _user_language(args, env, list(in_scope.values()))
    say = PlainMessages(language) if plain else Messages(language)
    console.french = language == "fr"
    for changed in queue.changed:
        console.print(say("review.changed", prompt=changed.question.prompt or changed.question.id))
    if not queue.due and not queue.new:
        console.print(say("review.nothing"))
        _say_next(console, say, next_due(store, now, scope), now)
        return ExitStatus.SUCCESS
    title = Bank(id="review", title=say("review.title"), language=language, questions=())
    rng = random.Random(args.seed) if args.seed is not None else env.rng
    session = review_session(queue, title, rng, now)
    recorder = None if args.no_save else Recorder(store)
    view = _quiz_view(console, say, env, plain=plain, recorder=recorder)
    console.print(say("review.queue", due=len(queue.due), new=len(queue.new)))
    waiting = store.count_due(now, scope)
    if waiting > len(queue.due) + len(queue.changed):
        console.print(say("review.more_due", count=waiting))
    try:
        _play_through(view, session, recorder, env)
    finally:
        end = env.clock()
        _say_next(console, say, next_due(store, end, scope), end)
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
    language = _user_language(args, env)
    say = PlainMessages(language) if plain else Messages(language)
    store = _open_store(args, env, say, warning="store.unreadable")
    if store is None:
        return ExitStatus.INVALID_INPUT
    banks, _ = _load_banks([], env, store.played_bank_paths())
    questions = index_questions(list(banks.values()))
    played = sorted(set(store.played_banks()) | set(store.scheduled_banks()))
    at_hand = [banks[b] for b in ([args.bank] if args.bank else played) if b in banks]
    language = _user_language(args, env, at_hand)
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
    console.french = language == "fr"
    title = say("stats.title_bank", bank=args.bank) if args.bank else say("stats.title")
    StatsView(console, say, plain=plain, labels=labels).render(stats, questions, title=title)
    return ExitStatus.SUCCESS
