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
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from newsquiz.context import Environment

ISSUES_URL = "https://github.com/newsquiz/newsquiz/issues"


class UsageError(Exception):
    """The command line asks for something that cannot be done (exit status 2)."""


class InvalidInput(Exception):
    """A file the user gave is invalid; the message says why (exit status 1)."""


def build_parser() -> argparse.ArgumentParser:
    import argparse
    import os

    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
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
    parser = build_parser()
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
        env.stderr.write(f"newsquiz {args.command}: {exc}\n")
        return ExitStatus.USAGE
    except InvalidInput as exc:
        env.stderr.write(f"newsquiz {args.command}: {exc}\n")
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
        render_check(make_console(env.stdout, color=_color(env)), reports, extra)
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
