"""`--help` in the learner's language.

The parsers hold message keys for their help texts (``help="help.play.exam"``);
the formatter here looks each one up when help is written, in the language
chosen for this run. argparse's own words ("usage:", "positional arguments",
"options", "show this help message and exit") are looked up too: the English
catalogue says what argparse says, so English help is argparse's.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterable

from newsquiz.interface.typography import for_screen
from newsquiz.locales import Locale

# argparse's fixed words in a help text, and the message that says each one.
ARGPARSE_WORDS = {
    "positional arguments": "help.positionals",
    "options": "help.options",
    "optional arguments": "help.options",  # Python 3.9's title of the options
    "show this help message and exit": "help.help",
    "show program's version number and exit": "help.version",
}


def help_words(text: str | None, say: Locale) -> str | None:
    """A help text as the learner reads it: a message key or one of argparse's
    words in ``say``'s language; any other text unchanged."""
    if not text:
        return text
    key = ARGPARSE_WORDS.get(text, text)
    if not say.knows(key):
        return text
    return _spaced(say(key, pathsep=os.pathsep), say)


def _spaced(text: str, say: Locale) -> str:
    """French spacing with no-break spaces: argparse never wraps « before its word."""
    return for_screen(text) if say.spaced_punctuation else text


class SpeakingFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's help, descriptions and epilogs kept as written, in ``say``'s language."""

    def __init__(self, prog: str, say: Locale) -> None:
        super().__init__(prog)
        self.say = say

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        if prefix is None:
            prefix = self.say("usage.prefix") + " "  # as in a usage error
        super().add_usage(usage, actions, groups, prefix)

    def add_text(self, text: str | None) -> None:
        super().add_text(help_words(text, self.say))

    def start_section(self, heading: str | None) -> None:
        super().start_section(_heading(help_words(heading, self.say), self.say))

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return help_words(super()._get_help_string(action), self.say)


def _heading(heading: str | None, say: Locale) -> str | None:
    """A section title: argparse adds the colon; French puts a space before it."""
    if heading and say.spaced_punctuation:
        return heading + " "  # never wrapped: a plain space, as in "utilisation :"
    return heading


def help_formatter(prog: str, language: str | None) -> argparse.HelpFormatter:
    """The help formatter for ``prog``, speaking ``language`` (None: English)."""
    return SpeakingFormatter(prog, Locale(language or "en"))
