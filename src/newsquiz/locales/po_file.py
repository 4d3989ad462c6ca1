"""A small reader of gettext ``.po`` files, keyed by message name.

Only what the catalogues use: comments, ``msgid``/``msgstr`` pairs, strings
continued on the next lines, and the escapes ``\\\\``, ``\\"``, ``\\n``, ``\\t``.
The entry with an empty ``msgid`` is the file's header and is not a message.
"""

from __future__ import annotations

import re

_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"\s*$')
_ESCAPE = re.compile(r"\\(.)")
_UNESCAPE = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


class PoError(ValueError):
    """A line of a catalogue that is not what the format allows."""


def _unquote(text: str, number: int) -> str:
    found = _QUOTED.match(text.strip())
    if found is None:
        raise PoError(f"line {number}: a text in double quotes was expected")
    return _ESCAPE.sub(lambda m: _UNESCAPE.get(m.group(1), m.group(0)), found.group(1))


def read_po(text: str) -> dict[str, str]:
    """The messages of a ``.po`` file, by ``msgid``, in the file's order."""
    messages: dict[str, str] = {}
    key: list[str] = []
    value: list[str] = []
    current = value
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("msgid "):
            if key:
                messages["".join(key)] = "".join(value)
            key, value = [_unquote(line[6:], number)], []
            current = key
        elif line.startswith("msgstr "):
            value = [_unquote(line[7:], number)]
            current = value
        elif line.startswith('"'):
            current.append(_unquote(line, number))
        else:
            raise PoError(f"line {number}: expected msgid, msgstr, a quoted text or a # comment")
    if key:
        messages["".join(key)] = "".join(value)
    messages.pop("", None)
    return messages
