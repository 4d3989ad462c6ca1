"""Thousands of generated and mutated banks: only the loader's own verdicts come out."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bank_generator import generate_bank
from newsquiz.diagnostics import Severity
from newsquiz.loader import parse_bank

SEED_BANK = generate_bank(9)

scalars = st.one_of(
    st.text(max_size=20),
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none(),
    st.dates(),
    st.sampled_from(
        [
            "choice",
            "multi",
            "truefalse",
            "short",
            "number",
            "date",
            "order",
            "match",
            "cloze",
            "{{x}}",
            "{{",
            "[/]",
            "No",
            "1.10",
            "2025-02-30",
        ]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "type",
                    "prompt",
                    "answer",
                    "choices",
                    "items",
                    "pairs",
                    "text",
                    "tags",
                    "points",
                    "x",
                ]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=12,
)


@st.composite
def generated_banks(draw: st.DrawFn) -> str:
    question = draw(
        st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "type",
                    "prompt",
                    "answer",
                    "choices",
                    "items",
                    "pairs",
                    "text",
                    "accept",
                    "tolerance",
                    "feedback",
                    "distractors",
                    "match",
                    "hint",
                    "evidence",
                    "explanation",
                    "points",
                    "as_of",
                    "tags",
                    "unit",
                    "bogus",
                ]
            ),
            values,
            max_size=8,
        )
    )
    bank = {
        "newsquiz": draw(st.sampled_from([1, 2, "1", None])),
        "id": draw(st.sampled_from(["ok", "Not Ok", None])),
        "title": draw(scalars),
        "language": draw(st.sampled_from(["fr", "en", "xx-YY", "", None])),
        "questions": draw(st.lists(st.just(question), max_size=3)),
    }
    return yaml.safe_dump(bank, allow_unicode=True)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated_banks())
def test_generated_banks_give_a_report_never_an_exception(text: str) -> None:
    report = parse_bank(text)
    assert (report.bank is None) == any(p.severity is Severity.ERROR for p in report.problems)
    assert all(p.line >= 1 and p.column >= 1 for p in report.problems)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=len(SEED_BANK)),
            st.integers(min_value=0, max_value=8),
            st.text(alphabet=":-[]{}&*!|>'\"#?,\n \t%@`\\x1b{}yesNo0.", max_size=6),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_mutated_banks_give_a_report_never_an_exception(
    edits: list[tuple[int, int, str]],
) -> None:
    text = SEED_BANK
    for position, cut, insert in edits:
        text = text[:position] + insert + text[position + cut :]
    report = parse_bank(text)
    assert (report.bank is None) == any(p.severity is Severity.ERROR for p in report.problems)
    if report.bank is not None:
        assert len(report.bank.questions) >= 1


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_give_a_report(tmp_path_factory: object, data: bytes) -> None:
    path = Path(str(tmp_path_factory.mktemp("b"))) / "b.yaml"  # type: ignore[attr-defined]
    path.write_bytes(data)
    from newsquiz.loader import read_bank

    report = read_bank(path)
    assert report.bank is not None or report.problems
