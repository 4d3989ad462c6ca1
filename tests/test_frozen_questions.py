"""A loaded question cannot be changed behind the bank's back, its per-choice feedback included."""

from __future__ import annotations

import dataclasses

import pytest

from newsquiz.loader import parse_bank
from newsquiz.model import ChoiceQuestion, MultiQuestion

BANK = """\
newsquiz: 1
id: frozen
title: Frozen
language: en
questions:
  - id: capital
    type: choice
    prompt: The capital of Mali?
    choices: [Bamako, Dakar]
    answer: Bamako
    feedback: {Dakar: "Dakar is the capital of Senegal."}
  - id: cities
    type: multi
    prompt: Cities of Mali?
    choices: [Bamako, Gao, Dakar]
    answer: [Bamako, Gao]
    feedback: {Dakar: "Dakar is in Senegal."}
"""


def test_feedback_of_a_loaded_question_cannot_be_changed() -> None:
    bank = parse_bank(BANK).bank
    assert bank is not None
    for question in bank.questions:
        assert isinstance(question, (ChoiceQuestion, MultiQuestion))
        with pytest.raises(TypeError):
            question.feedback["Dakar"] = "changed"  # type: ignore[index]
        with pytest.raises(dataclasses.FrozenInstanceError):
            question.feedback = {}  # type: ignore[misc]
        assert question.feedback["Dakar"].startswith("Dakar is")


def test_a_question_built_from_a_dict_keeps_its_own_copy() -> None:
    given = {"Dakar": "Senegal's capital."}
    question = ChoiceQuestion(
        id="c", prompt="Capital?", choices=("Bamako", "Dakar"), answer="Bamako", feedback=given
    )
    given["Dakar"] = "changed"
    assert question.feedback == {"Dakar": "Senegal's capital."}
    assert question == dataclasses.replace(question)
