"""The Goïta-at-the-Kremlin question banks, French and English.

These tests read the YAML as written (every scalar kept as text) rather than
through the package's loader, so they check the content a learner sees: that
both languages ask the same questions, that every quoted piece of evidence is
really in the article, and that no answer can be guessed from its position,
its length or another question's wording.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
BANKS = {
    "fr": REPO / "quizzes" / "goita-kremlin-2025.fr.yaml",
    "en": REPO / "quizzes" / "goita-kremlin-2025.en.yaml",
}
ARTICLE = REPO.parent / "shared" / "articles" / "goita-kremlin-2025.fr.txt"

QUESTION_TYPES = (
    "choice",
    "multi",
    "truefalse",
    "short",
    "number",
    "date",
    "order",
    "match",
    "cloze",
)
MAX_EVIDENCE_WORDS = 12
MIN_LEAK_LENGTH = 5
BLANK = re.compile(r"\{\{(.*?)\}\}")


def read_raw(path: Path) -> dict:
    # CBaseLoader keeps every scalar as the text written (no YAML 1.1 booleans or dates).
    with path.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=yaml.CBaseLoader)


@pytest.fixture(scope="module")
def banks() -> dict[str, dict]:
    return {lang: read_raw(path) for lang, path in BANKS.items()}


@pytest.fixture(scope="module")
def article_text() -> str:
    if not ARTICLE.is_file():
        pytest.skip(
            f"article not found at {ARTICLE}: the evidence check needs ../shared/articles "
            "beside the checkout"
        )
    return ARTICLE.read_text(encoding="utf-8")


def evidence_entries(question: dict) -> list[dict]:
    """Each piece of evidence as {quote, translation?}, however it is written."""
    evidence = question.get("evidence")
    if evidence is None:
        return []
    entries = evidence if isinstance(evidence, list) else [evidence]
    return [{"quote": e} if isinstance(e, str) else e for e in entries]


def evidence_quotes(question: dict) -> list[str]:
    return [entry["quote"] for entry in evidence_entries(question)]


def word_count(quote: str) -> int:
    # Guillemets and dashes standing alone are punctuation, not words.
    return sum(1 for token in quote.split() if any(ch.isalnum() for ch in token))


def fold(text: str) -> str:
    """Lower case, no accents, one kind of apostrophe: how a reader compares wording."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def answers_to_hide(question: dict) -> list[str]:
    """Answers a learner types or picks, that no other question may give away."""
    kind = question["type"]
    found: list[str] = []
    if kind == "choice":
        found.append(question["answer"])
    elif kind == "short":
        found.append(question["answer"])
        found.extend(question.get("accept", []))
    elif kind == "cloze":
        for blank in BLANK.findall(question["text"]):
            found.extend(blank.split("|"))
    elif kind == "date" and re.fullmatch(r"\d{4}", question["answer"]):
        found.append(question["answer"])
    # Short words ("Mali", "2020" as part of a date...) are not a give-away by themselves,
    # but a bare year is exactly what a date question asks, so years are always kept.
    return [a for a in found if len(a.strip()) >= MIN_LEAK_LENGTH or re.fullmatch(r"\d{4}", a)]


def shown_text(question: dict) -> str:
    """What the learner reads before answering: the prompt, and for a cloze the text
    with its blanks emptied (a cloze's text is its prompt). Choices, items and pairs
    are shown too, so they count as well."""
    parts = [question.get("prompt", "")]
    if "text" in question:
        parts.append(BLANK.sub("___", question["text"]))
    parts.extend(question.get("choices", []))
    parts.extend(question.get("items", []))
    pairs = question.get("pairs", {})
    parts.extend(pairs.keys())
    parts.extend(pairs.values())
    parts.extend(question.get("distractors", []))
    return "\n".join(parts)


def test_each_language_has_its_own_bank_id_and_language(banks):
    assert banks["fr"]["language"] == "fr"
    assert banks["en"]["language"] == "en"
    # progress is stored by bank id: the two translations must not share it
    assert banks["fr"]["id"] != banks["en"]["id"]
    for bank in banks.values():
        assert bank["as_of"] == "2025-06-23"
        assert bank["source"]["published"] == "2025-06-23"
        assert bank["source"]["author"] == "Médard Clobechi"


def test_both_languages_ask_the_same_questions_in_the_same_order(banks):
    fr = [(q["id"], q["type"]) for q in banks["fr"]["questions"]]
    en = [(q["id"], q["type"]) for q in banks["en"]["questions"]]
    assert fr == en


@pytest.mark.parametrize("lang", sorted(BANKS))
def test_bank_is_long_enough_and_uses_every_question_type_twice(banks, lang):
    questions = banks[lang]["questions"]
    assert len(questions) >= 30
    counts = Counter(q["type"] for q in questions)
    rare = {kind: counts[kind] for kind in QUESTION_TYPES if counts[kind] < 2}
    assert not rare, f"question types used fewer than twice: {rare}"


@pytest.mark.parametrize("lang", sorted(BANKS))
def test_every_question_explains_proves_and_is_tagged(banks, lang):
    incomplete = [
        q["id"]
        for q in banks[lang]["questions"]
        if not (q.get("explanation", "").strip() and evidence_quotes(q) and q.get("tags"))
    ]
    assert not incomplete, f"missing explanation, evidence or tags: {incomplete}"


def test_evidence_is_the_same_french_quote_in_both_languages(banks):
    fr = {q["id"]: evidence_quotes(q) for q in banks["fr"]["questions"]}
    en = {q["id"]: evidence_quotes(q) for q in banks["en"]["questions"]}
    differing = [qid for qid in fr if fr[qid] != en.get(qid)]
    assert not differing, f"evidence differs between fr and en: {differing}"


