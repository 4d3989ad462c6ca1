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
        help="print the JSON Schema of the bank format",
        description="Print the JSON Schema of bank format 1, for editors that check YAML "
        "as you type.",
        epilog="example:\n  newsquiz schema > newsquiz-bank.schema.json\n"
        "  then start a bank with:\n"
        "  # yaml-language-server: $schema=newsquiz-bank.schema.json",
        formatter_class=formatter,
    )
    schema.add_argument(
        "--markdown",
        action="store_true",
        help="print the reference of every field as Markdown (docs/format.md) instead",
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
