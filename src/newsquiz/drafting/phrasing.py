"""How drafted questions are worded, in the article's language."""

from __future__ import annotations

from collections.abc import Mapping

from newsquiz.drafting.lexicon import DANGLING
from newsquiz.drafting.text import Sentence, is_clause_mark

BLANK = "___"

PHRASES: Mapping[str, Mapping[str, str]] = {
    "fr": {
        "date.day": "À quelle date (jour, mois et année) ? « {context} »",
        "date.month": "En quel mois (mois et année) ? « {context} »",
        "date.year": "En quelle année ? « {context} »",
        "date.why": "L’article le dit : « {quote} ».",
        "date.relative_hint": "L’article dit « {words} » : de quel jour parle-t-il ?",
        "date.relative_why": "« {words} » se rapporte au {anchor}, date donnée juste avant dans l’article.",
        "said.long": "Qui a dit : « {quote} » ?",
        "said.short": "Qui a parlé de « {quote} » ?",
        "said.named": "L’article attribue ces mots à {name}.",
        "said.described": "L’article attribue ces mots à « {described} », c’est-à-dire {name}.",
        "person.who": "D’après l’article, qui est {title} ?",
        "person.why": "L’article le présente ainsi : « {quote} ».",
        "people.match": "Associez chaque personne à la fonction que lui donne l’article.",
        "people.why": "L’article présente chacun par sa fonction.",
        "event.received": "Qui a reçu {subject} ?",
        "event.replaced": "Qui a remplacé {subject} ?",
        "event.met": "Qui a rencontré {subject} ?",
        "event.why": "L’article : « {quote} ».",
        "list.prompt": "Lesquels de ces {head} l’article cite-t-il ?",
        "list.prompt_plain": "Lesquels de ces éléments l’article cite-t-il ?",
        "list.why": "L’article cite : {items}.",
        "number.prompt": "Quel nombre manque ? « {context} »",
        "number.why": "L’article : « {quote} ».",
        "bank.title": "Brouillon : {name}",
        "bank.note": "Brouillon écrit par newsquiz new : vérifiez chaque question dans l’article, puis retirez `draft: true` de celles que vous gardez.",
    },
    "en": {
        "date.day": "On what date (day, month and year)? “{context}”",
        "date.month": "In what month (month and year)? “{context}”",
        "date.year": "In what year? “{context}”",
        "date.why": "The article says so: “{quote}”.",
        "date.relative_hint": "The article says “{words}”: which day does it mean?",
        "date.relative_why": "“{words}” refers to {anchor}, the date given just before in the article.",
        "said.long": "Who said: “{quote}”?",
        "said.short": "Who spoke of “{quote}”?",
        "said.named": "The article gives these words to {name}.",
        "said.described": "The article gives these words to “{described}”, that is {name}.",
        "person.who": "According to the article, who is {title}?",
        "person.why": "The article introduces them as: “{quote}”.",
        "people.match": "Match each person with the position the article gives them.",
        "people.why": "The article introduces each of them by their position.",
        "event.received": "Who received {subject}?",
        "event.replaced": "Who replaced {subject}?",
        "event.met": "Who met {subject}?",
        "event.why": "The article: “{quote}”.",
        "list.prompt": "Which of these {head} does the article mention?",
        "list.prompt_plain": "Which of these does the article mention?",
        "list.why": "The article mentions: {items}.",
        "number.prompt": "What number is missing? “{context}”",
        "number.why": "The article: “{quote}”.",
        "bank.title": "Draft: {name}",
        "bank.note": "Draft written by newsquiz new: check each question against the article, then remove `draft: true` from those you keep.",
    },
}


def phrase(language: str, key: str, **values: object) -> str:
    return PHRASES[language][key].format(**values)


def blanked(sentence: Sentence, first: int, last: int, left: int = 7, right: int = 5) -> str:
    """The clause around tokens first..last, with them replaced by a blank."""
    tokens = sentence.tokens
    lo = first
    while lo > 0 and first - lo < left and not is_clause_mark(tokens[lo - 1]):
        lo -= 1
    hi = last
    if hi + 2 < len(tokens) and tokens[hi + 1].text == ",":
        hi += 1  # `On ___, the astronaut…`: what follows the comma says what happened
    while hi + 1 < len(tokens) and hi - last < right and not is_clause_mark(tokens[hi + 1]):
        hi += 1
    while hi > last and (tokens[hi].lower in DANGLING or not tokens[hi].is_word):
        hi -= 1
    before = sentence.slice(lo, first - 1) + " " if lo < first else ""
    glued = hi > last and tokens[last + 1].text in ",;:.)"
    after = ("" if glued else " ") + sentence.slice(last + 1, hi) if hi > last else ""
    opening = "… " if lo > 0 else ""
    closing = " …" if hi + 1 < len(tokens) and tokens[hi + 1].text not in ".!?" else ""
    return f"{opening}{before}{BLANK}{after}{closing}"
