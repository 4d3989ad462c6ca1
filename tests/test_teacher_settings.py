"""`partial`, a date's `tolerance` and `tag_labels` in a bank: read, checked, in the schema."""

from __future__ import annotations

import json

import pytest

from newsquiz.loader import parse_bank
from newsquiz.model import DatePrecision, DateQuestion, Duration, MultiQuestion
from newsquiz.schema import build_schema

HEAD = "newsquiz: 1\nid: b\ntitle: B\nlanguage: fr\n"


def bank(questions: str, extra: str = "") -> tuple[object, list[str]]:
    report = parse_bank(HEAD + extra + "questions:\n" + questions, "b.yaml")
    return report.bank, [str(p) for p in report.problems]


def test_a_date_question_reads_tolerance_and_partial() -> None:
    loaded, problems = bank(
        "  - {id: d, type: date, prompt: Quand ?, answer: 2025-06-22, tolerance: 2 days,"
        " partial: false, explanation: e}\n"
    )
    assert problems == []
    question = loaded.questions[0]  # type: ignore[attr-defined]
    assert isinstance(question, DateQuestion)
    assert question.tolerance == Duration(2, DatePrecision.DAY)
    assert question.partial is False


def test_partial_false_on_a_multi_question() -> None:
    loaded, problems = bank(
        "  - {id: m, type: multi, prompt: Quoi ?, choices: [a, b, c], answer: [a, b],"
        " partial: false, explanation: e}\n"
    )
    assert problems == []
    question = loaded.questions[0]  # type: ignore[attr-defined]
    assert isinstance(question, MultiQuestion) and question.partial is False


@pytest.mark.parametrize(
    ("field", "message"),
    [
        (
            "tolerance: 2",
            "b.yaml:10:16: the tolerance of a date question is a duration such as `2 days`",
        ),
        ("tolerance: 2 weeks", "is a duration such as `2 days`, `1 month` or `3 years`"),
        ("partial: maybe", "partial must be true or false"),
    ],
)
def test_check_refuses_a_bad_tolerance_or_partial(field: str, message: str) -> None:
    loaded, problems = bank(
        "  - id: d\n    type: date\n    prompt: Quand ?\n    answer: 2025-06\n"
        f"    {field}\n    explanation: e\n"
    )
    assert loaded is None
    assert any(message in p for p in problems), problems


def test_a_tolerance_finer_than_the_answer_is_refused() -> None:
    loaded, problems = bank(
        "  - {id: d, type: date, prompt: Quand ?, answer: 2025-06, tolerance: 3 days,"
        " explanation: e}\n"
    )
    assert loaded is None
    assert any("a tolerance in days needs an answer with a day" in p for p in problems)


def test_partial_is_refused_where_there_is_no_partial_credit() -> None:
    loaded, problems = bank(
        "  - {id: c, type: choice, prompt: Qui ?, choices: [a, b], answer: a, partial: false,"
        " explanation: e}\n"
    )
    assert loaded is None
    assert any("unknown field `partial`" in p or "`partial`" in p for p in problems)


def test_tag_labels_are_read_and_an_unused_one_is_warned() -> None:
    loaded, problems = bank(
        "  - {id: c, type: truefalse, prompt: Vrai ?, answer: true, tags: [securite],"
        " explanation: e}\n",
        "tag_labels: {securite: Sécurité, economie: Économie}\n",
    )
    assert loaded is not None
    assert loaded.tag_label("securite") == "Sécurité"  # type: ignore[attr-defined]
    assert loaded.tag_label("wagner") == "wagner"  # type: ignore[attr-defined]
    assert any("`economie`, a tag no question has" in p for p in problems)


def test_the_schema_describes_partial_tolerance_and_tag_labels() -> None:
    schema = build_schema()
    assert "tag_labels" in schema["properties"]
    variants = {
        v["title"]: v["properties"] for v in schema["properties"]["questions"]["items"]["oneOf"]
    }
    date = variants["date question"]
    assert "2 days" in date["tolerance"]["examples"]
    for kind in ("multi", "order", "match", "cloze", "date"):
        assert variants[f"{kind} question"]["partial"]["type"] == "boolean"
    assert "partial" not in variants["choice question"]
    import re

    pattern = re.compile(date["tolerance"]["pattern"])
    assert pattern.match("2 days") and pattern.match("1 month") and pattern.match("3 years")
    assert not pattern.match("2 weeks")
    json.dumps(schema)
