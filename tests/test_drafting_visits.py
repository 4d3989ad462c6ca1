"""`newsquiz new` on articles other than the seed: a headline, a byline, `la veille`,
an appositive title, a list after a verb (issue 12, the tester's findings)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from newsquiz.drafting.assemble import draft_bank
from newsquiz.drafting.text import tokenize
from newsquiz.loader import parse_bank

ARTICLES = Path(__file__).parent / "data" / "articles"
VISITS = {"fr": "lisbonne-visite.fr.txt", "en": "lisbon-visit.en.txt"}
# The places of each article, that must never be drafted as people.
PLACES = {"fr": {"Paris", "France"}, "en": {"Lisbon", "Porto"}}


def article(language: str) -> str:
    return (ARTICLES / VISITS[language]).read_text(encoding="utf-8")


def drafted_from(text: str) -> dict:
    return yaml.safe_load(draft_bank(text, name="visit", source_file="visit.txt").text)


def drafted(language: str) -> dict:
    return drafted_from(article(language))


def people_named(bank: dict) -> set[str]:
    """Every string a question offers or expects as a person."""
    named: set[str] = set()
    for question in bank.get("questions") or []:
        if question["type"] == "match":
            named |= set(question["pairs"])
        if question["type"] in ("choice", "short") and question["id"].startswith(
            ("said", "who", "met", "received", "replaced")
        ):
            named |= {question["answer"], *question.get("choices", [])}
    return named


@pytest.mark.parametrize("language", ["fr", "en"])
def test_drafts_pass_check_and_quote_the_article(language: str) -> None:
    text = article(language)
    report = parse_bank(draft_bank(text, name="visit", source_file="visit.txt").text)
    assert report.bank is not None
    assert not report.errors
    for question in drafted(language)["questions"]:
        for quote in question["evidence"]:
            assert quote in text, quote


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_headline_place_is_never_drafted_as_a_person(language: str) -> None:
    bank = drafted(language)
    named = people_named(bank)
    assert not named & PLACES[language]
    # a title is followed by a real name: `Prime Minister` alone is nobody
    assert not {n for n in named if n.split()[-1] in ("Minister", "ministre")}
    for question in bank["questions"]:
        prompt = str(question.get("prompt", ""))
        assert not prompt.rstrip(" ?").endswith((" à", " in", " at", " to")), prompt


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Le président kényan reçu à Nairobi.\n"
            "Le ministre tchadien Ali Mahamat et la ministre nigérienne Aïcha Issa l'accueillent.\n",
            "Nairobi",
        ),
        (
            "The Kenyan president arrived in Nairobi.\n"
            "The Chadian minister Ali Mahamat and the Niger minister Aisha Issa met him.\n",
            "Nairobi",
        ),
    ],
)
def test_a_place_after_a_preposition_is_not_a_person(text: str, place: str) -> None:
    named = people_named(drafted_from(text))
    assert "Ali Mahamat" in named
    assert place not in named


@pytest.mark.parametrize(
    ("language", "words", "day"),
    [("fr", "la veille", "2025-10-14"), ("en", "The day before", "2026-03-03")],
)
def test_the_day_before_is_asked_even_when_the_byline_gives_that_date(
    language: str, words: str, day: str
) -> None:
    dates = [q for q in drafted(language)["questions"] if q["type"] == "date"]
    relative = [q for q in dates if any(words in e for e in q["evidence"])]
    assert [q["answer"] for q in relative] == [day]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Le 2 mars 2026, le sommet a ouvert ses portes aux délégations.\n"
            "Le mercredi 4 mars, les ministres ont signé un accord commercial.\n"
            "La veille, les négociateurs avaient travaillé toute la nuit sur le texte.\n",
            "2026-03-03",
        ),
        (
            "On March 2, 2026, the summit opened its doors to the delegations.\n"
            "On Wednesday, March 4, the ministers signed a trade agreement.\n"
            "The negotiators had worked all night on the text the previous day.\n",
            "2026-03-03",
        ),
    ],
)
def test_the_day_before_a_date_without_its_year_is_resolved(text: str, day: str) -> None:
    dates = [q for q in drafted_from(text)["questions"] if q["type"] == "date"]
    assert day in [q["answer"] for q in dates if "hint" in q]


@pytest.mark.parametrize(("language", "name"), [("fr", "Anne Hidalgo"), ("en", "Carlos Moedas")])
def test_received_by_a_title_then_a_name_asks_for_the_name(language: str, name: str) -> None:
    bank = drafted(language)
    received = [q for q in bank["questions"] if q["id"].startswith("received")]
    assert received
    for question in received:
        answer = question.get("answer") or question["text"].split("{{")[1].split("}}")[0]
        assert answer == name


@pytest.mark.parametrize(
    ("language", "items", "verb"),
    [
        ("fr", {"Pêche", "Commerce", "Santé", "Éducation"}, "portent"),
        ("en", {"Fishing", "Shipping", "Energy", "Tourism"}, "cover"),
    ],
)
def test_list_items_are_the_listed_nouns_only(language: str, items: set[str], verb: str) -> None:
    lists = [q for q in drafted(language)["questions"] if q["type"] == "multi"]
    assert lists
    for question in lists:
        assert set(question["answer"]) <= items
        assert not [c for c in question["choices"] if verb in c]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_blank_always_comes_with_words_to_answer_from(language: str) -> None:
    bank = drafted(language)
    blanked = [str(q["prompt"]) for q in bank["questions"] if "___" in str(q.get("prompt", ""))]
    assert blanked
    for prompt in blanked:
        quoted = prompt[max(prompt.rfind("«"), prompt.rfind("“")) + 1 :]
        assert sum(t.is_word for t in tokenize(quoted.replace("___", " "))) >= 4, prompt
