"""`newsquiz schema`: the JSON Schema of the bank format, or the field reference."""

from __future__ import annotations

TYPE_CHECKING = False

if TYPE_CHECKING:
    import argparse

    from newsquiz.context import Environment


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    import argparse

    formatter = argparse.RawDescriptionHelpFormatter
    schema = commands.add_parser(
        "schema",
        help="help.schema.summary",
        description="help.schema.description",
        epilog="help.schema.epilog",
        formatter_class=formatter,
    )
    schema.add_argument(
        "--markdown",
        action="store_true",
        help="help.schema.markdown",
    )
    schema.set_defaults(run=run)


def run(args: argparse.Namespace, env: Environment) -> int:
    from newsquiz.status import ExitStatus

    if args.markdown:
        from newsquiz.format_reference import render_reference

        env.stdout.write(render_reference())
        return ExitStatus.SUCCESS
    from newsquiz.schema import render_schema

    env.stdout.write(render_schema())
    return ExitStatus.SUCCESS
