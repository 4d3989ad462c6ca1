"""Command-line mistakes in the learner's language.

argparse writes its complaints in English; this parser words the common ones
through the message catalogue (the English catalogue says what argparse says).
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

TYPE_CHECKING = False
if TYPE_CHECKING:
    from newsquiz.interface.messages import Messages

_COMPLAINTS = (
    (r"unrecognized arguments: (?P<arguments>.*)", "usage.unrecognized"),
    (r"the following arguments are required: (?P<arguments>.*)", "usage.required"),
    (
        r"argument (?P<argument>\S+): invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)",
        "usage.invalid_choice",
    ),
    (r"argument (?P<argument>\S+): expected one argument", "usage.expected_one"),
)
_PROBLEMS = (
    (
        r"expected a whole number from (?P<minimum>-?\d+) to (?P<maximum>-?\d+), found (?P<value>.*)",
        "usage.whole_number",
    ),
    (
        r"expected a number of minutes, more than 0 and at most (?P<maximum>\d+) \(24 hours\), "
        r"found (?P<value>.*)",
        "usage.minutes",
    ),
    (r"(?P<value>.*) holds bytes that are not UTF-8 text", "usage.not_utf8"),
)
_ARGUMENT = re.compile(r"argument (?P<argument>\S+): (?P<problem>.*)", re.DOTALL)


def translate_complaint(message: str, say: Messages) -> str:
    """argparse's English complaint in the catalogue's words (unchanged when unknown;
    the English catalogue says what argparse says)."""
    for pattern, key in _COMPLAINTS:
        found = re.fullmatch(pattern, message, re.DOTALL)
        if found:
            return say(key, **found.groupdict())
    argument = _ARGUMENT.fullmatch(message)
    if argument is None:
        return message
    problem = argument["problem"]
    for pattern, key in _PROBLEMS:
        found = re.fullmatch(pattern, problem, re.DOTALL)
        if found:
            problem = say(key, **found.groupdict())
            break
    return say("usage.argument", argument=argument["argument"], problem=problem)


def complain(parser: argparse.ArgumentParser, message: str, language: str) -> NoReturn:
    """Report a command-line mistake the way argparse does, in ``language``: the usage
    line, then the complaint; exit status 2."""
    from newsquiz.interface.messages import Messages

    say = Messages(language)
    usage = parser.format_usage()
    usage = usage.replace("usage:", say("usage.prefix"), 1)
    sys.stderr.write(usage)
    complaint = translate_complaint(message, say)
    sys.stderr.write(say("usage.complaint", prog=parser.prog, complaint=complaint) + "\n")
    raise SystemExit(2)


def requested_language(arguments: list[str]) -> str | None:
    """The value of --lang on a command line not parsed yet."""
    for index, argument in enumerate(arguments):
        if argument == "--lang" and index + 1 < len(arguments):
            return arguments[index + 1]
        if argument.startswith("--lang="):
            return argument.split("=", 1)[1]
    return None
