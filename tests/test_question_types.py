"""Every question type is complete: data, loading rules, grading, fields, docs and schema.

mypy names each `match` a new type must handle; these are the places it cannot
see (tables keyed by type, and the type's own module).
"""

from __future__ import annotations

import importlib
import json
import typing

import pytest

from newsquiz import field_docs, fields, schema
from newsquiz.model import Question, QuestionType

CLASSES = {cls.type: cls for cls in typing.get_args(Question)}


@pytest.mark.parametrize("qtype", list(QuestionType), ids=lambda t: t.value)
def test_every_type_has_its_class_module_and_tables(qtype: QuestionType) -> None:
    assert qtype in CLASSES, f"no class in the Question union for {qtype.value}"
    module = importlib.import_module(f"newsquiz.questions.{qtype.value}")
    assert callable(module.read)
    assert callable(getattr(module, f"grade_{qtype.value}"))
    assert set(fields.TYPE_REQUIRED[qtype]) <= set(fields.TYPE_FIELDS[qtype])
    assert qtype in field_docs.TYPES
    assert set(field_docs.TYPE_FIELDS[qtype]) == set(fields.TYPE_FIELDS[qtype])
    assert f'"const": "{qtype.value}"' in json.dumps(schema.build_schema())


def test_the_union_holds_one_class_per_type() -> None:
    assert len(typing.get_args(Question)) == len(QuestionType) == len(CLASSES)
