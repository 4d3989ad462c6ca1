"""`newsquiz list`: the banks newsquiz can find."""

from __future__ import annotations

from newsquiz.commands.stores import bank_cache
from newsquiz.commands.terminal import (
    color,
    locale_messages,
    report_skipped,
)

TYPE_CHECKING = False

if TYPE_CHECKING:
    import argparse

    from newsquiz.bank_files import Skipped
    from newsquiz.context import Environment


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    import argparse

    formatter = argparse.RawDescriptionHelpFormatter
    listing = commands.add_parser(
        "list",
        help="help.list.summary",
        description="help.list.description",
        epilog="help.list.epilog",
        formatter_class=formatter,
    )
    listing.add_argument(
        "--format", choices=("text", "json"), default="text", help="help.listing.format"
    )
    listing.set_defaults(run=run)


def run(args: argparse.Namespace, env: Environment) -> int:
    from newsquiz.catalog import bank_folders, survey
    from newsquiz.interface.console import make_console
    from newsquiz.interface.reports import list_json, render_list
    from newsquiz.status import ExitStatus

    skipped: list[Skipped] = []
    found = survey(bank_folders(env.environ, env.cwd), skipped, bank_cache(env).summary)
    report_skipped(env, skipped)
    if args.format == "json":
        env.stdout.write(list_json(found) + "\n")
    else:
        render_list(
            make_console(env.stdout, color=color(env)), found, env.cwd, locale_messages(env)
        )
    return ExitStatus.SUCCESS
