"""`newsquiz check` as a library call: the banks that several paths stand for, each
read with every problem, and the rules that look across files (one bank id per bank)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsquiz.bank_files import Skipped, files_named
from newsquiz.diagnostics import Problem, Report
from newsquiz.shown_path import shown_path


@dataclass(frozen=True)
class Checked:
    """What checking found: a report per bank file, and the problems across files."""

    reports: list[Report]
    across: list[Problem]


def check_paths(names: Sequence[str], cwd: Path, skipped: list[Skipped] | None = None) -> Checked:
    """Every bank file the names stand for, read from its YAML (never the cache).

    Raises bank_files.NothingThere when a name leads to no bank file.
    """
    from newsquiz import loader  # looked up now: the loader is the slow import of `check`

    files = files_named(list(names), cwd, skipped)
    reports = [loader.read_bank(f, shown_as=shown_path(f, cwd)) for f in files]
    return Checked(reports, shared_ids(reports))


def shared_ids(reports: Sequence[Report]) -> list[Problem]:
    """A problem for each bank whose id an earlier bank already has: progress is kept
    by bank id, so each bank needs its own."""
    problems: list[Problem] = []
    first: dict[str, str] = {}
    for report in reports:
        if report.bank is None:
            continue
        bank_id = report.bank.id
        if bank_id not in first:
            first[bank_id] = report.path
            continue
        problems.append(
            Problem(
                report.path,
                1,
                1,
                f"the bank id `{bank_id}` is also used by {first[bank_id]}: "
                "progress is kept by bank id, so each bank needs its own",
                key="check.same_bank_id",
                values=(("id", bank_id), ("other", first[bank_id])),
            )
        )
    return problems
