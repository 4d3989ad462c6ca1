"""The `newsquiz` command: parse arguments, run a command, map failures to exit codes.

This module holds only the dispatch: the root parser, with each command's own
parser added by its module in commands/; then the run function argparse chose;
then every way a command can end, turned into one line and an exit status
(commands/errors.py), including Ctrl-C, SIGTERM and SIGHUP. Commands import
their heavy modules (rich, questionary, PyYAML) when they run, so that
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
    from collections.abc import Callable, Sequence

    from newsquiz.commands.arguments import Parser
    from newsquiz.context import Environment

# The modules of newsquiz.commands, each with its table of COMMANDS: in the order
# `newsquiz --help` lists them.
COMMANDS = (
    "check",
    "schema",
    "new",
    "play",
    "review",
    "stats",
    "listing",
    "interchange",
    "report",
)


def build_parser() -> Parser:
    """The whole command line. Its help texts are message keys, written in the
    language set on the parsers' class (``language``; None: English)."""
    from importlib import import_module

    from newsquiz.commands.arguments import add_command, parser_class

    parser = parser_class()(
        prog="newsquiz",
        description="help.description",
        epilog="help.epilog",
    )
    parser.add_argument("--version", action="version", version=f"newsquiz {__version__}")
    parser.add_argument("--debug", action="store_true", help="help.debug")
    # Every command's parser is of the root's class: they all speak its language.
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        for command in import_module(f"newsquiz.commands.{module}").COMMANDS:
            add_command(commands, command)
    return parser


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
            if isinstance(exc, BrokenPipeError):
                return 0  # the reader went away (`newsquiz --version | true`): quietly
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
    from newsquiz.commands.terminal import locale_messages
    from newsquiz.context import Environment
    from newsquiz.status import ExitStatus

    env = env or Environment()
    status: int = ExitStatus.SUCCESS
    try:
        status = _parse_and_run(arguments, env)
        # A full disk shows only when the output is really written: here, not at exit.
        env.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`newsquiz check bad.yaml | head -1`, `--help | true`)
        # once the status was known: it stays what the command found.
        from newsquiz.streams import silence_stdout

        silence_stdout()
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

    # Help and command-line mistakes in the learner's language: --lang if given, else
    # the locale's.
    language = choose_language(requested_language(arguments), (), env.environ)
    parser = build_parser()
    # Subcommands' parsers share its class: they all speak the learner's language.
    type(parser).language = language
    try:
        args = parser.parse_args(arguments)
    except SystemExit as done:  # --help, or a usage error argparse reported
        return int(done.code or 0)
    if args.command is None:
        parser.print_help(env.stdout)
        return ExitStatus.USAGE
    return _run_command(args, env)


def _run_command(args: argparse.Namespace, env: Environment) -> int:
    from newsquiz.commands.errors import (
        InvalidInput,
        OutputClosed,
        ResultsNotWritten,
        UsageError,
    )
    from newsquiz.commands.terminal import locale_messages
    from newsquiz.lazy_questions import BankChanged
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
    except BankChanged:
        usage = locale_messages(env, getattr(args, "lang", None))
        message = usage("cache.bank_changed")
        env.stderr.write(usage("usage.line", command=args.command, message=message) + "\n")
        return ExitStatus.INVALID_INPUT
    except (BrokenPipeError, OutputClosed) as closed:
        # The reader went away (`newsquiz list | head`): not an error worth a message.
        # A command that knew its result before showing it (check) keeps its status.
        from newsquiz.streams import silence_stdout

        silence_stdout()
        return closed.status if isinstance(closed, OutputClosed) else ExitStatus.SUCCESS
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
    from newsquiz.commands.terminal import locale_messages
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
