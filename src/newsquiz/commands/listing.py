"""`newsquiz list`: the banks newsquiz can find."""

from __future__ import annotations

from newsquiz.commands.arguments import Command, option
from newsquiz.commands.stores import bank_cache
from newsquiz.commands.terminal import color, locale_messages, report_skipped

TYPE_CHECKING = False

if TYPE_CHECKING:
    import argparse

    from newsquiz.bank_files import Skipped
    from newsquiz.context import Environment


ARGUMENTS = (
    option("--format", choices=("text", "json"), default="text", help="help.listing.format"),
)


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


COMMANDS = (Command("list", ARGUMENTS, run),)
