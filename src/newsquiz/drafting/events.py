"""Who received, met or replaced whom -> short answer (or cloze) questions."""

from __future__ import annotations

from newsquiz.drafting.draft import Draft, evidence
from newsquiz.drafting.lexicon import AGENT_WORDS, EVENTS
from newsquiz.drafting.people import Person, name_runs
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
    runs = name_runs(sentence)
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
            return following[0] if following else None
    return None


def _short_name(sentence: Sentence, run: tuple[int, int]) -> str:
    """`Goïta` for `Assimi Goïta`: naming the person without giving a full answer away."""
    return sentence.tokens[run[1]].text if run[1] > run[0] else sentence.slice(*run)
