"""The questions of a bank read from the cache: built one by one when asked for, yet the
same sequence as the questions read from the file, in every way a caller can look."""

from __future__ import annotations

import json
from array import array
from pathlib import Path
from typing import Any

import pytest

from bank_generator import generate_bank
from newsquiz import loader
from newsquiz.bank_cache import BankCache
from newsquiz.lazy_questions import LazyQuestions
from newsquiz.model import Question, TrueFalseQuestion


def test_cached_questions_are_the_questions_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "generated.yaml"
    path.write_text(generate_bank(12), encoding="utf-8")
    cache = BankCache(tmp_path / "cache")
    cache.read(path, shown_as="g.yaml")  # written
    cached = cache.read(path, shown_as="g.yaml").bank
    expected = loader.read_bank(path, shown_as="g.yaml").bank
    assert cached is not None and expected is not None
    questions, wanted = cached.questions, tuple(expected.questions)
    assert isinstance(questions, LazyQuestions)
    assert repr(questions) == "LazyQuestions(12 questions)"
    assert questions[-1] == wanted[-1] and questions[3] == wanted[3]
    assert questions[2:9:3] == wanted[2:9:3]
    assert list(questions) == list(wanted)
    assert questions == wanted and questions == list(wanted) and questions != "not questions"
    assert hash(questions) == hash(wanted)
    with pytest.raises(IndexError):
        questions[12]


TRUE = [TrueFalseQuestion(id=f"q{n}", prompt=f"Statement {n}.", answer=True) for n in range(3)]


def records(questions: list[TrueFalseQuestion]) -> tuple[bytes, array[int]]:
    lines = [json.dumps({"id": q.id, "prompt": q.prompt}).encode() + b"\n" for q in questions]
    starts = array("I", [0])
    for line in lines:
        starts.append(starts[-1] + len(line))
    return b"".join(lines), starts


def decode(record: Any, _context: object) -> Question:
    if record["id"] == "q1":
        raise KeyError("a record this version cannot read")
    return TrueFalseQuestion(id=record["id"], prompt=record["prompt"], answer=True)


def test_a_record_that_cannot_be_read_is_read_again_from_the_bank() -> None:
    body, starts = records(TRUE)
    questions = LazyQuestions(body, starts, decode, None, lambda: tuple(TRUE))
    assert questions[0] == TRUE[0]
    assert questions[1] == TRUE[1]  # from the bank file itself
    assert list(questions) == TRUE


def test_a_bank_that_changed_meanwhile_is_not_mixed_with_the_cache() -> None:
    body, starts = records(TRUE)
    questions = LazyQuestions(body, starts, decode, None, lambda: tuple(TRUE[:2]))
    with pytest.raises(RuntimeError, match="the bank changed while it was being read"):
        questions[1]
