"""`newsquiz schema`: the JSON Schema of the bank format, or the field reference."""

from __future__ import annotations

from newsquiz.commands.arguments import Command, switch

TYPE_CHECKING = False

if TYPE_CHECKING:
    import argparse

    from newsquiz.context import Environment


ARGUMENTS = (switch("--markdown", help="help.schema.markdown"),)


def run(args: argparse.Namespace, env: Environment) -> int:
    from newsquiz.status import ExitStatus

    if args.markdown:
        from newsquiz.format_reference import render_reference

        env.stdout.write(render_reference())
        return ExitStatus.SUCCESS
    from newsquiz.schema import render_schema

    env.stdout.write(render_schema())
    return ExitStatus.SUCCESS


COMMANDS = (Command("schema", ARGUMENTS, run),)
