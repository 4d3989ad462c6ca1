"""Write a bank as Moodle XML: every question, with Moodle's own question types.

choice and multi → ``multichoice`` (fractions: a right pick is 100/n %, a wrong
one -100/n %, as newsquiz grades), truefalse → ``truefalse``, short →
``shortanswer``, number → ``numerical`` (tolerance, unit), date →
``shortanswer`` accepting its usual written forms, order → ``ordering``, match
→ ``matching`` (distractors as answers with no item), cloze → ``cloze``
(Moodle's multianswer, one ``SHORTANSWER`` per blank). The explanation, the
quotes and the background are the general feedback; the hint is a Moodle hint;
points are the default mark; tags are tags.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from collections.abc import Mapping

from newsquiz import model
from newsquiz.interchange.answers import date_forms, quotes
from newsquiz.interchange.notices import Words
from newsquiz.model import Bank, Blank, Question

MOODLE_TYPES = frozenset(
    {
        "category",
        "multichoice",
        "truefalse",
        "shortanswer",
        "numerical",
        "ordering",
        "matching",
        "cloze",
    }
)
_CLOZE_RESERVED = str.maketrans({c: "\\" + c for c in '\\}#~/"'})


def as_html(text: str) -> str:
    """Plain text as the HTML Moodle shows: escaped, line breaks kept."""
    return html.escape(text, quote=False).replace("\n", "<br>")


def _text(parent: ET.Element, tag: str, text: str, fmt: str | None = "html") -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(element, "text").text = text
    return element


def _value(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = value


def _fraction(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def export_moodle_xml(bank: Bank, words: Words) -> str:
    quiz = ET.Element("quiz")
    category = ET.SubElement(quiz, "question", {"type": "category"})
    _text(category, "category", f"$course$/top/{bank.title}", None)
    _text(category, "info", as_html(bank.description or ""))
    for question in bank.questions:
        quiz.append(_question(question, words))
    ET.indent(quiz, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode") + "\n"


def general_feedback(question: Question, words: Words) -> str:
    """The explanation, then the quotes that prove it, as Moodle's general feedback."""
    parts = [as_html(question.explanation)] if question.explanation else []
    if question.evidence:
        parts.append(as_html(words("export.evidence", quotes=quotes(question, words))))
    if question.context:
        parts.append(as_html(words("export.context", context=question.context)))
    return "".join(f"<p>{p}</p>" for p in parts)


def _question(question: Question, words: Words) -> ET.Element:
    element = ET.Element("question", {"type": _type(question)})
    name = ET.SubElement(element, "name")
    ET.SubElement(name, "text").text = question.id
    _text(element, "questiontext", _question_text(question))
    _text(element, "generalfeedback", general_feedback(question, words))
    _value(element, "defaultgrade", _fraction(question.points))
    _value(element, "penalty", "0.3333333")
    _value(element, "hidden", "0")
    _value(element, "idnumber", question.id)
    _body(element, question, words)
    if question.hint:
        _text(element, "hint", as_html(question.hint))
    if question.tags:
        tags = ET.SubElement(element, "tags")
        for tag in question.tags:
            ET.SubElement(ET.SubElement(tags, "tag"), "text").text = tag
    return element


def _type(question: Question) -> str:
    match question:
        case model.ChoiceQuestion() | model.MultiQuestion():
            return "multichoice"
        case model.TrueFalseQuestion():
            return "truefalse"
        case model.ShortQuestion() | model.DateQuestion():
            return "shortanswer"
        case model.NumberQuestion():
            return "numerical"
        case model.OrderQuestion():
            return "ordering"
        case model.MatchQuestion():
            return "matching"
        case model.ClozeQuestion():
            return "cloze"
        case _:
            return model.assert_never(question)


def _question_text(question: Question) -> str:
    if not isinstance(question, model.ClozeQuestion):
        return as_html(question.prompt)
    pieces = []
    for segment in question.segments:
        if isinstance(segment, Blank):
            kind = "SHORTANSWER_C" if question.exact else "SHORTANSWER"
            options = "~".join(f"={a.translate(_CLOZE_RESERVED)}" for a in segment.answers)
            pieces.append(html.escape(f"{{1:{kind}:{options}}}", quote=False))
        else:
            pieces.append(as_html(segment))
    sentence = "".join(pieces)
    return f"<p>{as_html(question.prompt)}</p><p>{sentence}</p>" if question.prompt else sentence


