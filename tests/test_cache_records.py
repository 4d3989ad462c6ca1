"""The records of the bank cache: every question comes back equal, and a record that does not
fit the model (damaged, or written by another version) is refused with a CodecError, the one
error the cache reader treats as a miss, which sends it back to the bank file: never another
error, never something that is not a question."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bank_generator import generate_bank
from newsquiz import loader
from newsquiz.bank_codec import CodecError, Decoding, Encoding, codec
from newsquiz.model import Question

CONTEXT = {"shown": "g.yaml", "resolved": "/banks/g.yaml"}


def encoded_bank() -> tuple[list[Question], list[Any], list[str]]:
    report = loader.parse_bank(generate_bank(18), path="g.yaml")
    assert report.bank is not None
    encoding = Encoding(CONTEXT)
    questions = list(report.bank.questions)
    records = [json.loads(json.dumps(codec().question[0](q, encoding))) for q in questions]
    return questions, records, encoding.strings


QUESTIONS, RECORDS, STRINGS = encoded_bank()
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 10**6) | st.floats() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=8,
)


def decode(record: Any) -> Any:
    return codec().question[1](record, Decoding(STRINGS, CONTEXT))


def test_every_question_type_comes_back_equal() -> None:
    assert len({type(q) for q in QUESTIONS}) == 9
    assert [decode(record) for record in RECORDS] == QUESTIONS


def paths(tree: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(tree, list):
        for i, item in enumerate(tree):
            found += paths(item, (*prefix, i))
    elif isinstance(tree, dict):
        for key, item in tree.items():
            found += paths(item, (*prefix, key))
    return found


def replaced(tree: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(tree, list):
        return [replaced(item, rest, value) if i == head else item for i, item in enumerate(tree)]
    return {k: replaced(item, rest, value) if k == head else item for k, item in tree.items()}


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_record_that_does_not_fit_is_refused_or_is_still_a_question(data: st.DataObject) -> None:
    number = data.draw(st.integers(0, len(RECORDS) - 1))
    record = RECORDS[number]
    where = data.draw(st.sampled_from(paths(record)))
    value = data.draw(json_values)
    try:
        question = decode(replaced(record, where, value))
    except CodecError:  # the one error a damaged record raises: the reader falls back
        return
    assert isinstance(question, Question)
