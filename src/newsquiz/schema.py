"""The JSON Schema of bank format v1, built from the format's field tables.

Editors (through yaml-language-server) use it to check a bank while a teacher
types. The loader stays the authority: some rules (an answer that must be one
of the choices, unique ids) cannot be said in JSON Schema.
"""

from __future__ import annotations

import json
from typing import Any

from newsquiz import fields as F
from newsquiz.model import QuestionType

SCHEMA_ID = "https://newsquiz.invalid/schema/newsquiz-bank-1.schema.json"

# The loader keeps every scalar as the text written, so `No` or `1.10` are
# valid texts; editors that follow YAML 1.2 may see them as booleans or numbers.
_TEXT: dict[str, Any] = {"type": ["string", "number", "boolean"]}
_PROSE: dict[str, Any] = {"type": "string", "minLength": 1}
_TEXTS: dict[str, Any] = {"type": "array", "items": _TEXT, "minItems": 1}
_DATE: dict[str, Any] = {"type": "string", "pattern": F.DATE_PATTERN, "format": "date"}
_TAGS: dict[str, Any] = {"type": "array", "items": _TEXT, "uniqueItems": True}

_QUOTE: dict[str, Any] = {
    "type": "object",
    "properties": {
        "quote": {**_PROSE, "description": "The source's words, exactly as written."},
        "translation": {**_PROSE, "description": "Shown beside the quote."},
    },
    "required": list(F.EVIDENCE_REQUIRED),
    "additionalProperties": False,
}
_EVIDENCE: dict[str, Any] = {
    "description": "A short quote (or quotes) from the source that proves the answer, "
    "word for word; each may carry its translation.",
    "anyOf": [
        _PROSE,
        _QUOTE,
        {"type": "array", "items": {"anyOf": [_PROSE, _QUOTE]}, "minItems": 1},
    ],
}

_COMMON: dict[str, dict[str, Any]] = {
    "id": {
        "type": "string",
        "pattern": F.SLUG_PATTERN,
        "description": "Unique in the bank; progress is kept by bank id and question id.",
    },
    "type": {"enum": [t.value for t in QuestionType]},
    "prompt": {**_PROSE, "description": "The question as the learner sees it."},
    "explanation": {**_PROSE, "description": "Shown after answering: why the answer is right."},
    "evidence": _EVIDENCE,
    "context": {
        **_PROSE,
        "description": "Background the source does not state; shown apart from the "
        "explanation, never counted as evidence.",
    },
    "hint": {**_PROSE, "description": "Asking for it halves the question's points."},
    "tags": _TAGS,
    "points": {"type": "number", "exclusiveMinimum": 0, "default": 1},
    "as_of": {**_DATE, "description": "The date the facts were true."},
    "draft": {
        "type": "boolean",
        "description": "Written by `newsquiz new`; check warns until a teacher removes it.",
    },
}

_FEEDBACK: dict[str, Any] = {
    "type": "object",
    "additionalProperties": _PROSE,
    "description": "Text shown when a given choice is picked.",
}
_PARTIAL: dict[str, Any] = {
    "type": "boolean",
    "default": True,
    "description": "false: all or nothing, no partial credit.",
}
_MATCH_MODE: dict[str, Any] = {
    "enum": list(F.MATCH_MODES),
    "description": "exact turns off lenient matching (case, accents, typos).",
}

