"""GIFT questions as newsquiz questions, or a notice saying why one cannot be.

Each GIFT type maps to the newsquiz type that grades it the same way: single
choice to ``choice``, multiple choice with equal shares to ``multi`` (negative
weights become newsquiz's rule: a wrong tick cancels a right one), true/false,
short answer (the other answers as ``accept``), numerical with tolerance or a
range, matching, and missing-word short answers and single choices to
``cloze``. Partial weights newsquiz cannot express, essays, descriptions and
``*`` wildcards are skipped with their line number.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any

from newsquiz import model
from newsquiz.interchange.gift_syntax import (
    Answer,
    Broken,
    Category,
    Kind,
    Parsed,
    blocks,
    parse_block,
)
from newsquiz.interchange.ids import IdMaker
from newsquiz.interchange.notices import Notice
from newsquiz.interchange.plaintext import one_line
from newsquiz.model import Blank, Evidence, PartialDate, Question

_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
_SHARE_SLACK = 0.0002  # Moodle writes thirds as 33.33333%
# What newsquiz writes in comments for Moodle to ignore and itself to read back.
_NOTE = re.compile(r"^//\s*(hint|context|points|unit|date|order)\b:?\s*(.*)$", re.IGNORECASE)
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_COMMON = ("id", "prompt", "explanation", "evidence", "context", "hint", "tags", "points")
_EVIDENCE = re.compile(r"^//\s*evidence:\s*(.+)$", re.IGNORECASE)
_TRANSLATION = re.compile(r"^//\s*translation:\s*(.+)$", re.IGNORECASE)


class Skip(Exception):
    """This GIFT question cannot be a newsquiz question; ``key`` says why."""

    def __init__(self, key: str, **values: str) -> None:
        self.key = key
        self.values = values
        super().__init__(key)


@dataclass(frozen=True)
class Imported:
    questions: tuple[Question, ...]
    notices: tuple[Notice, ...]
    lines: dict[str, int]


def import_gift(text: str, ids: IdMaker | None = None) -> Imported:
    ids = ids or IdMaker()
    questions: list[Question] = []
    notices: list[Notice] = []
    lines: dict[str, int] = {}
    category: tuple[str, ...] = ()
    for block in blocks(text):
        parsed = parse_block(block)
        if parsed is None:
            continue
        if isinstance(parsed, Category):
            category = category_tags(parsed.path)
            continue
        if isinstance(parsed, Broken):
            notices.append(Notice("skip.braces", parsed.line, parsed.title))
            continue
        name = _name(parsed)
        kept: list[Notice] = []
        try:
            question = convert(parsed, ids, category, kept)
        except Skip as skip:
            notices.append(Notice(skip.key, parsed.line, name, skip.values))
            continue
        notices.extend(kept)
        questions.append(question)
        lines[question.id] = parsed.line
    return Imported(tuple(questions), tuple(notices), lines)


def category_tags(path: str) -> tuple[str, ...]:
    """``$course$/top/Geography/Europe`` gives the tags Geography and Europe.

    The context (``$course$``), ``top`` and the category Moodle names itself
    (``Default for …``) say nothing about the questions.
    """
    parts = [p.strip() for p in path.split("/")]
    return tuple(
        p
        for p in parts
        if p
        and p != "top"
        and not re.fullmatch(r"\$\w+\$", p)
        and not p.startswith(("Default for ", "Défaut pour "))
    )


def convert(
    parsed: Parsed, ids: IdMaker, category: tuple[str, ...], kept: list[Notice]
) -> Question:
    """The newsquiz question for a parsed GIFT block; raises :class:`Skip`."""
    return _restored(_converted(parsed, ids, category, kept), _notes(parsed.comments))


def _restored(question: Question, notes: dict[str, str]) -> Question:
    """An order or a date that newsquiz wrote as matching or text, back as it was.

    ``// date: 2025-06-22`` and ``// order`` are newsquiz's own comments; a file
    without them keeps Moodle's reading.
    """
    common = {name: getattr(question, name) for name in _COMMON}
    written = notes.get("date", "")
    if _DATE.match(written):
        parts = [int(p) for p in written.split("-")]
        try:
            dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError:
            return question
        when = PartialDate(*parts)
        return model.DateQuestion(**common, answer=when)
    if "order" in notes and isinstance(question, model.MatchQuestion):
        positions = [right for _, right in question.pairs]
        if positions == [str(n) for n in range(1, len(positions) + 1)]:
            return model.OrderQuestion(**common, items=tuple(left for left, _ in question.pairs))
    return question


def _converted(
    parsed: Parsed, ids: IdMaker, category: tuple[str, ...], kept: list[Notice]
) -> Question:
    common = _common(parsed, ids, category)
    match parsed.kind:
        case Kind.MULTICHOICE:
            return _choices(parsed, common, kept)
        case Kind.TRUEFALSE:
            wrong, right = parsed.answers[1].feedback, parsed.answers[0].feedback
            common["explanation"] = _joined(common["explanation"], wrong, right)
            return model.TrueFalseQuestion(**common, answer=parsed.answers[0].text == "TRUE")
        case Kind.SHORTANSWER:
            return _short(parsed, common, kept)
        case Kind.NUMERICAL:
            return _numerical(parsed, common, kept)
        case Kind.MATCHING:
            return _matching(parsed, common)
        case Kind.DESCRIPTION:
            raise Skip("skip.description")
        case Kind.ESSAY:
            raise Skip("skip.essay")
        case _:
            return model.assert_never(parsed.kind)


def _common(parsed: Parsed, ids: IdMaker, category: tuple[str, ...]) -> dict[str, Any]:
    notes = _notes(parsed.comments)
    points = notes.get("points", "")
    return {
        "id": ids.make(parsed.idnumber, parsed.title, parsed.prompt),
        "prompt": parsed.prompt,
        "explanation": parsed.general_feedback or None,
        "evidence": _evidence(parsed.comments),
        "context": notes.get("context") or None,
        "hint": notes.get("hint") or None,
        "points": float(points) if _NUMBER.match(points) and 0 < float(points) <= 1000 else 1.0,
        "tags": tuple(dict.fromkeys(category + parsed.tags)),
    }


def _notes(comments: tuple[str, ...]) -> dict[str, str]:
    found: dict[str, str] = {}
    for comment in comments:
        note = _NOTE.match(comment)
        if note:
            found.setdefault(note.group(1).lower(), note.group(2).strip())
    return found


def _evidence(comments: tuple[str, ...]) -> tuple[Evidence, ...]:
    """``// evidence:`` lines, each maybe followed by its ``// translation:``."""
    found: list[Evidence] = []
    for comment in comments:
        quote, translation = _EVIDENCE.match(comment), _TRANSLATION.match(comment)
        if quote:
            found.append(Evidence(quote.group(1).strip()))
        elif translation and found and found[-1].translation is None:
            found[-1] = Evidence(found[-1].quote, translation.group(1).strip())
    return tuple(found)


