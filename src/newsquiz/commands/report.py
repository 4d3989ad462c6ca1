"""`newsquiz report RESULTS...`: a class's results files summed up, shown, exported.

Thin: the arguments are checked here, the figures come from
:mod:`newsquiz.class_report`, the words from ``interface/``.
"""

from __future__ import annotations

from newsquiz.commands.arguments import Command, option, positional, switch
from newsquiz.commands.terminal import display_options

TYPE_CHECKING = False

if TYPE_CHECKING:
    import argparse
    from pathlib import Path

    from newsquiz.class_report import BankReport
    from newsquiz.context import Environment
    from newsquiz.interface.messages import Messages
    from newsquiz.results_reading import Refused
    from newsquiz.results_target import ResultsTarget


ARGUMENTS = (
    positional("paths", nargs="+", metavar="RESULTS", help="help.report.paths"),
    option("--csv", metavar="FILE", help="help.report.csv"),
    option("--html", metavar="FILE", help="help.report.html"),
    switch("--json", help="help.report.json"),
    *display_options(
        language="help.report.lang", plain="help.report.plain", no_color="help.report.no_color"
    ),
)


def _inputs(args: argparse.Namespace, env: Environment, say: Messages) -> list[tuple[Path, str]]:
    from pathlib import Path

    from newsquiz.commands.errors import UsageError
    from newsquiz.results_reading import expand_paths
    from newsquiz.shown_path import shown_path

    files: list[tuple[Path, str]] = []
    for name in args.paths:
        path = env.cwd / Path(name)
        if not path.exists():
            raise UsageError(say("report.no_path", path=name))
        found = expand_paths([path])
        if path.is_dir() and not found:
            raise UsageError(say("report.no_files", folder=name))
        files.extend((f, shown_path(f, env.cwd)) for f in found)
    # A file named twice (a folder and a file in it) counts once.
    unique: dict[Path, tuple[Path, str]] = {}
    for path, shown in files:
        unique.setdefault(path.resolve(), (path, shown))
    return list(unique.values())


def _output(name: str | None, env: Environment, say: Messages) -> ResultsTarget | None:
    """Where --csv or --html goes, checked before any work, as --results is: a file
    (through links), a FIFO or a terminal, or ``-`` for standard output."""
    if name is None:
        return None
    from newsquiz.commands.errors import UsageError
    from newsquiz.results_target import TargetError, results_target

    try:
        return results_target(name, env.cwd)
    except TargetError as exc:
        reason = say(exc.key, **exc.values)
        raise UsageError(say("report.cannot_write", path=name, reason=reason)) from None


def _outputs(args: argparse.Namespace, env: Environment, say: Messages) -> dict[str, ResultsTarget]:
    from newsquiz.commands.errors import UsageError
    from newsquiz.results_target import TargetKind

    outputs = {
        kind: target
        for kind, target in (
            ("csv", _output(args.csv, env, say)),
            ("html", _output(args.html, env, say)),
        )
        if target is not None
    }
    to_stdout = [t for t in outputs.values() if t.kind is TargetKind.STDOUT]
    if len(to_stdout) + bool(args.json) > 1:
        raise UsageError(say("report.one_stdout"))
    return outputs


def run_report(args: argparse.Namespace, env: Environment) -> int:
    from newsquiz.class_report import build_reports
    from newsquiz.commands.terminal import user_language
    from newsquiz.interface import report_format
    from newsquiz.interface.messages import Messages, interface_language
    from newsquiz.results_reading import read_class
    from newsquiz.results_target import TargetKind
    from newsquiz.status import ExitStatus

    say = Messages(user_language(args, env))
    files = _inputs(args, env, say)
    outputs = _outputs(args, env, say)
    sessions, refused = read_class(files)
    languages = {s.bank_language.split("-")[0].lower() for s in sessions}
    if args.lang is None and len(languages) == 1:
        # The report speaks the language of the banks at hand, as review and stats do.
        say = Messages(interface_language(None, languages.pop() or say.language))
    for problem in refused:
        env.stderr.write(report_format.refusal(problem, say) + "\n")
    if refused:
        count = len(refused)
        word = say.word("file", count)
        env.stderr.write(say("report.refused_count", count=count, file_word=word) + "\n")
    reports = build_reports(sessions)
    if not reports:
        env.stderr.write(say("report.nothing") + "\n")
        return ExitStatus.INVALID_INPUT
    if not any(t.kind is TargetKind.STDOUT for t in outputs.values()):
        _show(args, env, say, reports, refused)
    written = all(_write(kind, target, reports, env, say) for kind, target in outputs.items())
    return ExitStatus.SUCCESS if written else ExitStatus.INVALID_INPUT


def _write(
    kind: str, target: ResultsTarget, reports: list[BankReport], env: Environment, say: Messages
) -> bool:
    """Write the CSV table or the HTML page; say where, or why it could not be."""
    from newsquiz.results_target import TargetKind, write_results_text

    if kind == "csv":
        from newsquiz.interface.report_exports import report_csv

        text = report_csv(reports, say)
    else:
        from newsquiz.interface.report_html import report_html

        text = report_html(reports, say)
    try:
        write_results_text(target, text, env.stdout)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        env.stderr.write(say("report.write_failed", path=target.shown, reason=reason) + "\n")
        return False
    if target.kind is not TargetKind.STDOUT:
        env.stderr.write(say(f"report.written_{kind}", path=target.shown) + "\n")
    return True


def _show(
    args: argparse.Namespace,
    env: Environment,
    say: Messages,
    reports: list[BankReport],
    refused: list[Refused],
) -> None:
    if args.json:
        from newsquiz.interface.report_exports import report_json

        env.stdout.write(report_json(reports, refused) + "\n")
        return
    from newsquiz.interface.class_report_view import ClassReportView
    from newsquiz.interface.console import make_console

    plain = args.plain or env.dumb_terminal
    color = not (args.no_color or env.no_color or plain) and env.stdout_isatty
    console = make_console(env.stdout, color=color, plain=plain)
    ClassReportView(console, say, plain=plain).render(reports)


COMMANDS = (Command("report", ARGUMENTS, run_report),)
