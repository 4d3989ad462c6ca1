"""What `newsquiz check` and `newsquiz list` show."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TypedDict

from rich.console import Console
from rich.text import Text

from newsquiz.catalog import Listed, installed_folder
from newsquiz.diagnostics import Problem, Severity, counted
from newsquiz.interface.messages import Messages
from newsquiz.loader import COUNT_KEYS, MAX_PROBLEMS, Report
from newsquiz.shown_path import printable_path
from newsquiz.visible import visible


def render_check(
    console: Console,
    reports: Sequence[Report],
    extra: Sequence[Problem],
    *,
    strict: bool = False,
    say: Messages | None = None,
) -> None:
    """One line per bank that is fine, every problem of those that are not, then a total."""
    say = say or Messages("en")
    errors = warnings = 0
    for report, problems in _with_extra(reports, extra):
        bank_errors, bank_warnings = counted(problems)
        errors += bank_errors
        warnings += bank_warnings
        if report.bank is not None and not bank_errors:
            console.print(_bank_line(report, bank_warnings, strict, say), soft_wrap=True)
        for problem in _at_most(problems, MAX_PROBLEMS, say):
            console.print(_problem_text(problem, say), soft_wrap=True)
    banks = len(reports)
    summary = Text(
        say(f"check.summary.{_form(say, banks)}", count=banks, bank_word=say.word("bank", banks))
    )
    summary.append(_count(say, errors, "error"), style="check.error" if errors else "check.ok")
    summary.append(", ")
    summary.append(_count(say, warnings, "warning"), style="check.warning" if warnings else "")
    console.print(summary)


def _with_extra(
    reports: Sequence[Report], extra: Sequence[Problem]
) -> Iterator[tuple[Report, list[Problem]]]:
    """Each report with its problems, then the extra ones found in its file: grouped
    once, so the time stays linear."""
    by_path: dict[str, list[Problem]] = {}
    for problem in extra:
        by_path.setdefault(problem.path, []).append(problem)
    for report in reports:
        yield report, list(report.problems) + by_path.get(report.path, [])


def _at_most(problems: list[Problem], limit: int, say: Messages) -> list[Problem]:
    """The first ``limit`` errors and the first ``limit`` warnings of a bank, in order,
    then one line for each kind counting the others (as the loader does with its own)."""
    kept: list[Problem] = []
    seen = {Severity.ERROR: 0, Severity.WARNING: 0}
    last: dict[Severity, Problem] = {}
    for problem in problems:
        if problem.key in COUNT_KEYS.values():  # the loader's own count: always said
            kept.append(problem)
            continue
        seen[problem.severity] += 1
        if seen[problem.severity] <= limit:
            kept.append(problem)
            last[problem.severity] = problem
    for severity, where in last.items():
        hidden = seen[severity] - limit
        if hidden > 0:
            key = "check.more_errors" if severity is Severity.ERROR else "check.more_warnings"
            message = say(
                key,
                count=say.number(hidden),
                word=say.word(severity.value, hidden),
            )
            kept.append(Problem(where.path, where.line, where.column, message, severity))
    return kept


def _form(say: Messages, count: int) -> str:
    return say.form(count)


def _count(say: Messages, count: int, noun: str) -> str:
    return f"{count} {say.word(noun, count)}"


def _bank_line(report: Report, warnings: int, strict: bool, say: Messages) -> Text:
    assert report.bank is not None
    line = Text()
    if strict and warnings:
        line.append(say("check.fails_strict"), style="check.error")
    else:
        line.append(say("check.ok"), style="check.ok")
    line.append(f"  {visible(report.path)}  ({_count(say, len(report.bank.questions), 'question')}")
    if warnings:
        line.append(f", {_count(say, warnings, 'warning')}")
    line.append(")")
    return line


def _problem_text(problem: Problem, say: Messages) -> Text:
    text = Text()
    # Paths and messages are made visible when read; again here, whoever built them.
    text.append(f"{visible(problem.path)}:{problem.line}:{problem.column}:", style="check.location")
    text.append(" ")
    if problem.severity is Severity.ERROR:
        text.append(say("check.error_label"), style="check.error")
    else:
        text.append(say("check.warning_label"), style="check.warning")
    text.append(f" {visible(problem.message)}")
    return text


class ProblemJson(TypedDict):
    """A problem in ``check --format json``."""

    line: int
    column: int
    severity: str
    message: str


class BankJson(TypedDict):
    """A bank in ``check --format json``."""

    path: str
    ok: bool
    id: str | None
    questions: int | None
    problems: list[ProblemJson]


def check_json(reports: Sequence[Report], extra: Sequence[Problem]) -> str:
    banks: list[BankJson] = []
    errors = warnings = 0
    # Every problem, for scripts.
    for report, problems in _with_extra(reports, extra):
        bank_errors, bank_warnings = counted(problems)
        errors += bank_errors
        warnings += bank_warnings
        banks.append(
            {
                "path": report.path,
                "ok": report.bank is not None and not bank_errors,
                "id": report.bank.id if report.bank else None,
                "questions": len(report.bank.questions) if report.bank else None,
                "problems": [
                    {
                        "line": p.line,
                        "column": p.column,
                        "severity": p.severity.value,
                        "message": p.message,
                    }
                    for p in problems
                ],
            }
        )
    return json.dumps(
        {"banks": banks, "errors": errors, "warnings": warnings},
        indent=2,
        ensure_ascii=False,
    )


def render_list(
    console: Console, found: Sequence[Listed], cwd: Path, say: Messages | None = None
) -> None:
    """Two lines a bank: id, title, language and size; then where its file is.

    Lines rather than a table: they stay readable in a narrow terminal, in a
    pipe and through a screen reader.
    """
    say = say or Messages("en")
    shown = 0
    for item in found:
        bank = item.summary
        if bank is None:
            continue
        shown += 1
        count = bank.questions
        line = Text()
        line.append(bank.id, style="list.id")
        line.append("  ")
        line.append(visible(bank.title))
        size = say(
            "list.size",
            language=bank.language,
            count=count,
            question_word=say.word("question", count),
        )
        line.append(f"  {size}")
        console.print(line)
        console.print(
            Text(f"    {_where(item.path, cwd, say)}", style="quiz.instruction"), soft_wrap=True
        )
    if not shown:
        console.print(Text(say("list.none")))
    for item in found:
        if item.summary is not None:
            continue
        note = Text()
        note.append(printable_path(item.path.resolve(), cwd.resolve()), style="check.location")
        note.append(": ")
        note.append(say("list.invalid"), style="check.error")
        note.append(
            " " + say("list.run_check", path=printable_path(item.path.resolve(), cwd.resolve()))
        )
        console.print(note, soft_wrap=True)


def list_json(found: Sequence[Listed]) -> str:
    return json.dumps(
        [
            {
                "id": f.summary.id,
                "title": f.summary.title,
                "language": f.summary.language,
                "questions": f.summary.questions,
                "path": visible(str(f.path)),
            }
            if f.summary is not None
            else {"path": visible(str(f.path)), "invalid": True}
            for f in found
        ],
        indent=2,
        ensure_ascii=False,
    )


def _where(path: Path, cwd: Path, say: Messages) -> str:
    """Where a bank file is, briefly: "installed" for the banks shipped with newsquiz."""
    installed = installed_folder()
    if installed is not None and path.resolve().parent == installed.resolve():
        shipped = path.resolve() != (cwd / "quizzes" / path.name).resolve()
        if shipped:
            return say("list.installed")
    return printable_path(path.resolve(), cwd.resolve())
