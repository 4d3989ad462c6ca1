"""The banks `review` and `stats` work on: the ones named, else every bank found."""

from __future__ import annotations

from newsquiz.commands.errors import InvalidInput, UsageError
from newsquiz.commands.stores import bank_cache
from newsquiz.commands.terminal import (
    locale_messages,
    report_skipped,
)
from newsquiz.shown_path import shown_path

TYPE_CHECKING = False

if TYPE_CHECKING:
    from collections.abc import Sequence

    from newsquiz.bank_files import Skipped
    from newsquiz.context import Environment
    from newsquiz.interface.messages import Messages
    from newsquiz.model import Bank


def load_banks(
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
    cache = bank_cache(env)
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
