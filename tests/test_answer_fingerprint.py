"""A teacher's edit keeps the learners' progress unless it changes what the question asks to know.

Each row edits the starting bank (one question of each type) as a teacher would,
and says whether a learner's schedule for that question should survive the edit.
"""

from __future__ import annotations

import pytest

from newsquiz.drafting.template import TEMPLATES
from newsquiz.loader import parse_bank
from newsquiz.model import Question
from newsquiz.scheduler import answer_fingerprint

BANK = TEMPLATES["en"]

EDITS = [
    # question id, text in the bank, replaced by, progress kept?
    ("who-received", 'answer: "Vladimir Putin"', 'answer: "Dmitri Medvedev"', False),
    ("who-received", '"Sergueï Lavrov", ', '"Sergueï Lavrov", "Mikhail Mishustin", ', True),
    ("sectors", 'answer: ["Defence", "Transport"]', 'answer: ["Transport", "Defence"]', True),
    ("sectors", 'answer: ["Defence", "Transport"]', 'answer: ["Defence"]', False),
    ("official-visit", "it was an official visit.", "it was an official visit?", True),
    ("official-visit", "answer: true", "answer: false", False),
    ("replaced-wagner", 'answer: "Africa Corps"', 'answer: "africa corps"', True),
    ("replaced-wagner", 'answer: "Africa Corps"', 'answer: "Wagner"', False),
    ("days-in-moscow", "how many nights", "how many nights exactly", True),
    ("days-in-moscow", "answer: 4", "answer: 5", False),
    ("days-in-moscow", "tolerance: 0", "tolerance: 1", False),
    ("wagner-since", "Since what year", "In what year", True),
    ("wagner-since", "answer: 2021\n", "answer: 2020\n", False),
    ("events-in-order", '"Wagner leaves Mali"', '"Wagner  leaves Mali"', True),
    (
        "events-in-order",
        '"The coups in Mali", "Wagner leaves Mali"',
        '"Wagner leaves Mali", "The coups in Mali"',
        False,
    ),
    ("who-is-who", '"Russian president"', '"Russian President"', True),
    ("who-is-who", '"Russian president"', '"Russian prime minister"', False),
    ("replaced-by", "Wagner was replaced by", "In Mali, Wagner was replaced by", True),
    ("replaced-by", "{{Africa Corps|Africa Korps}}", "{{Africa Corps}}", True),
    ("replaced-by", "{{Africa Corps|Africa Korps}}", "{{Africa Korps|Africa Corps}}", False),
]


def questions(text: str) -> dict[str, Question]:
    report = parse_bank(text)
    assert report.bank is not None, [p.message for p in report.problems]
    return {q.id: q for q in report.bank.questions}


BEFORE = questions(BANK)


@pytest.mark.parametrize(("qid", "old", "new", "kept"), EDITS)
def test_an_edit_keeps_progress_only_when_the_answer_is_the_same(
    qid: str, old: str, new: str, kept: bool
) -> None:
    assert BANK.count(old) == 1, old
    after = questions(BANK.replace(old, new))
    assert after[qid] != BEFORE[qid]
    assert (answer_fingerprint(after[qid]) == answer_fingerprint(BEFORE[qid])) is kept
    for other, question in BEFORE.items():
        if other != qid:
            assert answer_fingerprint(after[other]) == answer_fingerprint(question)


def test_every_type_of_the_starting_bank_is_edited() -> None:
    assert {BEFORE[qid].type for qid, *_ in EDITS} == {q.type for q in BEFORE.values()}
    assert len({q.type for q in BEFORE.values()}) == 9


def test_two_questions_with_the_same_answer_of_different_types_differ() -> None:
    fingerprints = {answer_fingerprint(q) for q in BEFORE.values()}
    assert len(fingerprints) == len(BEFORE)
