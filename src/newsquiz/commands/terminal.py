"""How a command talks to the person at the terminal: language, plain or rich, colour,
and the notes about files left aside."""

from __future__ import annotations

from newsquiz.commands.arguments import Argument, option, switch
from newsquiz.locales import CODES

TYPE_CHECKING = False

if TYPE_CHECKING:
    import argparse
    from collections.abc import Mapping, Sequence

    from newsquiz.bank_files import Skipped
    from newsquiz.context import Environment
    from newsquiz.interface.messages import Messages
    from newsquiz.model import Bank


def user_language(args: argparse.Namespace, env: Environment, banks: Sequence[Bank] = ()) -> str:
    """--lang, else the language of the banks at hand when they share one, else the
    locale's (LC_ALL, LC_MESSAGES, LANG), else English."""
    from newsquiz.interface.language import choose_language

    return choose_language(args.lang, (bank.language for bank in banks), env.environ)


def locale_messages(env: Environment, requested: str | None = None) -> Messages:
    """Messages in --lang if given, else the locale's language (LC_ALL, LC_MESSAGES, LANG)."""
    from newsquiz.interface.language import choose_language
    from newsquiz.interface.messages import Messages

    return Messages(choose_language(requested, (), env.environ))


def color(env: Environment) -> bool:
    """Colour on standard output, for the reports (check, list)."""
    return env.stdout_isatty and not env.no_color and not env.dumb_terminal


def interface_mode(args: argparse.Namespace, env: Environment) -> tuple[bool, bool]:
    """(plain, color) for the quiz commands."""
    plain = args.plain or not (env.stdin_isatty and env.stdout_isatty) or env.dumb_terminal
    colored = not (args.no_color or env.no_color or plain) and env.stdout_isatty
    return plain, colored


def report_skipped(
    env: Environment, skipped: Sequence[Skipped], say: Messages | None = None
) -> None:
    """A note on standard error for each file or folder left aside while looking for banks."""
    if not skipped:
        return
    from newsquiz.interface.skipped import skipped_lines

    say = say or locale_messages(env)
    for line in skipped_lines(say, skipped, env.cwd):
        env.stderr.write(line + "\n")


def display_options(
    *, language: str, plain: str, no_color: str = "help.terminal.no_color"
) -> tuple[Argument, ...]:
    """--lang, --plain and --no-color, the same on every command that talks to a learner
    (the values are the help texts' message keys)."""
    return (
        option("--lang", choices=CODES, help=language),
        switch("--plain", help=plain),
        switch("--no-color", help=no_color),
    )


def reason(error: OSError) -> str:
    """Why a file could not be read or written, with its name."""
    why = error.strerror or str(error)
    return f"{why} ({error.filename})" if error.filename else why


def teacher_language(requested: str | None, environ: Mapping[str, str]) -> str:
    """--lang, else the locale (LC_ALL, LC_MESSAGES, LANG, the first one set), else English."""
    from newsquiz.locales import choose_language

    return choose_language(requested, (), environ)
