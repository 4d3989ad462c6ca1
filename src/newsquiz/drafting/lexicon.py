"""The few words each rule needs, in French and English.

The words are data, in ``lexicon.yaml`` beside this module, where they can be
read and added to without reading Python; this module gives each rule its set.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

# Every value is read as text: a word such as `on` or `no` stays a word.
_WORDS: Any = yaml.load(
    (Path(__file__).resolve().parent / "lexicon.yaml").read_text(encoding="utf-8"),
    Loader=yaml.BaseLoader,
)


def _words(name: str) -> frozenset[str]:
    return frozenset(_WORDS[name])


MONTHS: Mapping[str, int] = {
    name: number
    for names in _WORDS["months"].values()
    for number, name in enumerate(names, start=1)
}
WEEKDAYS = _words("weekdays")
# Relative days, folded: how many days from the date they refer to.
RELATIVE_DAYS: Mapping[str, int] = {
    words: int(shift) for words, shift in _WORDS["relative_days"].items()
}
TITLES = _words("titles")
# Words that start the description of a person: `le président russe Vladimir Poutine`.
DETERMINERS = _words("determiners")
# Linking words allowed inside a title: `ministre russe de l'Énergie`.
TITLE_LINKS = _words("title_links")
SPEECH_VERBS = _words("speech_verbs")
# Receiving, meeting, replacing: folded participle or verb -> the kind of event.
EVENTS: Mapping[str, str] = {
    word: kind for kind, words in _WORDS["events"].items() for word in words
}
AGENT_WORDS = _words("agent_words")
UNITS = _words("units")
# Plausible wrong items for an enumeration of domains.
DOMAINS: Mapping[str, tuple[str, ...]] = {
    language: tuple(items) for language, items in _WORDS["domains"].items()
}
STOPWORDS: Mapping[str, frozenset[str]] = {
    language: frozenset(words) for language, words in _WORDS["stopwords"].items()
}
# Words that do not help tell one person's description from another's.
GENERIC = _words("generic")
# Words a context window should not end on: they announce something cut off.
DANGLING = _words("dangling")
