"""The banks `review` and `stats` work on: the ones named, else every bank found."""

from __future__ import annotations

from newsquiz.commands.errors import InvalidInput, UsageError
from newsquiz.commands.stores import bank_cache
from newsquiz.commands.terminal import locale_messages, report_skipped
from newsquiz.shown_path import shown_path
from newsquiz.visible import visible

TYPE_CHECKING = False

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from newsquiz.bank_cache import BankCache
    from newsquiz.bank_files import Skipped
    from newsquiz.context import Environment
    from newsquiz.diagnostics import Report
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

    from newsquiz.catalog import bank_folders, discover

    folders = bank_folders(env.environ, env.cwd)
    cache = bank_cache(env)
    banks: dict[str, Bank] = {}
    skipped: list[Skipped] = []
    if references:
        for reference in references:
            words = say or locale_messages(env)
            try:
                path = bank_path(reference, folders, env, cache, skipped, words)
            except UsageError:
                report_skipped(env, skipped, say)
                raise
            bank = valid_bank(cache.read(path, shown_as=shown_path(path, env.cwd)), env, words)
            banks[bank.id] = bank
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


def bank_path(
    reference: str,
    folders: list[Path],
    env: Environment,
    cache: BankCache,
    skipped: list[Skipped],
    say: Messages,
) -> Path:
    """The bank file named by a path or an id; a usage error when there is none."""
    from newsquiz.catalog import BankIsFolder, BankNotFound, resolve_bank

    try:
        return resolve_bank(reference, folders, env.cwd, skipped, cache.summary)
    except BankIsFolder:
        raise UsageError(say("usage.bank_is_folder", bank=visible(reference))) from None
    except BankNotFound as exc:
        known = ", ".join(exc.known) or say("usage.none")
        raise UsageError(say("usage.no_such_bank", bank=reference, known=known)) from None


def valid_bank(report: Report, env: Environment, say: Messages) -> Bank:
    """The bank read, or its errors on standard error and InvalidInput."""
    from newsquiz.interface.problems import localized

    if report.bank is not None:
        return report.bank
    for problem in report.errors:
        env.stderr.write(f"{localized(problem, say)}\n")
    count = report.error_count
    raise InvalidInput(
        say(
            "usage.invalid_bank",
            path=report.path,
            count=count,
            error_word=say.word("error", count),
        )
    )
