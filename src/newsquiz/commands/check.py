"""`newsquiz check PATH...`: every problem of every bank, as PATH:LINE:COLUMN: message."""

from __future__ import annotations

from newsquiz.commands.arguments import Command, option, positional, switch
from newsquiz.commands.check_teacher import TEACHER_OPTIONS
from newsquiz.commands.errors import UsageError, result_decided
from newsquiz.commands.terminal import color, locale_messages, report_skipped
from newsquiz.visible import visible

TYPE_CHECKING = False

if TYPE_CHECKING:
    import argparse

    from newsquiz.bank_files import Skipped
    from newsquiz.context import Environment


ARGUMENTS = (
    positional("paths", nargs="+", metavar="PATH", help="help.check.paths"),
    switch("--strict", help="help.check.strict"),
    option("--format", choices=("text", "json"), default="text", help="help.check.format"),
    *TEACHER_OPTIONS,
)


def run(args: argparse.Namespace, env: Environment) -> int:
    from newsquiz.bank_files import NothingThere
    from newsquiz.checking import check_paths
    from newsquiz.diagnostics import Severity
    from newsquiz.interface.console import make_console
    from newsquiz.interface.reports import check_json, render_check
    from newsquiz.status import ExitStatus

    skipped: list[Skipped] = []
    try:
        checked = check_paths(args.paths, env.cwd, skipped)
    except NothingThere as exc:
        say = locale_messages(env, args.lang)
        key = "usage.no_bank_in_folder" if exc.problem == "empty" else "usage.no_such_path"
        raise UsageError(say(key, path=visible(exc.name))) from None
    report_skipped(env, skipped, locale_messages(env, args.lang))
    reports, extra = checked.reports, checked.across
    from newsquiz.commands.check_teacher import teacher_checks

    reports, extra, say = teacher_checks(reports, extra, args, env)
    every = [p for r in reports for p in r.problems] + extra
    failing = {Severity.ERROR, Severity.WARNING} if args.strict else {Severity.ERROR}
    found = any(p.severity in failing for p in every)
    status = ExitStatus.INVALID_INPUT if found else ExitStatus.SUCCESS
    # Decided before the report is shown: `check bad.yaml | head -1` still fails.
    with result_decided(status):
        if args.format == "json":
            env.stdout.write(check_json(reports, extra) + "\n")
        else:
            console = make_console(env.stdout, color=color(env))
            render_check(console, reports, extra, strict=args.strict, say=say)
    return status


COMMANDS = (Command("check", ARGUMENTS, run),)