def _name(parsed: Parsed) -> str:
    return parsed.title or one_line(parsed.prompt)[:60]


def _joined(*parts: str | None) -> str | None:
    kept = [p for p in dict.fromkeys(parts) if p]
    return " ".join(kept) or None


def _no_feedback(parsed: Parsed, kept: list[Notice]) -> None:
    if any(a.feedback for a in parsed.answers):
        kept.append(Notice("kept.no_feedback", parsed.line, _name(parsed), skipped=False))


def _choices(parsed: Parsed, common: dict[str, Any], kept: list[Notice]) -> Question:
    answers = parsed.answers
    choices = tuple(a.text for a in answers)
    feedback = {a.text: a.feedback for a in answers if a.feedback}
    right = [a for a in answers if a.weight > 0]
    if not right:
        raise Skip("skip.no_right_answer")
    if parsed.single:
        if any(a.weight < 1 - _SHARE_SLACK for a in right):
            raise Skip("skip.partial", weight=_percent(min(a.weight for a in right)))
        if len(right) > 1:
            raise Skip("skip.several_right")
        if parsed.around is not None:
            kept.append(Notice("kept.choices_to_blank", parsed.line, _name(parsed), skipped=False))
            _no_feedback(parsed, kept)
            return _cloze(parsed, common, (right[0].text,))
        return model.ChoiceQuestion(
            **common, choices=choices, answer=right[0].text, feedback=feedback
        )
    share = 1 / len(right)
    odd = [a for a in right if abs(a.weight - share) > _SHARE_SLACK]
    if odd:
        raise Skip("skip.partial", weight=_percent(odd[0].weight))
    picked = tuple(a.text for a in right)
    return model.MultiQuestion(**common, choices=choices, answers=picked, feedback=feedback)


