"""An Anki package (.apkg) built with genanki: one note per question.

Three note types: *choice* (the choices on the front; choice, multi,
truefalse, order, match), *typed answer* (Anki's ``{{type:Answer}}``; short,
number, date) and *cloze* (Anki's cloze deletions). Each note's GUID comes from
the bank id and the question id, so importing an edited bank into Anki updates
its cards instead of adding new ones. The explanation and the quotes are on the
back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import itertools
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import genanki

from newsquiz import model
from newsquiz.interchange.answers import answer_words, choices_of, quotes
from newsquiz.interchange.notices import Words
from newsquiz.model import Bank, Blank, Question

# Fixed ids, as genanki asks: Anki recognises the note types from one export to the next.
_CSS = ".card { font-family: sans-serif; font-size: 20px; text-align: left; }"
_BACK = "{{FrontSide}}<hr id=answer>{{Answer}}<div class=back>{{Back}}</div>"
CHOICE_MODEL = genanki.Model(
    1735190401,
    "newsquiz choice",
    fields=[{"name": "Question"}, {"name": "Choices"}, {"name": "Answer"}, {"name": "Back"}],
    templates=[{"name": "Card 1", "qfmt": "{{Question}}<br>{{Choices}}", "afmt": _BACK}],
    css=_CSS,
)
TYPED_MODEL = genanki.Model(
    1735190402,
    "newsquiz typed answer",
    fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Back"}],
    templates=[
        {
            "name": "Card 1",
            "qfmt": "{{Question}}<br>{{type:Answer}}",
            "afmt": "{{Question}}<hr id=answer>{{type:Answer}}<div class=back>{{Back}}</div>",
        }
    ],
    css=_CSS,
)
CLOZE_MODEL = genanki.Model(
    1735190403,
    "newsquiz cloze",
    fields=[{"name": "Text"}, {"name": "Back"}],
    templates=[{"name": "Cloze", "qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}<br>{{Back}}"}],
    css=_CSS,
    model_type=genanki.Model.CLOZE,
)


def note_guid(bank_id: str, question_id: str) -> str:
    """The same for a question every time its bank is exported."""
    return str(genanki.guid_for(bank_id, question_id))


def deck_id(bank_id: str) -> int:
    digest = hashlib.sha256(bank_id.encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def _html(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")


def _back(question: Question, words: Words) -> str:
    parts = []
    if question.explanation:
        parts.append(_html(words("export.why", explanation=question.explanation)))
    if question.evidence:
        parts.append(_html(words("export.evidence", quotes=quotes(question, words))))
    if question.context:
        parts.append(_html(words("export.context", context=question.context)))
    return "<br><br>".join(parts)


def make_note(bank: Bank, question: Question, words: Words) -> genanki.Note:
    guid, back = note_guid(bank.id, question.id), _back(question, words)
    tags = ["_".join(t.split()) for t in question.tags]
    answer = _html(answer_words(question, words))
    match question:
        case (
            model.ChoiceQuestion()
            | model.MultiQuestion()
            | model.OrderQuestion()
            | model.MatchQuestion()
        ):
            choices = "<br>".join(f"☐ {_html(c)}" for c in choices_of(question))
            if isinstance(question, model.MatchQuestion):
                choices = "<br>".join(_html(left) for left, _ in question.pairs) + "<hr>" + choices
            fields = [_html(question.prompt), choices, answer, back]
            return genanki.Note(model=CHOICE_MODEL, fields=fields, guid=guid, tags=tags)
        case model.TrueFalseQuestion():
            choices = f"☐ {_html(words('ask.true'))}<br>☐ {_html(words('ask.false'))}"
            fields = [_html(question.prompt), choices, answer, back]
            return genanki.Note(model=CHOICE_MODEL, fields=fields, guid=guid, tags=tags)
        case model.ShortQuestion() | model.DateQuestion():
            fields = [_html(question.prompt), answer, back]
            return genanki.Note(model=TYPED_MODEL, fields=fields, guid=guid, tags=tags)
        case model.NumberQuestion():
            # Anki compares what is typed letter by letter: the number alone, the
            # unit on the front, the tolerance on the back.
            front = _html(question.prompt) + (
                f" <i>({_html(question.unit)})</i>" if question.unit else ""
            )
            if question.tolerance:
                back = f"{answer}<br><br>{back}" if back else answer
            fields = [front, _html(words.number(question.answer)), back]
            return genanki.Note(model=TYPED_MODEL, fields=fields, guid=guid, tags=tags)
        case model.ClozeQuestion():
            text = _cloze_text(question)
            if question.prompt:
                text = f"{_html(question.prompt)}<br>{text}"
            return genanki.Note(model=CLOZE_MODEL, fields=[text, back], guid=guid, tags=tags)
        case _:
            return model.assert_never(question)


def _cloze_text(item: model.ClozeQuestion) -> str:
    """Each blank as Anki's ``{{cN::answer}}``, one card per blank."""
    parts = []
    numbers = itertools.count(1)
    for segment in item.segments:
        if isinstance(segment, Blank):
            answer = _html(segment.answers[0]).replace("}}", "} }").replace("::", ": :")
            parts.append("{{c" + str(next(numbers)) + "::" + answer + "}}")
        else:
            parts.append(_html(segment))
    return "".join(parts)


def export_anki(bank: Bank, words: Words, *, now: dt.datetime) -> bytes:
    """The .apkg file's bytes: a zip holding the SQLite collection and a media list."""
    deck = genanki.Deck(deck_id(bank.id), bank.title)
    for question in bank.questions:
        deck.add_note(make_note(bank, question, words))
    timestamp = now.timestamp()
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(database)
        try:
            ids = itertools.count(int(timestamp * 1000))
            genanki.Package(deck).write_to_db(connection.cursor(), timestamp, ids)
            connection.commit()
        finally:
            connection.close()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(database, "collection.anki2")
            archive.writestr("media", "{}")
    return buffer.getvalue()
