"""The vocabulary of bank format v1: which fields exist where.

The loader checks banks against these tables and the JSON Schema is built from
them, so a field added here is known to both.
"""

from __future__ import annotations

from newsquiz.model import QuestionType

# The largest bank file read: a bank is a text file of questions, not a dump.
MAX_BANK_BYTES = 16 * 1024 * 1024

BANK_FIELDS: tuple[str, ...] = (
    "newsquiz",
    "id",
    "title",
    "language",
    "description",
    "as_of",
    "source",
    "tags",
    "tag_labels",
    "questions",
)
BANK_REQUIRED: tuple[str, ...] = ("newsquiz", "id", "title", "language", "questions")

SOURCE_FIELDS: tuple[str, ...] = ("title", "author", "outlet", "published", "url", "file")

EVIDENCE_FIELDS: tuple[str, ...] = ("quote", "translation")
EVIDENCE_REQUIRED: tuple[str, ...] = ("quote",)

COMMON_FIELDS: tuple[str, ...] = (
    "id",
    "type",
    "prompt",
    "explanation",
    "evidence",
    "context",
    "hint",
    "tags",
    "points",
    "as_of",
    "draft",
)

TYPE_FIELDS: dict[QuestionType, tuple[str, ...]] = {
    QuestionType.CHOICE: ("choices", "answer", "feedback"),
    QuestionType.MULTI: ("choices", "answer", "feedback", "partial"),
    QuestionType.TRUEFALSE: ("answer",),
    QuestionType.SHORT: ("answer", "accept", "match"),
    QuestionType.NUMBER: ("answer", "tolerance", "unit"),
    QuestionType.DATE: ("answer", "tolerance", "partial"),
    QuestionType.ORDER: ("items", "partial"),
    QuestionType.MATCH: ("pairs", "distractors", "partial"),
    QuestionType.CLOZE: ("text", "match", "partial"),
}

TYPE_REQUIRED: dict[QuestionType, tuple[str, ...]] = {
    QuestionType.CHOICE: ("choices", "answer"),
    QuestionType.MULTI: ("choices", "answer"),
    QuestionType.TRUEFALSE: ("answer",),
    QuestionType.SHORT: ("answer",),
    QuestionType.NUMBER: ("answer",),
    QuestionType.DATE: ("answer",),
    QuestionType.ORDER: ("items",),
    QuestionType.MATCH: ("pairs",),
    QuestionType.CLOZE: ("text",),
}

MATCH_MODES: tuple[str, ...] = ("lenient", "exact")

MIN_CHOICES = 2
MIN_ORDER_ITEMS = 3
MIN_MATCH_PAIRS = 2
# At most as many choices, items or pairs as there are letters A-Z to label
# them on screen (a match question labels its left-hand side A, B, C...).
MAX_OPTIONS = 26
# Points a question is worth: shown to two decimals, summed over a session.
MIN_POINTS = 0.01
MAX_POINTS = 1000.0
# Tags on a bank or a question: every question of a bank carries the bank's.
MAX_TAGS = 50

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$"
PARTIAL_DATE_PATTERN = r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
DURATION_PATTERN = r"^\s*\d{1,5}\s*(?:[Dd][Aa][Yy]|[Mm][Oo][Nn][Tt][Hh]|[Yy][Ee][Aa][Rr])[Ss]?\s*$"


def all_question_fields() -> tuple[str, ...]:
    seen = dict.fromkeys(COMMON_FIELDS)
    for names in TYPE_FIELDS.values():
        seen.update(dict.fromkeys(names))
    return tuple(seen)


def types_using(field_name: str) -> tuple[QuestionType, ...]:
    return tuple(t for t, names in TYPE_FIELDS.items() if field_name in names)
