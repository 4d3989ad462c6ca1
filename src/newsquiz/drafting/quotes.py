"""Quoted speech and who said it -> "who said …?" choice questions."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from newsquiz.drafting.draft import Draft, word_count
from newsquiz.drafting.lexicon import SPEECH_VERBS
from newsquiz.drafting.people import Person, content_words, name_runs
from newsquiz.drafting.phrasing import phrase
from newsquiz.drafting.spans import head, tail
from newsquiz.drafting.text import Sentence, fold, is_clause_mark

MIN_SPEECH_WORDS = 4
MAX_CHOICES = 4
# Words after which a speaker's description stops: `a déclaré X au début de l'entretien`.
_SPEAKER_ENDS = frozenset(
    [
        "lorsque",
        "quand",
        "as",
        "when",
        "au",
        "aux",
        "à",
        "en",
        "avec",
        "lors",
        "pendant",
        "devant",
        "dans",
        "avant",
        "apres",
        "at",
        "during",
        "in",
        "on",
        "with",
        "after",
        "before",
        "while",
    ]
)


@dataclass(frozen=True)
class Speech:
    sentence: Sentence
    opening: int
    closing: int
    speaker: Person
    described: str | None  # the words naming the speaker, when they are not a name
    attribution: int  # the last token of `a déclaré le président …`


def quote_spans(sentence: Sentence) -> list[tuple[int, int]]:
    """(opening, closing) token indices of each quotation in the sentence."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for i, token in enumerate(sentence.tokens):
        if token.text in "«“" or (token.text == '"' and opened is None):
            opened = i
        elif token.text in '»”"' and opened is not None:
            if i > opened + 1:
                spans.append((opened, i))
            opened = None
    return spans


def find_speech(
    sentences: list[Sentence], people: list[Person], mentions: list[tuple[int, Person]]
) -> list[Speech]:
    found: list[Speech] = []
    for sentence in sentences:
        for opening, closing in quote_spans(sentence):
            speech = _attribute(sentence, opening, closing, people, mentions)
            if speech is not None:
                found.append(speech)
    return found


def _attribute(
    sentence: Sentence,
    opening: int,
    closing: int,
    people: list[Person],
    mentions: list[tuple[int, Person]],
) -> Speech | None:
    if sentence.words_between(opening, closing) < MIN_SPEECH_WORDS:
        # A few words quoted inside a sentence: the person the sentence is about said them.
        person = _first_mentioned(sentence, opening, mentions)
        if person is None:
            return None
        return Speech(sentence, opening, closing, person, None, closing)
    span = _speaker_after(sentence, closing) or _speaker_before(sentence, opening)
    if span is None:
        return None
    first, last = span
    attribution = last if first > closing else first
    person = _named(sentence, first, last, people)
    if person is not None:
        return Speech(sentence, opening, closing, person, None, attribution)
    described = sentence.slice(first, last)
    person = _by_description(described, people) or _last_before(
        sentence.tokens[opening].start, mentions
    )
    if person is None:
        return None
    return Speech(sentence, opening, closing, person, described, attribution)


def _speaker_after(sentence: Sentence, closing: int) -> tuple[int, int] | None:
    """`», a déclaré le président de la transition malienne au début de …`"""
    tokens = sentence.tokens
    k = closing + 1
    if k < len(tokens) and tokens[k].text == ",":
        k += 1
    if k < len(tokens) and fold(tokens[k].text) in ("a", "avait", "had", "has"):
        k += 1
    if k >= len(tokens) or fold(tokens[k].text) not in SPEECH_VERBS:
        return None
    first = k + 1
    last = first
    while last + 1 < len(tokens) and not is_clause_mark(tokens[last + 1]):
        if last - first >= 1 and fold(tokens[last + 1].text) in _SPEAKER_ENDS:
            break
        last += 1
    return (first, last) if first < len(tokens) and tokens[last].is_word else None


def _speaker_before(sentence: Sentence, opening: int) -> tuple[int, int] | None:
    """`Poutine a déclaré : « … »`, `Putin said: “…”`"""
    tokens = sentence.tokens
    for k in range(max(0, opening - 3), opening):
        if fold(tokens[k].text) in SPEECH_VERBS:
            runs = [r for r in name_runs(sentence) if r[1] < k]
            return runs[-1] if runs else None
    return None


def _named(sentence: Sentence, first: int, last: int, people: list[Person]) -> Person | None:
    for run_first, run_last in name_runs(sentence):
        if first <= run_first and run_last <= last:
            surname = fold(sentence.tokens[run_last].text)
            for person in people:
                if fold(person.surname) == surname:
                    return person
    return None


def _by_description(described: str, people: list[Person]) -> Person | None:
    """The one person whose titles share words with the description."""
    words = content_words(described)
    scores = [(len(words & p.words), p) for p in people]
    best = max((s for s, _ in scores), default=0)
    winners = [p for s, p in scores if s == best]
    return winners[0] if best and len(winners) == 1 else None


def _last_before(offset: int, mentions: list[tuple[int, Person]]) -> Person | None:
    """The person named last before ``offset`` (mentions are in article order)."""
    index = bisect.bisect_left(mentions, offset, key=lambda m: m[0])
    return mentions[index - 1][1] if index else None


def _first_mentioned(
    sentence: Sentence, opening: int, mentions: list[tuple[int, Person]]
) -> Person | None:
    index = bisect.bisect_left(mentions, sentence.start, key=lambda m: m[0])
    if index < len(mentions) and mentions[index][0] < sentence.tokens[opening].start:
        return mentions[index][1]
    return None


def speech_drafts(speeches: list[Speech], people: list[Person], language: str) -> list[Draft]:
    drafts = []
    for number, speech in enumerate(speeches):
        others = [p.name for p in people if p.name != speech.speaker.name]
        if not others:
            continue
        choices = others[: MAX_CHOICES - 1]
        choices.insert(number % (len(choices) + 1), speech.speaker.name)
        drafts.append(
            Draft(
                kind="said",
                type="choice",
                fields={
                    "prompt": _prompt(speech, language),
                    "choices": choices,
                    "answer": speech.speaker.name,
                    "explanation": _why(speech, language),
                    "evidence": _evidence(speech),
                },
                rank=10 + number,
            )
        )
    return drafts


def _prompt(speech: Speech, language: str) -> str:
    quote = speech.sentence.slice(speech.opening + 1, speech.closing - 1)
    words = word_count(quote)
    key = "said.long" if words >= MIN_SPEECH_WORDS else "said.short"
    return phrase(language, key, quote=quote.rstrip(" ,"))


def _why(speech: Speech, language: str) -> str:
    if speech.described is None:
        return phrase(language, "said.named", name=speech.speaker.name)
    return phrase(language, "said.described", described=speech.described, name=speech.speaker.name)


def _evidence(speech: Speech) -> list[str]:
    sentence = speech.sentence
    if speech.attribution == speech.closing:
        quotes = [tail(sentence, 0, speech.closing)]
    elif speech.attribution > speech.closing:
        quotes = [tail(sentence, speech.opening, speech.attribution)]
    else:
        quotes = [head(sentence, speech.attribution, speech.closing)]
    if speech.described is not None:
        person = speech.speaker
        quotes.append(tail(person.sentence, person.first, person.last))
    return quotes
