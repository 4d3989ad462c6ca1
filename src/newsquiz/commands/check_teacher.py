"""What `check` adds for teachers: the article (evidence quotes), the lint, and every
message in the teacher's language."""

from __future__ import annotations

from newsquiz.commands.arguments import option
from newsquiz.commands.terminal import teacher_language
from newsquiz.locales import CODES as LANGUAGE_CODES

TYPE_CHECKING = False

if TYPE_CHECKING:
    import argparse
    from pathlib import Path

    from newsquiz.context import Environment
    from newsquiz.diagnostics import Problem
    from newsquiz.interface.messages import Messages
    from newsquiz.loader import Report
    from newsquiz.model import Bank


# What check takes for teachers, after its own arguments.
TEACHER_OPTIONS = (
    option("--article", metavar="FILE", help="help.check_teacher.article"),
    option("--lang", choices=LANGUAGE_CODES, help="help.check_teacher.lang"),
)


def teacher_checks(
    reports: list[Report], extra: list[Problem], args: argparse.Namespace, env: Environment
) -> tuple[list[Report], list[Problem], Messages]:
    """Lint and grounding added to what the loader found, every message in the teacher's language."""
    from dataclasses import replace

    from newsquiz.interface.messages import Messages

    say = Messages(teacher_language(args.lang, env.environ))
    article = _given_article(args, env, say)
    added: list[Problem] = []
    for report in reports:
        if report.bank is None:
            continue
        added += _lint_problems(report, env, say)
        added += _grounding_problems(report, article, say)
    localized = [replace(r, problems=tuple(_localize(p, say) for p in r.problems)) for r in reports]
    return localized, [_localize(p, say) for p in extra] + added, say


def _localize(problem: Problem, say: Messages) -> Problem:
    from newsquiz.interface.problems import localized

    return localized(problem, say)


def _given_article(args: argparse.Namespace, env: Environment, say: Messages) -> Path | None:
    from pathlib import Path

    from newsquiz.commands.errors import UsageError

    if not args.article:
        return None
    path = Path(args.article)
    path = path if path.is_absolute() else env.cwd / path
    if not path.is_file():
        raise UsageError(say("ground.no_article", path=args.article))
    return path


def _lint_problems(report: Report, env: Environment, say: Messages) -> list[Problem]:
    from newsquiz.diagnostics import Problem, Severity
    from newsquiz.lint import lint

    assert report.bank is not None
    problems = []
    for finding in lint(report.bank, env.clock().date()):
        where = finding.question.location if finding.question else None
        line, column = (where.line, where.column) if where else (1, 1)
        message = say(finding.key, **dict(finding.values))
        problems.append(
            Problem(
                report.path, line, column, message, Severity.WARNING, finding.key, finding.values
            )
        )
    return problems


def _source_article(bank: Bank) -> Path | None:
    """The bank's source.file, by the loader's rule: a relative path that stays in the
    bank's folder (one that climbs out is warned about and never looked for)."""
    from pathlib import Path

    from newsquiz.source_file import found_beside, leaves_folder, path_problem

    if bank.source is None or not bank.source.file or bank.path is None:
        return None
    written, base = bank.source.file, Path(bank.path).parent
    if path_problem(written) or leaves_folder(written) or not found_beside(written, base):
        return None
    return base / written


def _grounding_problems(report: Report, given: Path | None, say: Messages) -> list[Problem]:
    from pathlib import Path

    from newsquiz.diagnostics import Problem, Severity
    from newsquiz.grounding import ground

    bank = report.bank
    assert bank is not None and bank.path is not None
    article = given or _source_article(bank)
    if article is None:
        return []
    try:
        text = article.read_text(encoding="utf-8-sig")
        bank_text = Path(bank.path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        return [
            Problem(report.path, 1, 1, say("ground.unreadable", path=str(article), reason=reason))
        ]
    problems = []
    for found in ground(bank, bank_text, text):
        severity = Severity.ERROR if found.error else Severity.WARNING
        message = say(found.key, **dict(found.values))
        problems.append(
            Problem(
                report.path, found.line, found.column, message, severity, found.key, found.values
            )
        )
    return problems
