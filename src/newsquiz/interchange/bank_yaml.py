"""Write a bank as newsquiz YAML (format 1), the way a teacher would write it.

Every text is a double-quoted scalar, so no YAML 1.1 surprise (``No``,
``2025-06-23``, ``1.10``) can change it; numbers, booleans and dates are
written plain, as the loader reads them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from newsquiz import model
from newsquiz.model import FORMAT_VERSION, Bank, Question

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
    match question:
        case model.ChoiceQuestion():
            yield from _listed("choices", question.choices)
            yield f"answer: {quoted(question.answer)}"
            yield from _feedback(dict(question.feedback))
        case model.MultiQuestion():
            yield from _listed("choices", question.choices)
            yield from _listed("answer", question.answers)
            yield from _feedback(dict(question.feedback))
        case model.TrueFalseQuestion():
            yield f"answer: {'true' if question.answer else 'false'}"
        case model.ShortQuestion():
            yield f"answer: {quoted(question.answer)}"
            if question.accept:
                yield from _listed("accept", question.accept)
            if question.exact:
                yield "match: exact"
        case model.NumberQuestion():
            yield f"answer: {number(question.answer)}"
            if question.tolerance:
                yield f"tolerance: {number(question.tolerance)}"
            if question.unit:
                yield f"unit: {quoted(question.unit)}"
        case model.DateQuestion():
            yield f"answer: {question.answer.isoformat()}"
        case model.OrderQuestion():
            yield from _listed("items", question.items)
        case model.MatchQuestion():
            yield "pairs:"
            yield from (f"  {quoted(left)}: {quoted(right)}" for left, right in question.pairs)
            if question.distractors:
                yield from _listed("distractors", question.distractors)
        case model.ClozeQuestion():
            yield f"text: {quoted(question.text)}"
            if question.exact:
                yield "match: exact"
        case _:
            model.assert_never(question)
