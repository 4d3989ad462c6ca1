"""Run every rule over an article and write the draft bank."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from newsquiz.drafting.dates import date_drafts
from newsquiz.drafting.draft import Draft
from newsquiz.drafting.enumerations import list_drafts
from newsquiz.drafting.events import event_drafts
from newsquiz.drafting.lexicon import STOPWORDS
from newsquiz.drafting.numbers import number_drafts
from newsquiz.drafting.people import find_people, mentions
from newsquiz.drafting.phrasing import BLANK, phrase
from newsquiz.drafting.quotes import find_speech, speech_drafts
from newsquiz.drafting.text import fold, sentences, tokenize
from newsquiz.drafting.who import people_drafts
from newsquiz.drafting.writer import field_lines, question_lines, quoted
from newsquiz.lint import contains, hidden_answers, shown
from newsquiz.loader import parse_bank
from newsquiz.model import Bank

# Fewer words than this around a blank, and the prompt asks about nothing (a byline date).
MIN_CONTEXT_WORDS = 4
# Enough of one kind for a teacher to choose from, and a bound on the work per article.
MAX_PER_KIND = 12


@dataclass(frozen=True)
class DraftedBank:
    text: str
    types: Counter[str]

    @property
    def count(self) -> int:
        return sum(self.types.values())


def detect_language(article: str) -> str:
    """French or English, by which language's most common words the article uses more."""
    counts = Counter(fold(t.text) for t in tokenize(article) if t.is_word)
    score = {lang: sum(counts[w] for w in words) for lang, words in STOPWORDS.items()}
    return "fr" if score["fr"] >= score["en"] else "en"


def find_drafts(article: str, language: str) -> list[Draft]:
    found = sentences(article)
    people = find_people(found)
    speeches = find_speech(found, people, mentions(found, people))
    drafts = (
        speech_drafts(speeches, people, language)
        + people_drafts(people, language)
        + date_drafts(found, language)
        + event_drafts(found, people, language)
        + number_drafts(found, language)
        + list_drafts(found, article, language)
    )
    counters: Counter[str] = Counter()
    seen: set[tuple[str, str]] = set()
    kept = []
    for draft in drafts:
        wording = (draft.type, str(draft.fields.get("prompt", draft.fields.get("text", ""))))
        if wording in seen or counters[draft.kind] >= MAX_PER_KIND or _thin(draft):
            continue
        seen.add(wording)
        counters[draft.kind] += 1
        draft.id = f"{draft.kind}-{counters[draft.kind]}"
        kept.append(draft)
    return kept


def _thin(draft: Draft) -> bool:
    """A prompt `« … le ___ »`: the quoted context around its blank is too short to answer."""
    prompt = str(draft.fields.get("prompt", ""))
    blank = prompt.find(BLANK)
    if blank < 0:
        return False
    opening = max(prompt.rfind(mark, 0, blank) for mark in '«“"')
    context = prompt[opening + 1 :].replace(BLANK, " ")
    return sum(t.is_word for t in tokenize(context)) < MIN_CONTEXT_WORDS


def draft_bank(
    article: str, *, name: str, source_file: str, language: str | None = None
) -> DraftedBank:
    """A bank `check` accepts: every question marked `draft: true`, with its evidence."""
    language = language or detect_language(article)
    # Drafts are checked without the source: its path is the caller's to vouch for.
    drafts = [
        d for d in find_drafts(article, language) if _loads(_bank_text([d], name, "", language))
    ]
    drafts = _fair(drafts, name, "", language)
    text = _bank_text(drafts, name, source_file, language)
    return DraftedBank(text, Counter(d.type for d in drafts))


def _fair(drafts: list[Draft], name: str, source_file: str, language: str) -> list[Draft]:
    """Keep drafts in rank order, skipping any that would give a kept one's answer away
    (or have its own given away), or repeat one."""
    bank = _loads(_bank_text(drafts, name, source_file, language))
    if bank is None:
        return drafts
    clashes: dict[str, set[str]] = {q.id: set() for q in bank.questions}
    texts = [(q, shown(q)) for q in bank.questions]
    for question in bank.questions:
        for answer in hidden_answers(question):
            for other, text in texts:
                if other is not question and contains(text, answer):
                    clashes[question.id].add(other.id)
                    clashes[other.id].add(question.id)
    kept: set[str] = set()
    for draft in sorted(drafts, key=lambda d: d.rank):
        if not clashes.get(draft.id, set()) & kept:
            kept.add(draft.id)
    return [d for d in drafts if d.id in kept]


def _loads(text: str) -> Bank | None:
    return parse_bank(text).bank


def _bank_text(drafts: list[Draft], name: str, source_file: str, language: str) -> str:
    slug = "-".join("".join(c if c.isalnum() else " " for c in fold(name)).split()) or "draft"
    lines = [
        "# yaml-language-server: $schema=newsquiz-bank.schema.json",
        f"# {phrase(language, 'bank.note')}",
        "newsquiz: 1",
        f"id: {slug}",
        f"title: {quoted(phrase(language, 'bank.title', name=name))}",
        f"language: {language}",
        *(["source:", *field_lines("file", source_file, "  ")] if source_file else []),
        "questions:",
    ]
    for draft in drafts:
        fields: dict[str, object] = {"id": draft.id, "type": draft.type, "draft": True}
        fields.update(draft.fields)
        lines += question_lines(fields)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
