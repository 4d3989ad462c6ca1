"""People and their titles -> a `match` (who is who) and `choice` questions."""

from __future__ import annotations

from newsquiz.drafting.draft import Draft, word_count
from newsquiz.drafting.people import Person
from newsquiz.drafting.phrasing import phrase
from newsquiz.drafting.spans import tail

MAX_PAIRS = 5
MAX_CHOICES = 4


def _introduction(person: Person) -> str:
    return tail(person.sentence, person.first, person.last)


def people_drafts(people: list[Person], language: str) -> list[Draft]:
    if len(people) < 2:
        return []
    drafts = []
    shown = [p for p in people if person_fits(p)][:MAX_PAIRS]
    if len(shown) >= 2 and len({p.title for p in shown}) == len(shown):
        drafts.append(
            Draft(
                kind="who-is-who",
                type="match",
                fields={
                    "prompt": phrase(language, "people.match"),
                    "pairs": {p.name: p.title for p in shown},
                    "explanation": phrase(language, "people.why"),
                    "evidence": [_introduction(p) for p in shown],
                },
                rank=20,
            )
        )
    for number, person in enumerate(people):
        others = [p.name for p in people if p is not person][: MAX_CHOICES - 1]
        choices = list(others)
        choices.insert((number + 1) % (len(others) + 1), person.name)
        quote = _introduction(person)
        drafts.append(
            Draft(
                kind="who",
                type="choice",
                fields={
                    "prompt": phrase(language, "person.who", title=_with_article(person, language)),
                    "choices": choices,
                    "answer": person.name,
                    "explanation": phrase(language, "person.why", quote=quote),
                    "evidence": [quote],
                },
                rank=40 + number,
            )
        )
    return drafts


def person_fits(person: Person) -> bool:
    return word_count(person.title) <= 8


def _with_article(person: Person, language: str) -> str:
    """`le ministre russe de l'Énergie`: the title with the determiner the article used."""
    tokens = person.sentence.tokens
    determiner = tokens[person.first].text
    if determiner.lower() in ("le", "la", "the"):
        return f"{determiner.lower()} {person.title}"
    if determiner.lower() == "l" and person.first + 1 < len(tokens):
        return f"l{tokens[person.first + 1].text}{person.title}"
    return ("le " if language == "fr" else "the ") + person.title
