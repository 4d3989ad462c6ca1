"""Numbers with a unit (`1 500 soldats`, `2.5 billion dollars`, `40 %`) -> number questions."""

from __future__ import annotations

from newsquiz.drafting.draft import Draft, evidence
from newsquiz.drafting.lexicon import UNITS
from newsquiz.drafting.phrasing import blanked, phrase
from newsquiz.drafting.text import Sentence, fold

_OF = frozenset({"de", "d", "of"})
# The spaces that separate groups of thousands (`1 500`, `400 000`).
_GROUP_SPACES = frozenset({" ", "\u00a0", "\u202f"})


def value(text: str, language: str) -> float | None:
    """`1 500` -> 1500, `2,5` -> 2.5 in French; `1,500` -> 1500 and `2.5` -> 2.5 in English."""
    compact = "".join(c for c in text if c not in " \u00a0\u202f")
    if language == "fr":
        compact = compact.replace(".", "").replace(",", ".")
    else:
        compact = compact.replace(",", "")
    if not compact or compact.count(".") > 1 or not compact.replace(".", "").isdigit():
        return None
    return float(compact)


def number_drafts(sentences: list[Sentence], language: str) -> list[Draft]:
    drafts: list[Draft] = []
    for sentence in sentences:
        tokens = sentence.tokens
        for index, token in enumerate(tokens[:-1]):
            if not token.text[0].isdigit() or _continues(sentence, index + 1):
                continue
            first = _first_group(sentence, index)
            amount = value(sentence.slice(first, index), language)
            unit_end = _unit(sentence, index + 1)
            if amount is None or unit_end is None:
                continue
            unit = sentence.slice(index + 1, unit_end)
            quote = evidence(sentence, first, unit_end)
            answer: object = int(amount) if amount.is_integer() else amount
            drafts.append(
                Draft(
                    kind="number",
                    type="number",
                    fields={
                        "prompt": phrase(
                            language, "number.prompt", context=blanked(sentence, first, index)
                        ),
                        "answer": answer,
                        "unit": unit,
                        "explanation": phrase(language, "number.why", quote=quote),
                        "evidence": [quote],
                    },
                    rank=60 + len(drafts),
                )
            )
    return drafts


def _continues(sentence: Sentence, index: int) -> bool:
    """Token ``index`` is a group of three digits written after the one before it
    with a single space (`400 000`): the same number goes on."""
    tokens = sentence.tokens
    if index < 1 or index >= len(tokens):
        return False
    group, previous = tokens[index].text, tokens[index - 1].text
    return (
        len(group) == 3
        and group.isdigit()
        and previous.isdigit()
        and len(previous) <= 3
        and sentence.slice(index - 1, index)[len(previous) : -3] in _GROUP_SPACES
    )


def _first_group(sentence: Sentence, index: int) -> int:
    """The first token of the number that ends at token ``index`` (`2 300 000`)."""
    first = index
    while _continues(sentence, first):
        first -= 1
    return first


def _unit(sentence: Sentence, index: int) -> int | None:
    """The last token of the unit that starts at ``index`` (`milliards de dollars`)."""
    tokens = sentence.tokens
    if index >= len(tokens) or fold(tokens[index].text) not in UNITS:
        return None
    end = index
    while True:
        if end + 1 < len(tokens) and fold(tokens[end + 1].text) in UNITS:
            end += 1
        elif (
            end + 2 < len(tokens)
            and fold(tokens[end + 1].text) in _OF
            and fold(tokens[end + 2].text) in UNITS
        ):
            end += 2
        else:
            return end