def _answer(
    parent: ET.Element, fraction: float, text: str, feedback: str = "", *, typed: bool = False
) -> ET.Element:
    """An answer: HTML when it is shown, plain text when a typed answer is compared to it."""
    fmt = "moodle_auto_format" if typed else "html"
    answer = ET.SubElement(parent, "answer", {"fraction": _fraction(fraction), "format": fmt})
    ET.SubElement(answer, "text").text = text if typed else as_html(text)
    _text(answer, "feedback", as_html(feedback))
    return answer


def _body(element: ET.Element, question: Question, words: Words) -> None:
    match question:
        case model.ChoiceQuestion():
            _choices(element, question.choices, (question.answer,), question.feedback, single=True)
        case model.MultiQuestion():
            _choices(element, question.choices, question.answers, question.feedback, single=False)
        case model.TrueFalseQuestion():
            _answer(element, 100 if question.answer else 0, "true", typed=True)
            _answer(element, 0 if question.answer else 100, "false", typed=True)
        case model.ShortQuestion():
            _value(element, "usecase", "1" if question.exact else "0")
            for text in (question.answer, *question.accept):
                _answer(element, 100, text, typed=True)
        case model.DateQuestion():
            _value(element, "usecase", "0")
            for text in date_forms(question.answer, words):
                _answer(element, 100, text, typed=True)
        case model.NumberQuestion():
            _numerical(element, question)
        case model.OrderQuestion():
            _ordering(element, question)
        case model.MatchQuestion():
            _matching(element, question)
        case model.ClozeQuestion():
            pass  # the blanks are in the question text
        case _:
            model.assert_never(question)


def _choices(
    element: ET.Element,
    choices: tuple[str, ...],
    right: tuple[str, ...],
    feedback: Mapping[str, str],
    *,
    single: bool,
) -> None:
    _value(element, "single", "true" if single else "false")
    _value(element, "shuffleanswers", "true")
    _value(element, "answernumbering", "abc")
    share = 100 if single else 100 / len(right)
    wrong = 0 if single else -share
    for choice in choices:
        _answer(element, share if choice in right else wrong, choice, feedback.get(choice, ""))


def _numerical(element: ET.Element, question: model.NumberQuestion) -> None:
    answer = ET.SubElement(element, "answer", {"fraction": "100", "format": "moodle_auto_format"})
    ET.SubElement(answer, "text").text = repr(question.answer).removesuffix(".0")
    _text(answer, "feedback", "")
    _value(answer, "tolerance", repr(question.tolerance).removesuffix(".0"))
    if question.unit:
        units = ET.SubElement(element, "units")
        unit = ET.SubElement(units, "unit")
        _value(unit, "multiplier", "1")
        _value(unit, "unit_name", question.unit)
    _value(element, "unitgradingtype", "0")
    _value(element, "unitpenalty", "0.1000000")
    _value(element, "showunits", "2" if question.unit else "3")
    _value(element, "unitsleft", "0")


def _ordering(element: ET.Element, question: model.OrderQuestion) -> None:
    grading = "ABSOLUTE_POSITION" if question.partial else "ALL_OR_NOTHING"
    for tag, value in (
        ("layouttype", "VERTICAL"),
        ("selecttype", "ALL"),
        ("selectcount", "0"),
        ("gradingtype", grading),
        ("showgrading", "SHOW"),
        ("numberingstyle", "none"),
    ):
        _value(element, tag, value)
    for position, text in enumerate(question.items, start=1):
        _answer(element, position, text)


def _matching(element: ET.Element, question: model.MatchQuestion) -> None:
    _value(element, "shuffleanswers", "true")
    rows = [*question.pairs, *(("", d) for d in question.distractors)]
    for left, right in rows:
        sub = _text(element, "subquestion", as_html(left))
        ET.SubElement(ET.SubElement(sub, "answer"), "text").text = right
