"""`newsquiz report RESULTS...`: a class's results files summed up, shown, exported.

Thin: the arguments are checked here, the figures come from
:mod:`newsquiz.class_report`, the words from ``interface/``.
"""

from __future__ import annotations

TYPE_CHECKING = False

if TYPE_CHECKING:
    import argparse
    from pathlib import Path

    from newsquiz.class_report import BankReport
    from newsquiz.context import Environment
    from newsquiz.interface.messages import Messages
    from newsquiz.results_reading import Refused


def add_report_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    import argparse

    report = commands.add_parser(
        "report",
        help="a class's results files: scores, item analysis, tags (terminal, HTML, CSV, JSON)",
        description="Read results files written by 'newsquiz play --results' or\n"
        "'--results-dir' (files, or folders of *.json files) and report, bank by bank:\n"
        "each student's score, percentage, time and date; the class's mean, median,\n"
        "spread and a histogram; per question, in the bank's order, facility,\n"
        "discrimination, the wrong choices picked and the most common wrong typed\n"
        "answers, with flags for questions too easy, too hard or discriminating\n"
        "negatively; accuracy per tag. Unusable files are reported and skipped.",
        epilog="examples:\n  newsquiz report results/\n"
        "  newsquiz report results/ --html class.html --csv class.csv\n"
        "  newsquiz report results/*.json --json > class.json\n\n"
        "exit status: 0 a report was made, 1 no readable results file, 2 usage",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    report.add_argument(
        "paths", nargs="+", metavar="RESULTS", help="a results file, or a folder of them"
    )
    report.add_argument("--csv", metavar="FILE", help="also write one row per student x question")
    report.add_argument("--html", metavar="FILE", help="also write a self-contained HTML page")
    report.add_argument("--json", action="store_true", help="the report as JSON, for scripts")
    report.add_argument("--lang", choices=("fr", "en"), help="the language of the report")
    report.add_argument("--plain", action="store_true", help="ASCII tables and bars")
    report.add_argument("--no-color", action="store_true", help="no colour (also: NO_COLOR=1)")
    report.set_defaults(run=run_report)


def _inputs(args: argparse.Namespace, env: Environment, say: Messages) -> list[tuple[Path, str]]:
    from pathlib import Path

    from newsquiz.cli import UsageError, _shown
    from newsquiz.results_reading import expand_paths

    files: list[tuple[Path, str]] = []
    for name in args.paths:
        path = env.cwd / Path(name)
        if not path.exists():
            raise UsageError(say("report.no_path", path=name))
        found = expand_paths([path])
        if path.is_dir() and not found:
            raise UsageError(say("report.no_files", folder=name))
        files.extend((f, _shown(f, env.cwd)) for f in found)
    # A file named twice (a folder and a file in it) counts once.
    unique: dict[Path, tuple[Path, str]] = {}
    for path, shown in files:
        unique.setdefault(path.resolve(), (path, shown))
    return list(unique.values())


def _output(name: str | None, env: Environment, say: Messages) -> Path | None:
    """Where --csv or --html goes, checked before any work."""
    if name is None:
        return None
    from pathlib import Path

    from newsquiz.cli import UsageError

    path = env.cwd / Path(name)
    if not path.parent.is_dir():
        raise UsageError(say("report.no_folder", path=name))
    if path.is_dir():
        raise UsageError(say("report.is_folder", path=name))
    return path


def run_report(args: argparse.Namespace, env: Environment) -> int:
    from newsquiz.class_report import build_reports
    from newsquiz.cli import _shown, _user_language
    from newsquiz.interface import report_format
    from newsquiz.interface.messages import Messages, interface_language
    from newsquiz.results import write_text
    from newsquiz.results_reading import read_class
    from newsquiz.status import ExitStatus

    say = Messages(_user_language(args, env))
    files = _inputs(args, env, say)
    csv_path, html_path = _output(args.csv, env, say), _output(args.html, env, say)
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
    _show(args, env, say, reports, refused)
    if csv_path is not None:
        from newsquiz.interface.report_exports import report_csv

        write_text(csv_path, report_csv(reports, say))
        env.stderr.write(say("report.written_csv", path=_shown(csv_path, env.cwd)) + "\n")
    if html_path is not None:
        from newsquiz.interface.report_html import report_html

        write_text(html_path, report_html(reports, say))
        env.stderr.write(say("report.written_html", path=_shown(html_path, env.cwd)) + "\n")
    return ExitStatus.SUCCESS


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
