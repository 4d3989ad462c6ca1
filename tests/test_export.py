"""`newsquiz export`: what other tools get from a bank, checked as those tools read it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import sqlite3
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

import pytest

from newsquiz.cli import main
from newsquiz.context import Environment
from newsquiz.interchange.exporting import export_bank
from newsquiz.interchange.importing import import_text
from newsquiz.interchange.moodle_xml import MOODLE_TYPES
from newsquiz.interface.messages import Messages
from newsquiz.loader import load_bank
from newsquiz.model import (
    Bank,
    ChoiceQuestion,
    ClozeQuestion,
    DateQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    Question,
    ShortQuestion,
)

REPO = Path(__file__).resolve().parents[1]
BANKS = {
    "fr": REPO / "quizzes" / "goita-kremlin-2025.fr.yaml",
    "en": REPO / "quizzes" / "goita-kremlin-2025.en.yaml",
}
NOW = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.timezone.utc)


def exported(bank: Bank, fmt: str) -> bytes:
    return export_bank(bank, fmt, Messages(bank.language), now=NOW).data


def run(argv: list[str], cwd: Path, environ: dict[str, str] | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    env = Environment(
        stdin=io.StringIO(),
        stdout=out,
        stderr=err,
        environ=environ or {},
        cwd=cwd,
        clock=lambda: NOW,
    )
    return main(argv, env), out.getvalue(), err.getvalue()


def gift_expressible(question: Question) -> bool:
    if isinstance(question, ClozeQuestion):
        return len(question.blanks) == 1
    return not isinstance(question, DateQuestion | OrderQuestion)


def answer_fields(question: Question) -> dict[str, object]:
    names = ("choices", "answer", "answers", "accept", "tolerance", "pairs", "distractors", "text")
    return {name: getattr(question, name) for name in names if hasattr(question, name)}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_goita_bank_round_trips_through_gift(language: str) -> None:
    bank = load_bank(BANKS[language])
    text = exported(bank, "gift").decode("utf-8")
    back = import_text(text, name="round", fmt="gift", language=language)
    again = {q.id: q for q in back.bank.questions}
    expressible = [q for q in bank.questions if gift_expressible(q)]
    assert len(expressible) >= 20
    for question in expressible:
        other = again[question.id]
        assert type(other) is type(question), question.id
        assert other.prompt == question.prompt, question.id
        assert other.explanation == question.explanation, question.id
        assert answer_fields(other) == answer_fields(question), question.id
        assert dict(getattr(other, "feedback", {})) == dict(getattr(question, "feedback", {}))
        assert other.evidence == question.evidence and other.hint == question.hint
        assert other.context == question.context
        assert other.points == question.points
        assert getattr(other, "unit", None) == getattr(question, "unit", None)
        assert set(other.tags) == set(question.tags)
    assert not any(n.skipped for n in back.notices)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_dates_and_orders_come_back_from_newsquiz_comments(language: str) -> None:
    bank = load_bank(BANKS[language])
    back = import_text(exported(bank, "gift").decode(), name="r", fmt="gift", language=language)
    again = {q.id: q for q in back.bank.questions}
    moved = [q for q in bank.questions if isinstance(q, DateQuestion | OrderQuestion)]
    assert moved
    for question in moved:
        assert again[question.id] == question


def test_gift_notes_what_it_cannot_hold() -> None:
    bank = load_bank(BANKS["en"])
    result = export_bank(bank, "gift", Messages("en"), now=NOW)
    skipped = {n.question for n in result.notices if n.skipped}
    multi_blank = {
        q.id for q in bank.questions if isinstance(q, ClozeQuestion) and len(q.blanks) > 1
    }
    assert skipped == multi_blank
    changed = {n.question for n in result.notices if not n.skipped}
    assert {q.id for q in bank.questions if isinstance(q, OrderQuestion)} <= changed
    text = result.data.decode()
    for question_id in skipped:
        assert f"[id:{question_id}]" not in text


def test_gift_escapes_what_would_be_syntax() -> None:
    bank = Bank(
        id="esc",
        title="Esc",
        language="en",
        questions=(
            load_bank_question(
                "{id: q, type: short, prompt: 'Is 1 = 1 {really}? #1: ~yes', answer: 'a=b', explanation: 'x'}"
            ),
        ),
    )
    text = exported(bank, "gift").decode()
    assert "Is 1 \\= 1 \\{really\\}? \\#1\\: \\~yes" in text
    back = import_text(text, name="x", fmt="gift").bank.questions[0]
    assert back.prompt == "Is 1 = 1 {really}? #1: ~yes"
    assert isinstance(back, ShortQuestion) and back.answer == "a=b"


def load_bank_question(flow: str) -> Question:
    from newsquiz.loader import parse_bank

    text = f"newsquiz: 1\nid: b\ntitle: B\nlanguage: en\nquestions:\n  - {flow}\n"
    report = parse_bank(text)
    assert report.bank is not None, report.problems
    return report.bank.questions[0]


def test_moodle_xml_is_well_formed_with_moodle_types_only_and_every_question() -> None:
    bank = load_bank(BANKS["fr"])
    root = ET.fromstring(exported(bank, "moodle-xml"))
    assert root.tag == "quiz"
    questions = root.findall("question")
    kinds = {q.get("type") for q in questions}
    assert kinds <= MOODLE_TYPES
    assert {
        "multichoice",
        "truefalse",
        "shortanswer",
        "numerical",
        "ordering",
        "matching",
        "cloze",
    } <= kinds
    real = [q for q in questions if q.get("type") != "category"]
    assert [q.findtext("name/text") for q in real] == [q.id for q in bank.questions]


def test_moodle_xml_fractions_tolerance_cloze_and_feedback() -> None:
    bank = load_bank(BANKS["en"])
    root = ET.fromstring(exported(bank, "moodle-xml"))
    by_name = {q.findtext("name/text"): q for q in root.findall("question")}

    def first(kind: type[Question]) -> Any:
        return next(q for q in bank.questions if isinstance(q, kind))

    multi = first(MultiQuestion)
    element = by_name[multi.id]
    assert element.findtext("single") == "false"
    share = f"{100 / len(multi.answers):.5f}".rstrip("0").rstrip(".")
    fractions = {a.findtext("text"): a.get("fraction") for a in element.findall("answer")}
    assert fractions == {c: share if c in multi.answers else "-" + share for c in multi.choices}
    number = first(NumberQuestion)
    element = by_name[number.id]
    assert float(element.findtext("answer/text") or "nan") == number.answer
    assert float(element.findtext("answer/tolerance") or "nan") == number.tolerance
    assert element.findtext("units/unit/unit_name") == number.unit
    cloze = first(ClozeQuestion)
    text = by_name[cloze.id].findtext("questiontext/text") or ""
    assert text.count("{1:SHORTANSWER:=") == len(cloze.blanks)
    choice = next(q for q in bank.questions if isinstance(q, ChoiceQuestion) and q.feedback)
    element = by_name[choice.id]
    right = [a for a in element.findall("answer") if a.get("fraction") == "100"]
    assert [a.findtext("text") for a in right] == [choice.answer]
    wrong, said = next(iter(choice.feedback.items()))
    answer = next(a for a in element.findall("answer") if a.findtext("text") == wrong)
    assert answer.findtext("feedback/text") == said
    assert (choice.explanation or "")[:30] in (element.findtext("generalfeedback/text") or "")
    assert [t.text for t in element.findall("tags/tag/text")] == list(choice.tags)
    order = first(OrderQuestion)
    element = by_name[order.id]
    assert [a.findtext("text") for a in element.findall("answer")] == list(order.items)
    assert [a.get("fraction") for a in element.findall("answer")] == [
        str(n) for n in range(1, len(order.items) + 1)
    ]
    date = next(q for q in bank.questions if isinstance(q, DateQuestion) and q.answer.day)
    forms = [a.findtext("text") for a in by_name[date.id].findall("answer")]
    day = date.answer
    assert f"{day.day:02d}/{day.month:02d}/{day.year}" in forms


def apkg_notes(data: bytes, tmp_path: Path) -> list[tuple[str, str, str]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "collection.anki2" in archive.namelist()
        (tmp_path / "collection.anki2").write_bytes(archive.read("collection.anki2"))
    connection = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        rows = connection.execute("SELECT guid, flds, tags FROM notes ORDER BY id").fetchall()
    finally:
        connection.close()
    return [(str(g), str(f), str(t)) for g, f, t in rows]


def test_anki_package_has_one_note_per_question_and_keeps_guids_after_an_edit(
    tmp_path: Path,
) -> None:
    source = BANKS["fr"].read_text(encoding="utf-8")
    (tmp_path / "bank.yaml").write_text(source, encoding="utf-8")
    code, _, err = run(["export", "bank.yaml", "--to", "anki", "-o", "deck.apkg"], tmp_path)
    assert code == 0, err
    bank = load_bank(tmp_path / "bank.yaml")
    first = apkg_notes((tmp_path / "deck.apkg").read_bytes(), tmp_path)
    assert len(first) == len(bank.questions)
    assert len({guid for guid, _, _ in first}) == len(first)
    prompt = bank.questions[0].prompt
    assert prompt in source
    edited = source.replace(prompt, prompt + " (ÉDITÉ)", 1)
    (tmp_path / "bank.yaml").write_text(edited, encoding="utf-8")
    code, _, _ = run(
        ["export", "bank.yaml", "--to", "anki", "-o", "deck.apkg", "--force"], tmp_path
    )
    assert code == 0
    second = apkg_notes((tmp_path / "deck.apkg").read_bytes(), tmp_path)
    assert [g for g, _, _ in second] == [g for g, _, _ in first]
    assert any("(ÉDITÉ)" in fields for _, fields, _ in second)
    assert not any("(ÉDITÉ)" in fields for _, fields, _ in first)


def test_anki_notes_carry_explanation_evidence_and_cloze_deletions(tmp_path: Path) -> None:
    bank = load_bank(BANKS["en"])
    notes = apkg_notes(exported(bank, "anki"), tmp_path)
    joined = "\n".join(fields for _, fields, _ in notes)
    assert "{{c1::bilateral}}" in joined and "{{c2::strategic}}" in joined
    assert "En visite officielle à Moscou" in joined
    assert "Why: The article speaks of an official visit" in joined


def test_csv_has_a_bom_and_one_row_per_question() -> None:
    bank = load_bank(BANKS["fr"])
    data = exported(bank, "csv")
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == [
        "id",
        "type",
        "prompt",
        "choices",
        "answer",
        "explanation",
        "evidence",
        "tags",
        "points",
    ]
    assert len(rows) == len(bank.questions) + 1
    choice = next(q for q in bank.questions if isinstance(q, ChoiceQuestion))
    row = next(r for r in rows if r[0] == choice.id)
    assert row[1:5] == ["choice", choice.prompt, " | ".join(choice.choices), choice.answer]
    assert row[5] == choice.explanation
    assert any(c in "".join(rows[1][2:6]) for c in "éèàçï")


def test_markdown_is_a_worksheet_then_an_answer_key() -> None:
    bank = load_bank(BANKS["fr"])
    text = exported(bank, "markdown").decode()
    sheet, key = text.split("## Corrigé")
    assert "**1.**" in sheet and f"**{len(bank.questions)}.**" in sheet
    choice = next(q for q in bank.questions if isinstance(q, ChoiceQuestion))
    for option in choice.choices:
        assert f"- [ ] {option}" in sheet
    assert "Réponse : ____" in sheet
    assert "\\_\\_\\_" in sheet  # cloze blanks and order boxes
    assert f"Réponse : {choice.answer}" in key
    assert f"Réponse : {choice.answer}" not in sheet
    assert "Pourquoi :" in key
    assert f"« {choice.evidence[0].quote} »" in key


def test_aiken_holds_the_choice_questions() -> None:
    bank = load_bank(BANKS["en"])
    result = export_bank(bank, "aiken", Messages("en"), now=NOW)
    back = import_text(result.data.decode(), name="a", fmt="aiken", language="en")
    assert back.notices == ()
    assert len(back.bank.questions) == result.count
    skipped = {n.question for n in result.notices}
    kept = [q for q in bank.questions if q.id not in skipped]
    assert kept == [q for q in bank.questions if isinstance(q, ChoiceQuestion)]
    assert [q.prompt for q in back.bank.questions] == [q.prompt for q in kept]


def test_export_to_standard_output_and_files_never_overwritten_without_force(
    tmp_path: Path,
) -> None:
    code, out, _ = run(["export", "goita-kremlin-2025-en", "--to", "gift"], REPO)
    assert code == 0 and "::cadre-visite::" in out
    code, out, _ = run(["export", str(BANKS["en"]), "--to", "csv", "-o", "-"], tmp_path)
    assert code == 0 and out.startswith("\ufeffid,type")
    target = tmp_path / "out.xml"
    target.write_text("keep me", encoding="utf-8")
    code, _, err = run(
        ["export", str(BANKS["en"]), "--to", "moodle-xml", "-o", "out.xml"], tmp_path
    )
    assert code == 2 and "--force" in err
    assert target.read_text(encoding="utf-8") == "keep me"
    code, _, err = run(
        ["export", str(BANKS["en"]), "--to", "moodle-xml", "-o", "out.xml", "--force"], tmp_path
    )
    assert code == 0
    ET.fromstring(target.read_bytes())
    assert [p.name for p in tmp_path.iterdir()] == ["out.xml"]


def test_anki_needs_a_file_and_unknown_banks_are_usage_errors(tmp_path: Path) -> None:
    code, out, err = run(["export", str(BANKS["en"]), "--to", "anki"], tmp_path)
    assert (code, out) == (2, "")
    assert "-o" in err
    code, _, err = run(["export", "nosuch", "--to", "csv"], tmp_path, {"LANG": "fr_FR.UTF-8"})
    assert code == 2 and "aucun fichier" in err
    code, _, err = run(
        ["export", str(BANKS["en"]), "--to", "csv", "-o", "no/such/dir/x.csv"], tmp_path
    )
    assert code == 2 and "no such folder" in err


def test_written_files_replace_nothing_unasked_and_leave_no_temporary(tmp_path: Path) -> None:
    from newsquiz.interchange.notices import InterchangeError
    from newsquiz.interchange.output import write_atomically

    target = tmp_path / "bank.csv"
    write_atomically(target, b"first")
    with pytest.raises(InterchangeError) as refused:
        write_atomically(target, b"second")
    assert refused.value.key == "error.exists"
    assert target.read_bytes() == b"first"
    write_atomically(target, b"third", force=True)
    assert target.read_bytes() == b"third"
    assert [p.name for p in tmp_path.iterdir()] == ["bank.csv"]


def test_context_and_translated_quotes_travel_as_comments_and_feedback() -> None:
    from newsquiz.loader import parse_bank

    text = (
        "newsquiz: 1\nid: b\ntitle: B\nlanguage: en\nquestions:\n"
        "  - id: visit\n    type: truefalse\n    prompt: Was it official?\n    answer: true\n"
        "    explanation: The article says so.\n"
        "    context: Other outlets reported agreements.\n"
        "    evidence:\n      - {quote: En visite officielle, translation: On an official visit}\n"
    )
    report = parse_bank(text)
    assert report.bank is not None, report.problems
    bank = report.bank
    back = import_text(exported(bank, "gift").decode(), name="b", fmt="gift").bank.questions[0]
    assert back.context == "Other outlets reported agreements."
    assert back.evidence == bank.questions[0].evidence
    feedback = ET.fromstring(exported(bank, "moodle-xml")).findtext(
        "question[2]/generalfeedback/text"
    )
    assert feedback is not None
    assert "Context (not from the article): Other outlets" in feedback
    assert "“En visite officielle” (On an official visit)" in feedback


def test_moodle_typed_answers_are_plain_text_and_choices_html() -> None:
    bank = Bank(
        id="amp",
        title="Amp",
        language="en",
        questions=(
            load_bank_question("{id: s, type: short, prompt: Firm?, answer: AT&T, explanation: x}"),
            load_bank_question(
                "{id: c, type: choice, prompt: Less?, choices: ['a < b', 'b < a'], answer: 'a < b', explanation: x}"
            ),
        ),
    )
    root = ET.fromstring(exported(bank, "moodle-xml"))
    short, choice = root.findall("question")[1:]
    assert short.findtext("answer/text") == "AT&T"
    assert choice.findtext("answer/text") == "a &lt; b"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_device_or_pipe_is_never_replaced(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.csv")
    code, _, err = run(
        ["export", str(BANKS["en"]), "--to", "csv", "-o", "pipe.csv", "--force"], tmp_path
    )
    assert code == 2 and "not a regular file" in err
    assert not (tmp_path / "pipe.csv").is_file()


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("gift", "b.gift.txt"),
        ("moodle-xml", "b.xml"),
        ("aiken", "b.txt"),
        ("anki", "b.apkg"),
        ("csv", "b.csv"),
        ("markdown", "b.md"),
    ],
)
def test_every_format_writes_its_file_and_says_so(
    language: str, fmt: str, name: str, tmp_path: Path
) -> None:
    code, out, err = run(["export", str(BANKS[language]), "--to", fmt, "-o", name], tmp_path)
    assert code == 0, err
    assert out == ""
    assert (tmp_path / name).stat().st_size > 0
    # The user's language (here the C locale's English), whatever the bank's.
    assert err.splitlines()[-1].startswith("Exported from")


def test_a_cloze_with_one_blank_is_a_missing_word_and_comes_back() -> None:
    sentence = load_bank_question(
        "{id: w, type: cloze, prompt: Complete the sentence., "
        "text: 'Goïta was received {{at the Kremlin|in the Kremlin}} on Monday.', explanation: x}"
    )
    last = load_bank_question(
        "{id: e, type: cloze, text: 'He was received by {{Putin}}', explanation: y}"
    )
    bank = Bank(id="c", title="C", language="en", questions=(sentence, last))
    result = export_bank(bank, "gift", Messages("en"), now=NOW)
    text = result.data.decode()
    assert "Complete the sentence.\\n\\nGoïta was received {" in text
    assert "\t=at the Kremlin\n\t=in the Kremlin\n" in text
    assert "} on Monday." in text
    assert [(n.question, n.key) for n in result.notices] == [("e", "export.kept.cloze_at_end")]
    back = import_text(text, name="c", fmt="gift").bank.questions
    assert back[0] == sentence
    assert isinstance(back[1], ShortQuestion)
    assert (back[1].prompt, back[1].answer) == ("He was received by", "Putin")


def test_a_folder_named_for_export_is_said_to_be_a_folder(tmp_path: Path) -> None:
    (tmp_path / "banks").mkdir()
    code, out, err = run(["export", "banks", "--to", "csv"], tmp_path)
    assert (code, out) == (2, "")
    assert "banks is a folder, not a file" in err
