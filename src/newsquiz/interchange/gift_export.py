"""Write a bank as GIFT that Moodle imports, and that ``newsquiz import`` reads back.

Each question carries its id as Moodle's ``[id:…]`` and its tags as ``[tag:…]``;
the hint, the quotes, the context, the points and a number's unit go in
comments (``// hint:``, ``// evidence:``…), which Moodle ignores and newsquiz
reads back. What GIFT cannot say is skipped
or changed with a notice: a cloze with several blanks is skipped; order becomes
matching to positions; a date becomes a year number or a short answer that
accepts the usual written forms;
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from newsquiz import model
from newsquiz.interchange.answers import date_forms
from newsquiz.interchange.notices import Notice, Words
from newsquiz.model import Bank, Blank, Question

_RESERVED = str.maketrans(
    {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:"}
)


class _Note(Protocol):
    def __call__(self, key: str, *, skipped: bool = False, **values: str) -> None: ...


@dataclass(frozen=True)
class Braces:
    """What goes between the braces, and the text around them."""

    answers: list[str]
    before: str = ""
    after: str = ""


def escape(text: str) -> str:
    """GIFT's escapes, as Moodle's exporter writes them; newlines as ``\\n``."""
    return text.translate(_RESERVED).replace("\r", "").replace("\n", "\\n")


def share(count: int) -> str:
    """100/count as Moodle writes a percentage weight (33.33333)."""
    return f"{100 / count:.5f}".rstrip("0").rstrip(".")


def export_gift(bank: Bank, words: Words) -> tuple[str, tuple[Notice, ...]]:
    notices: list[Notice] = []
    parts = [f"// {escape(bank.title)} ({bank.id}): {words('export.gift_header')}", ""]
    for question in bank.questions:
        braces = _braces(question, words, notices)
        if braces is not None:
            parts.extend(_question(question, braces))
            parts.append("")
    return "\n".join(parts), tuple(notices)


def _question(question: Question, braces: Braces) -> Iterator[str]:
    yield f"// [id:{_label(question.id)}]"
    if question.tags:
        yield "// " + " ".join(f"[tag:{_label(t)}]" for t in question.tags)
    if question.hint:
        yield f"// hint: {_comment(question.hint)}"
    if question.points != 1:
        yield f"// points: {_plain(question.points)}"
    if isinstance(question, model.NumberQuestion) and question.unit:
        yield f"// unit: {_comment(question.unit)}"
    if isinstance(question, model.DateQuestion):
        yield f"// date: {question.answer.isoformat()}"
    if isinstance(question, model.OrderQuestion):
        yield "// order"
    for evidence in question.evidence:
        yield f"// evidence: {_comment(evidence.quote)}"
        if evidence.translation:
            yield f"// translation: {_comment(evidence.translation)}"
    if question.context:
        yield f"// context: {_comment(question.context)}"
    prompt = braces.before or escape(question.prompt)
    marker = "[plain]" if any(c in prompt + "".join(braces.answers) for c in "<&") else ""
    yield f"::{escape(question.id)}::{marker}{prompt}{{"
    yield from (f"\t{answer}" for answer in braces.answers)
    if question.explanation:
        yield f"\t####{escape(question.explanation)}"
    yield "}" + braces.after


def _label(text: str) -> str:
    return " ".join(text.replace("]", "\\]").replace("<", "").replace(">", "").split())


def _comment(text: str) -> str:
    return " ".join(text.split())


def _with_feedback(prefix: str, choice: str, feedback: str | None) -> str:
    return f"{prefix}{escape(choice)}" + (f"#{escape(feedback)}" if feedback else "")


def _braces(question: Question, words: Words, notices: list[Notice]) -> Braces | None:

    def note(key: str, *, skipped: bool = False, **values: str) -> None:
        notices.append(Notice(key, 0, question.id, values, skipped=skipped))

    match question:
        case model.ChoiceQuestion():
            return Braces(
                [
                    _with_feedback(
                        "=" if c == question.answer else "~", c, question.feedback.get(c)
                    )
                    for c in question.choices
                ]
            )
        case model.MultiQuestion():
            right, wrong = (
                f"~%{share(len(question.answers))}%",
                f"~%-{share(len(question.answers))}%",
            )
            return Braces(
                [
                    _with_feedback(
                        right if c in question.answers else wrong, c, question.feedback.get(c)
                    )
                    for c in question.choices
                ]
            )
        case model.TrueFalseQuestion():
            return Braces(["TRUE" if question.answer else "FALSE"])
        case model.ShortQuestion():
            if question.exact:
                note("export.kept.case")
            return Braces([f"={escape(a)}" for a in (question.answer, *question.accept)])
        case model.NumberQuestion():
            if question.unit:
                note("export.kept.unit", unit=question.unit)
            tolerance = f":{_plain(question.tolerance)}" if question.tolerance else ""
            return Braces([f"#{_plain(question.answer)}{tolerance}"])
        case model.DateQuestion():
            if question.answer.month is None:
                return Braces([f"#{question.answer.year}"])
            note("export.kept.date_as_text")
            return Braces([f"={escape(f)}" for f in date_forms(question.answer, words)])
        case model.OrderQuestion():
            note("export.kept.order_as_match")
            return Braces([f"={escape(t)} -> {n}" for n, t in enumerate(question.items, start=1)])
        case model.MatchQuestion():
            pairs = [f"={escape(left)} -> {escape(right)}" for left, right in question.pairs]
            return Braces(pairs + [f"= -> {escape(d)}" for d in question.distractors])
        case model.ClozeQuestion():
            if question.exact:
                note("export.kept.case")
            return _missing_word(question, note)
        case _:
            return model.assert_never(question)


def _missing_word(item: model.ClozeQuestion, note: _Note) -> Braces | None:
    if len(item.blanks) != 1:
        note("export.skip.cloze_blanks", skipped=True, count=str(len(item.blanks)))
        return None
    index = next(i for i, s in enumerate(item.segments) if isinstance(s, Blank))
    before = "".join(s for s in item.segments[:index] if isinstance(s, str))
    after = "".join(s for s in item.segments[index + 1 :] if isinstance(s, str))
    if not after.strip():
        note("export.kept.cloze_at_end")
    lead = f"{item.prompt}\n\n{before}" if item.prompt else before
    blank = item.blanks[0]
    return Braces([f"={escape(a)}" for a in blank.answers], escape(lead), escape(after))


def _plain(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)
