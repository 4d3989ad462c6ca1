"""Text that does not read as it is written: what `check` warns a teacher about.

* Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) make a
  line display in another order than it holds; zero-width characters (U+200B,
  U+2060, U+FEFF, U+180E) hide inside words. Right-to-left *marks* (U+200E,
  U+200F) and the joiners U+200C/U+200D are left alone: Arabic, Persian, Indic
  scripts and emoji need them.
* Look-alike choices: ``Putin`` and ``Рutin`` (a Cyrillic Р) look the same on
  screen but are different answers. Two texts whose letters map to the same
  Latin skeleton, yet differ, are flagged; so is a word that mixes Latin with
  Cyrillic or Greek letters.

These are warnings, not errors: the bank still loads.
"""

from __future__ import annotations

import re
import unicodedata

_HIDDEN = re.compile("[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff\u180e]")

# Cyrillic and Greek letters drawn like a Latin letter, in most fonts.
_SKELETON = str.maketrans(
    {
        **dict(zip("АВЕКМНОРСТХУаеорсухіјѕԁԛԝӏ", "ABEKMHOPCTXYaeopcyxijsdqwl", strict=True)),
        **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοινκρτυχ", "ABEZHIKMNOPTYXoivkptux", strict=True)),
    }
)
_WORD = re.compile(r"\w+")
# The Greek and Cyrillic blocks: a text with none of their characters mixes nothing.
_CYRILLIC_OR_GREEK = re.compile(
    "[\u0370-\u03ff\u0400-\u052f\u1c80-\u1c8f\u1d26-\u1d2b\u1d66-\u1d6a\u1f00-\u1fff\u2de0-\u2dff\ua640-\ua69f\uab65]"
)


def hidden_character(text: str) -> str | None:
    """The first bidirectional control or zero-width character in ``text``."""
    found = _HIDDEN.search(text)
    return found.group() if found else None


def describe_character(character: str) -> str:
    name = unicodedata.name(character, "")
    return f"U+{ord(character):04X}" + (f" {name}" if name else "")


def _script(character: str) -> str | None:
    if not character.isalpha():
        return None
    name = unicodedata.name(character, "")
    for script in ("LATIN", "CYRILLIC", "GREEK"):
        if name.startswith(script):
            return script
    return None


def mixed_script_word(text: str) -> str | None:
    """The first word of ``text`` that mixes Latin letters with Cyrillic or Greek ones."""
    if text.isascii() or not _CYRILLIC_OR_GREEK.search(text):
        return None
    for found in _WORD.finditer(text):
        scripts = {_script(c) for c in found.group()} - {None}
        if "LATIN" in scripts and len(scripts) > 1:
            return found.group()
    return None


def skeleton(text: str) -> str:
    """``text`` with every Cyrillic or Greek look-alike of a Latin letter replaced by it."""
    return unicodedata.normalize("NFC", text).translate(_SKELETON).casefold()


def lookalike_pairs(texts: list[str]) -> list[tuple[int, int]]:
    """Index pairs (first, second) of different texts that look the same."""
    first: dict[str, int] = {}
    pairs: list[tuple[int, int]] = []
    for index, text in enumerate(texts):
        key = skeleton(text)
        if key in first and texts[first[key]] != text:
            pairs.append((first[key], index))
        else:
            first.setdefault(key, index)
    return pairs
