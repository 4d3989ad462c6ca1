"""Who received, met or replaced whom -> short answer (or cloze) questions."""

from __future__ import annotations

from newsquiz.drafting.draft import Draft, evidence
from newsquiz.drafting.lexicon import AGENT_WORDS, EVENTS, TITLES
from newsquiz.drafting.people import Person, after_place_preposition, is_headline, name_runs
from newsquiz.drafting.phrasing import phrase
from newsquiz.drafting.spans import tail
from newsquiz.drafting.text import Sentence, fold, is_clause_mark

_PASSIVE = frozenset(["ete", "été", "was", "were", "been", "est", "sont", "is", "are"])
_AUXILIARY = frozenset(["a", "ont", "avait", "avaient", "has", "have", "had"])
# English past forms need no auxiliary: `Putin met Goïta`.
_PAST = frozenset(["met", "received", "replaced", "welcomed", "succeeded"])
MAX_AGENT_GAP = 14


def event_drafts(sentences: list[Sentence], people: list[Person], language: str) -> list[Draft]:
    drafts: list[Draft] = []
    surnames = {p.name: p.surname for p in people}
    for sentence in sentences:
        if is_headline(sentence):
            continue
        for index, token in enumerate(sentence.tokens):
            kind = EVENTS.get(fold(token.text))
            if kind is None or not _is_verb(sentence, index):
                continue
            draft = _event(
                sentence, index, kind, language, rank=50 + len(drafts), surnames=surnames
            )
            if draft is not None:
                drafts.append(draft)
    return drafts


def _is_verb(sentence: Sentence, index: int) -> bool:
    """`a été reçu`, `a rencontré`, `met`; not the noun of `cette rencontre`."""
    before = fold(sentence.tokens[index - 1].text) if index else ""
    return before in _PASSIVE or before in _AUXILIARY or fold(sentence.tokens[index].text) in _PAST


def _event(
    sentence: Sentence, verb: int, kind: str, language: str, rank: int, surnames: dict[str, str]
) -> Draft | None:
    runs = [r for r in name_runs(sentence) if not after_place_preposition(sentence.tokens, r[0])]
    before = [r for r in runs if r[1] < verb]
    after = [r for r in runs if r[0] > verb and r[0] - verb <= MAX_AGENT_GAP]
    passive = verb > 0 and fold(sentence.tokens[verb - 1].text) in _PASSIVE
    if passive:
        agent = _agent(sentence, verb, after)
        subject = before[-1] if before else None
    else:
        agent = before[-1] if before else None
        subject = after[0] if after else None
    if agent is None:
        return None
    answer = sentence.slice(*agent)
    lo = min(verb, agent[0], subject[0] if subject else verb)
    hi = max(verb, agent[1], subject[1] if subject else verb)
    quote = evidence(sentence, lo, hi)
    if answer not in quote:
        quote = tail(sentence, lo, agent[1])
    fields: dict[str, object] = {}
    if subject is not None:
        fields["prompt"] = phrase(language, f"event.{kind}", subject=_short_name(sentence, subject))
        fields["answer"] = answer
        if answer in surnames:
            fields["accept"] = [surnames[answer]]
        kind_of_question = "short"
    else:
        start = quote.find(answer)
        fields["text"] = quote[:start] + "{{" + answer + "}}" + quote[start + len(answer) :]
        kind_of_question = "cloze"
    fields["explanation"] = phrase(language, "event.why", quote=quote)
    fields["evidence"] = [quote]
    return Draft(kind=kind, type=kind_of_question, fields=fields, rank=rank)


def _agent(sentence: Sentence, verb: int, after: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The name after `par` / `by`, in the same clause as the verb."""
    tokens = sentence.tokens
    for k in range(verb + 1, min(len(tokens), verb + MAX_AGENT_GAP)):
        if is_clause_mark(tokens[k]):
            return None
        if fold(tokens[k].text) in AGENT_WORDS:
            following = [r for r in after if r[0] > k]
            return _titled_agent(sentence, k, following) if following else None
    return None


def _titled_agent(
    sentence: Sentence, by: int, following: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """`received by the mayor of Lisbon, Carlos Moedas`, `reçu par le maire de Paris, Anne
    Hidalgo`: after a title, a single word ending the title is a place; the person is the
    name after the comma (none there: no agent to ask about)."""
    tokens = sentence.tokens
    first = following[0]
    titled = any(fold(t.text) in TITLES for t in tokens[by + 1 : first[0]])
    if not titled or first[0] < first[1]:
        return first
    comma = first[1] + 1
    named = len(following) > 1 and following[1][0] == comma + 1
    if named and comma < len(tokens) and tokens[comma].text == ",":
        return following[1]
    return None


def _short_name(sentence: Sentence, run: tuple[int, int]) -> str:
    """`Goïta` for `Assimi Goïta`: naming the person without giving a full answer away."""
    return sentence.tokens[run[1]].text if run[1] > run[0] else sentence.slice(*run)