@pytest.mark.parametrize("lang", sorted(BANKS))
def test_evidence_is_quoted_verbatim_from_the_article(banks, article_text, lang):
    problems = []
    for q in banks[lang]["questions"]:
        for quote in evidence_quotes(q):
            if quote not in article_text:
                problems.append(f"{q['id']}: not in the article: {quote!r}")
            if word_count(quote) > MAX_EVIDENCE_WORDS:
                problems.append(f"{q['id']}: more than {MAX_EVIDENCE_WORDS} words: {quote!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", sorted(BANKS))
def test_right_answer_is_not_usually_the_first_choice(banks, lang):
    choice = [q for q in banks[lang]["questions"] if q["type"] == "choice"]
    first = [q["id"] for q in choice if q["choices"].index(q["answer"]) == 0]
    assert len(first) <= len(choice) / 3, f"answer listed first in {first} of {len(choice)}"


@pytest.mark.parametrize("lang", sorted(BANKS))
def test_right_answer_is_not_usually_the_longest_choice(banks, lang):
    choice = [q for q in banks[lang]["questions"] if q["type"] == "choice"]
    longest = [
        q["id"]
        for q in choice
        if all(len(q["answer"]) > len(c) for c in q["choices"] if c != q["answer"])
    ]
    assert len(longest) <= len(choice) / 3, f"answer is the longest in {longest} of {len(choice)}"


@pytest.mark.parametrize("lang", sorted(BANKS))
def test_no_question_gives_away_another_questions_answer(banks, lang):
    questions = banks[lang]["questions"]
    leaks = []
    for q in questions:
        for answer in answers_to_hide(q):
            needle = fold(answer.strip())
            for other in questions:
                if other is not q and needle in fold(shown_text(other)):
                    leaks.append(f"answer {answer!r} of {q['id']} appears in {other['id']}")
    # the bank's own title and description are on screen before any question
    header = fold(f"{banks[lang]['title']}\n{banks[lang].get('description', '')}")
    for q in questions:
        leaks.extend(
            f"answer {answer!r} of {q['id']} appears in the bank title or description"
            for answer in answers_to_hide(q)
            if fold(answer.strip()) in header
        )
    assert not leaks, "\n".join(leaks)


def test_every_quote_of_the_english_edition_carries_its_translation(banks):
    untranslated = [
        f"{q['id']}: {entry['quote']!r}"
        for q in banks["en"]["questions"]
        for entry in evidence_entries(q)
        if not str(entry.get("translation", "")).strip()
    ]
    assert not untranslated, "quotes without a translation:\n" + "\n".join(untranslated)


def test_the_loaded_english_bank_keeps_quote_and_translation_apart():
    from newsquiz.loader import load_bank

    bank = load_bank(BANKS["en"])
    question = next(q for q in bank.questions if q.id == "remplacant-wagner")
    (evidence,) = question.evidence
    assert evidence.quote == "Wagner a été remplacé par Africa Corps, une nouvelle structure"
    assert evidence.translation == "Wagner was replaced by Africa Corps, a new structure"
    assert question.context is not None and "Prigozhin" in question.context
    assert "Prigozhin" not in (question.explanation or "")


@pytest.mark.parametrize("lang", sorted(BANKS))
def test_who_met_whom_and_where_are_asked_and_not_given_away(banks, lang):
    questions = {q["id"]: q for q in banks[lang]["questions"]}
    who, where = questions["recu-par"], questions["lieu-rencontre"]
    assert "Putin" in who["answer"] or "Poutine" in who["answer"]
    assert "Kremlin" in where["answer"]
    # No other question says where they met, or that Putin took part in the talks,
    # before it is answered.
    for other in questions.values():
        if other["id"] in ("recu-par", "lieu-rencontre"):
            continue
        shown = fold(shown_text(other) + "\n" + other.get("hint", ""))
        assert "kremlin" not in shown, other["id"]
        if other["type"] != "match":  # who said what is its own question
            assert "poutine" not in shown and "putin" not in shown, other["id"]


@pytest.mark.parametrize("lang", sorted(BANKS))
def test_true_false_questions_are_not_all_true(banks, lang):
    answers = [q["answer"] for q in banks[lang]["questions"] if q["type"] == "truefalse"]
    assert "true" in answers and answers.count("false") >= len(answers) / 2


def test_quotes_shown_in_prompts_are_the_articles_words(banks, article_text):
    # qui-a-dit shows pieces of the two statements: they must be the article's own words.
    pieces = [
        key.strip("«» …")
        for key in next(q for q in banks["fr"]["questions"] if q["id"] == "qui-a-dit")["pairs"]
    ]
    assert pieces and all(piece in article_text for piece in pieces), pieces


@pytest.mark.parametrize("lang", sorted(BANKS))
def test_explanations_are_folded_blocks_and_the_source_invents_nothing(banks, lang):
    raw = BANKS[lang].read_text(encoding="utf-8")
    inline = [
        line.strip()[:50]
        for line in raw.splitlines()
        if re.match(r"\s+(explanation|context): (?!>-$)\S", line)
    ]
    assert not inline, f"write explanations and context as folded blocks (>-): {inline}"
    # The article gives its author and the day it reports on; no outlet, title or address.
    assert set(banks[lang]["source"]) == {"author", "published"}


def test_every_sentence_of_the_article_is_asked_about(banks, article_text):
    # A sentence is covered when some question quotes it as evidence.
    quotes = {quote for q in banks["fr"]["questions"] for quote in evidence_quotes(q)}
    sentences = [
        s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", article_text) if len(s.split()) > 1
    ]
    uncovered = [s[:60] for s in sentences if not any(quote in s for quote in quotes)]
    assert not uncovered, f"sentences no question asks about: {uncovered}"
