"""A printable Markdown worksheet: numbered questions, then the answer key.

Choices are boxes to tick, typed answers get a line to write on, cloze blanks
are lines in the sentence, order items are boxes to number, matching gives
lettered answers to write next to each item. The key gives each answer with
its explanation and the quotes that prove it.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator

from newsquiz import model
from newsquiz.interchange.answers import answer_words, choices_of, quotes
from newsquiz.interchange.notices import Words
from newsquiz.model import Bank, Blank, Question

_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|~])")
_BLANK = "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_"


def md(text: str) -> str:
    """Bank text shown as written: Markdown's special characters escaped, lines kept."""
    return _MARKDOWN.sub(r"\\\1", text).replace("\n", "  \n")


def export_markdown(bank: Bank, words: Words) -> str:
    lines = [f"# {md(bank.title)}", "", f"*{words('export.worksheet')}*", ""]
    lines += [words("export.name_line"), ""]
    for number, question in enumerate(bank.questions, start=1):
        lines.extend(_question(number, question, words))
        lines.append("")
    lines += ["---", "", f"## {words('export.answer_key')}", ""]
    for number, question in enumerate(bank.questions, start=1):
        lines.extend(_key(number, question, words))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _question(number: int, question: Question, words: Words) -> Iterator[str]:
    points = words("export.points", points=words.number(question.points))
    if isinstance(question, model.ClozeQuestion):
        if question.prompt:
            yield f"**{number}.** {md(question.prompt)} *({points})*"
            yield ""
            yield _cloze_sentence(question)
        else:
            yield f"**{number}.** {_cloze_sentence(question)} *({points})*"
        return
    yield f"**{number}.** {md(question.prompt)} *({points})*"
    yield ""
    yield from _answer_space(question, words)


def _cloze_sentence(item: model.ClozeQuestion) -> str:
    return "".join(_BLANK if isinstance(s, Blank) else md(s) for s in item.segments)


def _answer_space(question: Question, words: Words) -> Iterator[str]:
    match question:
        case model.ChoiceQuestion():
            yield from (f"- [ ] {md(c)}" for c in question.choices)
        case model.MultiQuestion():
            yield f"*{words('export.multi_line')}*"
            yield ""
            yield from (f"- [ ] {md(c)}" for c in question.choices)
        case model.TrueFalseQuestion():
            yield f"- [ ] {words('ask.true')}"
            yield f"- [ ] {words('ask.false')}"
        case model.ShortQuestion() | model.NumberQuestion() | model.DateQuestion():
            unit = (
                f" {md(question.unit)}"
                if isinstance(question, model.NumberQuestion) and question.unit
                else ""
            )
            yield words("export.answer_line") + unit
        case model.OrderQuestion():
            yield f"*{words('export.order_line')}*"
            yield ""
            yield from (f"- \\_\\_\\_ {md(i)}" for i in choices_of(question))
        case model.MatchQuestion():
            yield f"*{words('export.match_line')}*"
            yield ""
            yield from (f"- \\_\\_\\_ {md(left)}" for left, _ in question.pairs)
            yield ""
            letters = string.ascii_uppercase
            yield from (f"{letters[i % 26]}. {md(r)}  " for i, r in enumerate(choices_of(question)))
        case model.ClozeQuestion():
            yield _cloze_sentence(question)
        case _:
            model.assert_never(question)


def _key(number: int, question: Question, words: Words) -> Iterator[str]:
    answer = md(answer_words(question, words))
    if isinstance(question, model.MatchQuestion):
        lettered = dict(zip(choices_of(question), string.ascii_uppercase, strict=False))
        answer = words("answer.list_sep").join(
            f"{md(left)} → {lettered.get(right, '?')}. {md(right)}"
            for left, right in question.pairs
        )
    yield f"**{number}.** {words('export.answer', answer=answer)}  "
    if question.explanation:
        yield f"{words('export.why', explanation=md(question.explanation))}  "
    if question.evidence:
        yield f"{words('export.evidence', quotes=md(quotes(question, words)))}  "
    if question.context:
        yield f"{words('export.context', context=md(question.context))}  "
