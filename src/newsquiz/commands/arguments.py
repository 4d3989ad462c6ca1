"""The command line as data: each command's arguments are records that one function
turns into argparse calls; and the parser class that speaks the learner's language.

A command module writes its table (``ARGUMENTS``: `positional`, `switch` and
`option` records, in the order ``--help`` lists them) and names the commands it
runs (``COMMANDS``: `Command` records); cli.py puts each under the root parser
with `add_command`. Help texts are message keys, looked up when help is written
(interface/help_text.py). This module is imported to parse a command line, never
for ``newsquiz --version``, and needs argparse alone.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass

TYPE_CHECKING = False

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any, ClassVar, NoReturn

    from _typeshed import SupportsWrite

    from newsquiz.context import Environment

    Commands = argparse._SubParsersAction["Parser"]
    Run = Callable[[argparse.Namespace, Environment], int]


@dataclass(frozen=True)
class Argument:
    """One argument of a command, as argparse takes it; ``help`` is a message key.

    A setting left at None is not passed: argparse's own default stands.
    """

    names: tuple[str, ...]
    help: str
    metavar: str | None = None
    type: Callable[[str], object] | None = None
    choices: Sequence[str] | None = None
    default: object = None
    nargs: str | None = None
    action: str | None = None
    required: bool = False

    def add_to(self, parser: argparse.ArgumentParser) -> None:
        settings: dict[str, Any] = {
            "metavar": self.metavar,
            "type": self.type,
            "choices": self.choices,
            "default": self.default,
            "nargs": self.nargs,
            "action": self.action,
            "required": self.required or None,
        }
        given = {name: value for name, value in settings.items() if value is not None}
        parser.add_argument(*self.names, help=self.help, **given)


def positional(name: str, *, help: str, metavar: str, nargs: str | None = None) -> Argument:
    """An argument given by its place: ``name`` is its attribute, ``metavar`` how help shows it."""
    return Argument((name,), help, metavar=metavar, nargs=nargs)


def switch(flag: str, *, help: str) -> Argument:
    """An option without a value: True when given."""
    return Argument((flag,), help, action="store_true")


def option(
    *flags: str,
    help: str,
    metavar: str | None = None,
    type: Callable[[str], object] | None = None,
    choices: Sequence[str] | None = None,
    default: object = None,
    required: bool = False,
    repeated: bool = False,
) -> Argument:
    """An option with a value; ``repeated``: it may be given again, its values kept in a list."""
    action = "append" if repeated else None
    if repeated and default is None:
        default = []
    return Argument(flags, help, metavar, type, choices, default, action=action, required=required)


@dataclass(frozen=True)
class Command:
    """A command: its name on the command line, its arguments in the order ``--help``
    lists them, and the function that runs it. Its help texts are the message keys
    ``help.<name>.summary`` (its line in ``newsquiz --help``), ``.description`` (above
    the arguments in its own help) and ``.epilog`` (below them)."""

    name: str
    arguments: Sequence[Argument]
    run: Run


def add_command(commands: Commands, command: Command) -> None:
    """The parser of ``command``, its arguments added from its table."""
    name = command.name
    parser = commands.add_parser(
        name,
        help=f"help.{name}.summary",
        description=f"help.{name}.description",
        epilog=f"help.{name}.epilog",
    )
    for argument in command.arguments:
        argument.add_to(parser)
    parser.set_defaults(run=command.run)


class Parser(argparse.ArgumentParser):
    """A parser whose help and command-line mistakes speak the learner's language."""

    language: ClassVar[str | None] = None
    """The language of help and command-line mistakes (None: argparse's English). It
    is known once the command line is read, and set on the class: the root parser and
    every command's parser share it."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # argparse hides write errors: `newsquiz --help > /dev/full` must report one.
        if message:
            (file or sys.stderr).write(message)

    def _get_formatter(self) -> argparse.HelpFormatter:
        from newsquiz.interface.help_text import help_formatter

        return help_formatter(self.prog, self.language)

    def error(self, message: str) -> NoReturn:
        if self.language is not None:
            from newsquiz.interface.usage import complain

            complain(self, message, self.language)
        super().error(message)


def parser_class() -> type[Parser]:
    """A parser class of its own for one command line, so that the language set on it
    is this command line's alone."""

    class CommandLine(Parser):
        pass

    return CommandLine
