"""Write a bank as newsquiz YAML (format 1), the way a teacher would write it.

Every text is a double-quoted scalar, so no YAML 1.1 surprise (``No``,
``2025-06-23``, ``1.10``) can change it; numbers, booleans and dates are
written plain, as the loader reads them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from newsquiz.model import (
    FORMAT_VERSION,
    Bank,
    ChoiceQuestion,
    ClozeQuestion,
    DateQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    Question,
    ShortQuestion,
    TrueFalseQuestion,
    assert_never,
    closed,
)

_UNSAFE = {"\u0085": "\\N", "\u2028": "\\L", "\u2029": "\\P", "\ufeff": "\\uFEFF"}


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's, plus a few)."""
    dumped = json.dumps(text, ensure_ascii=False)
    for char, escape in _UNSAFE.items():
        dumped = dumped.replace(char, escape)
    return dumped


def number(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def bank_yaml(bank: Bank, *, header: str = "") -> str:
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    lines += [
        f"newsquiz: {FORMAT_VERSION}",
        f"id: {bank.id}",
        f"title: {quoted(bank.title)}",
        f"language: {bank.language}",
    ]
    if bank.description:
        lines.append(f"description: {quoted(bank.description)}")
    if bank.tags:
        lines.append(f"tags: [{', '.join(quoted(t) for t in bank.tags)}]")
    lines.append("questions:")
    for question in bank.questions:
        lines.append("")
        lines.extend(_question(question, bank.tags))
    return "\n".join(lines) + "\n"


def _question(question: Question, bank_tags: tuple[str, ...]) -> Iterator[str]:
    yield f"  - id: {question.id}"
    yield f"    type: {question.type.value}"
    if question.prompt:
        yield f"    prompt: {quoted(question.prompt)}"
    for line in _body(question):
        yield f"    {line}"
    if question.explanation:
        yield f"    explanation: {quoted(question.explanation)}"
    if question.evidence:
        yield "    evidence:"
        for e in question.evidence:
            if e.translation:
                yield f"      - {{quote: {quoted(e.quote)}, translation: {quoted(e.translation)}}}"
            else:
                yield f"      - {quoted(e.quote)}"
    if question.context:
        yield f"    context: {quoted(question.context)}"
    if question.hint:
        yield f"    hint: {quoted(question.hint)}"
    own = [t for t in question.tags if t not in bank_tags]
    if own:
        yield f"    tags: [{', '.join(quoted(t) for t in own)}]"
    if question.points != 1:
        yield f"    points: {number(question.points)}"
    if question.as_of:
        yield f"    as_of: {question.as_of.isoformat()}"


def _listed(name: str, values: tuple[str, ...]) -> Iterator[str]:
    yield f"{name}:"
    yield from (f"  - {quoted(v)}" for v in values)


def _feedback(feedback: dict[str, str]) -> Iterator[str]:
    if feedback:
        yield "feedback:"
        yield from (f"  {quoted(k)}: {quoted(v)}" for k, v in feedback.items())


def _body(question: Question) -> Iterator[str]:
    item = closed(question)
    match item:
        case ChoiceQuestion():
            yield from _listed("choices", item.choices)
            yield f"answer: {quoted(item.answer)}"
            yield from _feedback(dict(item.feedback))
        case MultiQuestion():
            yield from _listed("choices", item.choices)
            yield from _listed("answer", item.answers)
            yield from _feedback(dict(item.feedback))
        case TrueFalseQuestion():
            yield f"answer: {'true' if item.answer else 'false'}"
        case ShortQuestion():
            yield f"answer: {quoted(item.answer)}"
            if item.accept:
                yield from _listed("accept", item.accept)
            if item.exact:
                yield "match: exact"
        case NumberQuestion():
            yield f"answer: {number(item.answer)}"
            if item.tolerance:
                yield f"tolerance: {number(item.tolerance)}"
            if item.unit:
                yield f"unit: {quoted(item.unit)}"
        case DateQuestion():
            yield f"answer: {item.answer.isoformat()}"
        case OrderQuestion():
            yield from _listed("items", item.items)
        case MatchQuestion():
            yield "pairs:"
            yield from (f"  {quoted(left)}: {quoted(right)}" for left, right in item.pairs)
            if item.distractors:
                yield from _listed("distractors", item.distractors)
        case ClozeQuestion():
            yield f"text: {quoted(item.text)}"
            if item.exact:
                yield "match: exact"
        case _:
            assert_never(item)
