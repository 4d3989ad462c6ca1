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
from newsquiz.drafting.phrasing import phrase
from newsquiz.drafting.quotes import find_speech, speech_drafts
from newsquiz.drafting.text import fold, sentences, tokenize
from newsquiz.drafting.who import people_drafts
from newsquiz.drafting.writer import field_lines, question_lines, quoted
from newsquiz.lint import duplicates, leaks
from newsquiz.loader import parse_bank
from newsquiz.model import Bank


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
    for draft in drafts:
        counters[draft.kind] += 1
        draft.id = f"{draft.kind}-{counters[draft.kind]}"
    return drafts


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
    """Drop drafts that give another's answer away, or repeat one, lowest rank last."""
    while True:
        bank = _loads(_bank_text(drafts, name, source_file, language))
        if bank is None:
            return drafts
        clashes = [(q.id, o.id) for q, o, _ in leaks(bank.questions)]
        clashes += [
            (f.question.id, f.question.id) for f in duplicates(bank.questions) if f.question
        ]
        if not clashes:
            return drafts
        rank = {d.id: d.rank for d in drafts}
        worst = max((i for pair in clashes for i in pair), key=lambda i: rank[i])
        drafts = [d for d in drafts if d.id != worst]


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
