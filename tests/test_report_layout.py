"""`newsquiz report` in the terminal fits the console, and tags are shown by their labels."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from class_results import ANSWERS, BANK, session_document
from newsquiz.class_report import build_reports
from newsquiz.interface.class_report_view import ClassReportView
from newsquiz.interface.console import make_console
from newsquiz.interface.messages import Messages
from newsquiz.interface.report_exports import report_csv, report_document
from newsquiz.interface.report_html import report_html
from newsquiz.results_reading import parse_results

LABELS = {"geo": "Géographie du monde", "abc": "Alphabet"}
LABELLED = replace(BANK, tag_labels=LABELS)


def documents(bank: Any = BANK) -> list[dict[str, Any]]:
    return [
        session_document(student, list(responses), bank=bank, minutes=minutes)
        for minutes, (student, *responses) in enumerate(ANSWERS)
    ]


def reports(docs: list[dict[str, Any]]) -> Any:
    sessions = []
    for index, document in enumerate(docs):
        read = parse_results(json.dumps(document), f"{index}.json")
        assert not hasattr(read, "reason"), read
        sessions.append(read)
    return build_reports(sessions)


def terminal(docs: list[dict[str, Any]], width: int, language: str = "fr") -> str:
    out = io.StringIO()
    console = make_console(out, color=False, width=width)
    ClassReportView(console, Messages(language)).render(reports(docs))
    return out.getvalue()


def header_words(language: str) -> set[str]:
    say = Messages(language)
    keys = ("number", "question", "facility", "discrimination", "reached", "skipped", "flags")
    return {word for key in keys for word in say(f"report.col.{key}").split()}


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("width", [40, 60, 80])
def test_the_report_fits_the_console_and_never_splits_a_word(language: str, width: int) -> None:
    text = terminal(documents(), width, language)
    lines = text.splitlines()
    assert max(cell_len(line) for line in lines) <= width
    words = {word.rstrip(":") for line in lines for word in line.split()}
    # Every header word is whole somewhere: none was cut in two.
    assert header_words(language) <= words
    assert "Géo" not in words


def test_a_narrow_console_wraps_between_words_or_stacks() -> None:
    wide = terminal(documents(), 200)
    narrow = terminal(documents(), 40)
    assert "Discrimination" in wide and "Discrimination" in narrow
    for text in (wide, narrow):
        assert "capital" in text and "letters" in text


def test_long_names_of_a_class_still_fit(tmp_path: Path) -> None:
    docs = documents()
    docs[0]["student"] = "Marie-Héloïse de la Tour d'Auvergne-Lauragais " * 2
    text = terminal(docs, 60)
    assert max(cell_len(line) for line in text.splitlines()) <= 60


def test_tags_are_shown_by_the_banks_labels() -> None:
    (report,) = reports(documents(LABELLED))
    out = terminal(documents(LABELLED), 80)
    assert "Géographie du monde" in out and "Alphabet" in out
    page = report_html([report], Messages("fr"))
    assert "Géographie du monde" in page
    table = list(csv.DictReader(io.StringIO(report_csv([report], Messages("en")))))
    capital = next(row for row in table if row["question"] == "capital")
    assert (capital["tags"], capital["tag labels"]) == ("geo", "Géographie du monde")
    tags = {t["tag"]: t["label"] for t in report_document([report], [])["banks"][0]["tags"]}
    assert tags == {"abc": "Alphabet", "geo": "Géographie du monde"}


def test_files_without_tag_labels_show_the_tags_as_written() -> None:
    docs = documents(LABELLED)
    for document in docs:
        del document["bank"]["tag_labels"]
    (report,) = reports(docs)
    assert {(t.tag, t.label) for t in report.tags} == {("abc", "abc"), ("geo", "geo")}


def test_tag_labels_that_are_not_text_are_refused_with_the_field() -> None:
    document = documents(LABELLED)[0]
    document["bank"]["tag_labels"] = {"geo": 3}
    refused = parse_results(json.dumps(document), "bad.json")
    assert getattr(refused, "detail", None) == "bank.tag_labels"