def _full_credit(parsed: Parsed, kept: list[Notice]) -> list[Answer]:
    """The answers worth full credit; wrong-answer feedback is dropped with a notice."""
    full = []
    for answer in parsed.answers:
        if answer.weight >= 1 - _SHARE_SLACK:
            if "*" in answer.text:
                raise Skip("skip.wildcard")
            full.append(answer)
        elif answer.weight > 0:
            raise Skip("skip.partial", weight=_percent(answer.weight))
        else:
            kept.append(
                Notice("kept.wrong_answer_dropped", parsed.line, _name(parsed), skipped=False)
            )
    if not full:
        raise Skip("skip.no_right_answer")
    _no_feedback(parsed, kept)
    return full


def _short(parsed: Parsed, common: dict[str, Any], kept: list[Notice]) -> Question:
    texts = tuple(dict.fromkeys(a.text for a in _full_credit(parsed, kept)))
    if parsed.around is not None:
        return _cloze(parsed, common, texts)
    return model.ShortQuestion(**common, answer=texts[0], accept=texts[1:])


def _cloze(parsed: Parsed, common: dict[str, Any], answers: tuple[str, ...]) -> Question:
    assert parsed.around is not None
    before, after = parsed.around
    prompt = ""
    if "\n\n" in before:
        # newsquiz writes a cloze's instruction as a paragraph before its sentence.
        prompt, before = (part.strip() for part in before.rsplit("\n\n", 1))
        before += " " if parsed.around[0].endswith(" ") else ""
    for text in (before, after, *answers):
        if "{{" in text or "}}" in text or ("|" in text and text in answers):
            raise Skip("skip.cloze_syntax")
    text = f"{before}{{{{{'|'.join(answers)}}}}}{after}"
    segments = tuple(s for s in (before, Blank(answers), after) if s != "")
    common["prompt"] = prompt
    return model.ClozeQuestion(**common, text=text, segments=segments)


def _numerical(parsed: Parsed, common: dict[str, Any], kept: list[Notice]) -> Question:
    intervals = sorted(_interval(a.text) for a in _full_credit(parsed, kept))
    low, high = intervals[0]
    for start, end in intervals[1:]:
        if start > high:
            raise Skip("skip.several_numbers")
        high = max(high, end)
    middle, tolerance = round((low + high) / 2, 10), round((high - low) / 2, 10)
    unit = _notes(parsed.comments).get("unit") or None
    return model.NumberQuestion(**common, answer=middle, tolerance=tolerance, unit=unit)


def _interval(text: str) -> tuple[float, float]:
    """``1822:2``, ``1820..1824`` or ``1822`` as the lowest and highest accepted."""
    if text.find("..") > 0:
        low_text, _, high_text = text.partition("..")
        ends = (_number(low_text), _number(high_text))
        return min(ends), max(ends)
    if text.find(":") > 0:
        value_text, _, margin_text = text.partition(":")
        centre, spread = _number(value_text), abs(_number(margin_text))
        return centre - spread, centre + spread
    value = _number(text)
    return value, value


def _number(text: str) -> float:
    text = text.strip()
    if not _NUMBER.match(text) or not math.isfinite(float(text)):
        raise Skip("skip.not_a_number", text=text)
    return float(text)


def _matching(parsed: Parsed, common: dict[str, Any]) -> Question:
    if any(a.weight < 0 for a in parsed.answers):
        raise Skip("skip.matching_syntax")
    pairs = tuple((a.text, a.feedback) for a in parsed.answers if a.text)
    distractors = tuple(a.feedback for a in parsed.answers if not a.text and a.feedback)
    rights = [right for _, right in pairs]
    if len(set(rights)) != len(rights):
        raise Skip("skip.same_match")
    return model.MatchQuestion(**common, pairs=pairs, distractors=distractors)


def _percent(weight: float) -> str:
    """The weight as a plain percentage figure (`33.33333`); the message writes it
    as the reader's language does (`33.33333%`, `33,33333 %`)."""
    return f"{weight * 100:g}"