_TYPE_PROPERTIES: dict[QuestionType, dict[str, dict[str, Any]]] = {
    QuestionType.CHOICE: {
        "choices": {**_TEXTS, "minItems": F.MIN_CHOICES, "uniqueItems": True},
        "answer": {**_TEXT, "description": "Exactly one of the choices."},
        "feedback": _FEEDBACK,
    },
    QuestionType.MULTI: {
        "choices": {**_TEXTS, "minItems": F.MIN_CHOICES, "uniqueItems": True},
        "answer": {
            "description": "Every right choice.",
            "anyOf": [_TEXT, {**_TEXTS, "uniqueItems": True}],
        },
        "feedback": _FEEDBACK,
        "partial": _PARTIAL,
    },
    QuestionType.TRUEFALSE: {"answer": {"type": "boolean"}},
    QuestionType.SHORT: {
        "answer": _TEXT,
        "accept": {"description": "Other accepted answers.", "anyOf": [_TEXT, _TEXTS]},
        "match": _MATCH_MODE,
    },
    QuestionType.NUMBER: {
        "answer": {"type": "number"},
        "tolerance": {"type": "number", "minimum": 0, "default": 0},
        "unit": _PROSE,
    },
    QuestionType.DATE: {
        "answer": {
            "description": "YYYY, YYYY-MM or YYYY-MM-DD: the precision asked of the learner.",
            "anyOf": [
                {"type": "string", "pattern": F.PARTIAL_DATE_PATTERN},
                {"type": "integer", "minimum": 0, "maximum": 9999},
            ],
        },
        "tolerance": {
            "type": "string",
            "pattern": F.DURATION_PATTERN,
            "description": "A duration: N day(s), N month(s) or N year(s), such as `2 days`. "
            "A response within it of the answer earns full credit; beyond it, half for the "
            "right month and year with a wrong day (or the right year with a wrong month).",
            "examples": ["2 days", "1 month", "3 years"],
        },
        "partial": {
            **_PARTIAL,
            "description": "false: no half credit for the right month and year with a "
            "wrong day (or the right year with a wrong month).",
        },
    },
    QuestionType.ORDER: {
        "items": {
            **_TEXTS,
            "minItems": F.MIN_ORDER_ITEMS,
            "uniqueItems": True,
            "description": "In the right order; they are shuffled when asked.",
        },
        "partial": _PARTIAL,
    },
    QuestionType.MATCH: {
        "pairs": {
            "type": "object",
            "minProperties": F.MIN_MATCH_PAIRS,
            "additionalProperties": _TEXT,
            "description": "Left-hand entry: its right-hand match.",
        },
        "distractors": {"anyOf": [_TEXT, _TEXTS]},
        "partial": _PARTIAL,
    },
    QuestionType.CLOZE: {
        "text": {
            **_PROSE,
            "pattern": r"\{\{[^}]+\}\}",
            "description": "Blanks are written {{answer}} or {{answer|other accepted}}.",
        },
        "match": _MATCH_MODE,
        "partial": _PARTIAL,
    },
}


def _question_variant(qtype: QuestionType) -> dict[str, Any]:
    """The schema of one question type."""
    properties = {**_COMMON, **_TYPE_PROPERTIES[qtype], "type": {"const": qtype.value}}
    required = ["id", "type"]
    if qtype is not QuestionType.CLOZE:
        required.append("prompt")
    required.extend(F.TYPE_REQUIRED[qtype])
    return {
        "title": f"{qtype.value} question",
        "type": "object",
        "properties": {name: properties[name] for name in F.COMMON_FIELDS + F.TYPE_FIELDS[qtype]},
        "required": required,
        "additionalProperties": False,
    }


def build_schema() -> dict[str, Any]:
    """The schema as a JSON-ready dictionary."""
    variants = [_question_variant(qtype) for qtype in QuestionType]
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "newsquiz question bank, format 1",
        "type": "object",
        "properties": {
            "newsquiz": {"const": 1, "description": "The format version."},
            "id": {
                "type": "string",
                "pattern": F.SLUG_PATTERN,
                "description": "Identifies the bank forever: progress is kept by it.",
            },
            "title": _PROSE,
            "language": {"type": "string", "pattern": F.LANGUAGE_PATTERN},
            "description": _PROSE,
            "as_of": _DATE,
            "source": {
                "type": "object",
                "properties": {
                    "title": _PROSE,
                    "author": _PROSE,
                    "outlet": _PROSE,
                    "published": _DATE,
                    "url": {"type": "string", "pattern": "^https?://"},
                    "file": {**_PROSE, "description": "Path of the article, relative to the bank."},
                },
                "additionalProperties": False,
            },
            "tags": _TAGS,
            "tag_labels": {
                "type": "object",
                "additionalProperties": _PROSE,
                "description": "How learners see each tag, such as {securite: Sécurité}; "
                "a tag without a label is shown as written.",
            },
            "questions": {"type": "array", "minItems": 1, "items": {"oneOf": variants}},
        },
        "required": list(F.BANK_REQUIRED),
        "additionalProperties": False,
    }


def render_schema() -> str:
    """The schema as the text shipped in the repository and printed by `newsquiz schema`."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"
