"""Background kept apart from the article, and quotes that carry their translation.

A question's `context` is what the teacher knows beyond the source; its
`evidence` is what the source says, word for word, optionally translated. The
loader keeps them apart, and the screen shows them apart.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import textwrap
from pathlib import Path

from rich.console import Console

from newsquiz import schema
from newsquiz.cli import main
from newsquiz.context import Environment
from newsquiz.diagnostics import Severity
from newsquiz.interface.messages import Messages
from newsquiz.interface.play import PlainMessages, PlayView
from newsquiz.interface.prompting import Reply
from newsquiz.loader import parse_bank
from newsquiz.model import Bank, Evidence, Question
from newsquiz.session import Options, start_session

T0 = dt.datetime(2025, 6, 23, 9, 0, tzinfo=dt.timezone.utc)

HEADER = """\
newsquiz: 1
id: sample
title: Sample
language: {language}
source: {{author: Médard Clobechi, published: 2025-06-23}}
questions:
"""

QUESTION = """\
- id: lieu
  type: choice
  prompt: Where was Goïta received?
  choices: [At the Élysée, At the Kremlin]
  answer: At the Kremlin
  explanation: The article says the Kremlin.
  evidence:
    - quote: "a été reçu lundi 23 juin 2025 au Kremlin"
      translation: "was received on Monday 23 June 2025 at the Kremlin"
    - "En visite officielle à Moscou"
  context: The Kremlin is the seat of the Russian presidency.
"""


def load(questions: str, language: str = "en") -> tuple[Bank | None, list[str]]:
    text = HEADER.format(language=language) + textwrap.indent(textwrap.dedent(questions), "  ")
    report = parse_bank(text, "bank.yaml")
    errors = [
        f"{p.line}:{p.column}: {p.message}" for p in report.problems if p.severity is Severity.ERROR
    ]
    return report.bank, errors


def only_question(questions: str) -> Question:
    bank, errors = load(questions)
    assert errors == []
    assert bank is not None
    return bank.questions[0]


# --- the loader ---------------------------------------------------------------------


def test_evidence_entries_may_be_quotes_or_quotes_with_their_translation() -> None:
    question = only_question(QUESTION)
    assert question.evidence == (
        Evidence(
            "a été reçu lundi 23 juin 2025 au Kremlin",
            "was received on Monday 23 June 2025 at the Kremlin",
        ),
        Evidence("En visite officielle à Moscou"),
    )
    assert question.context == "The Kremlin is the seat of the Russian presidency."
    assert question.explanation == "The article says the Kremlin."


def test_a_single_quote_or_a_single_translated_quote_needs_no_list() -> None:
    plain = only_question(
        "- {id: q, type: truefalse, prompt: p, answer: true, explanation: e, evidence: au Kremlin}"
    )
    assert plain.evidence == (Evidence("au Kremlin"),)
    assert plain.context is None
    translated = only_question(
        "- id: q\n  type: truefalse\n  prompt: p\n  answer: true\n  explanation: e\n"
        "  evidence: {quote: au Kremlin, translation: at the Kremlin}\n"
    )
    assert translated.evidence == (Evidence("au Kremlin", "at the Kremlin"),)


def test_a_translation_without_its_quote_is_an_error_at_the_entry() -> None:
    _, errors = load(
        "- id: q\n  type: truefalse\n  prompt: p\n  answer: true\n"
        "  evidence:\n    - translation: at the Kremlin\n"
    )
    assert errors == ["12:9: each entry of evidence is missing the required field `quote`"]


def test_a_misspelt_evidence_field_is_named_with_the_near_miss() -> None:
    _, errors = load(
        "- id: q\n  type: truefalse\n  prompt: p\n  answer: true\n"
        "  evidence:\n    - {quote: au Kremlin, translaton: at the Kremlin}\n"
    )
    assert errors == [
        "12:29: unknown field `translaton` in each entry of evidence: did you mean `translation`?"
    ]


def test_empty_quote_translation_context_and_evidence_list_are_errors() -> None:
    _, errors = load(
        "- id: q\n  type: truefalse\n  prompt: p\n  answer: true\n"
        "  evidence: [{quote: '', translation: x}, {quote: y, translation: ''}]\n"
        "  context: ''\n"
        "- {id: r, type: truefalse, prompt: p, answer: true, evidence: []}\n"
    )
    assert errors == [
        "11:24: the quote is empty: write it, or remove the field",
        "11:69: the translation is empty: write it, or remove the field",
        "12:14: the context is empty: write it, or remove the field",
        "13:65: evidence is an empty list: quote the source, or remove the field",
    ]


def test_a_list_inside_the_evidence_list_is_refused_plainly() -> None:
    _, errors = load("- {id: q, type: truefalse, prompt: p, answer: true, evidence: [[a, b]]}\n")
    assert errors == [
        "7:66: each entry of evidence must be a quote, or a mapping with `quote` and "
        "`translation`, found a list"
    ]


def test_the_json_schema_knows_context_and_translated_evidence() -> None:
    built = schema.build_schema()
    for variant in built["properties"]["questions"]["items"]["oneOf"]:
        assert variant["properties"]["context"]["type"] == "string"
        plain, quote, listed = variant["properties"]["evidence"]["anyOf"]
        assert plain["type"] == "string"
        assert quote["required"] == ["quote"]
        assert set(quote["properties"]) == {"quote", "translation"}
        assert quote["additionalProperties"] is False
        assert listed["items"]["anyOf"] == [plain, quote]


# --- the screen ---------------------------------------------------------------------


def feedback(language: str, *, plain: bool = False, question: str = QUESTION) -> list[str]:
    bank, errors = load(question, language)
    assert errors == [] and bank is not None
    console = Console(record=True, width=80, file=io.StringIO(), color_system=None, markup=False)
    say = PlainMessages(language) if plain else Messages(language)
    session = start_session(bank, Options(shuffle=False), random.Random(0), T0)
    ticks = iter(range(100))

    class OneAnswer:
        def ask(
            self, item: object, *, hint_available: bool, time_left: float | None = None
        ) -> Reply:
            return Reply("At the Élysée", "At the Élysée")

    view = PlayView(
        console,
        OneAnswer(),  # type: ignore[arg-type]
        say,
        clock=lambda: T0,
        monotonic=lambda: float(next(ticks)),
        plain=plain,
    )
    view.run(session)
    lines = [line.rstrip() for line in console.export_text().splitlines()]
    return lines[lines.index("Where was Goïta received?") + 1 :]


def test_english_feedback_shows_each_translation_beside_its_quote_then_the_context() -> None:
    assert feedback("en") == [
        "Wrong. 0 of 1 point.",
        "The answer: At the Kremlin",
        "Why: The article says the Kremlin.",
        "In the article (June 23, 2025):",
        "  “a été reçu lundi 23 juin 2025 au Kremlin” — was received on Monday 23 June",
        "  2025 at the Kremlin",
        "  “En visite officielle à Moscou”",
        "Context (not from the article):",
        "  The Kremlin is the seat of the Russian presidency.",
    ]


def test_french_feedback_labels_the_context_as_not_from_the_article() -> None:
    lines = feedback("fr")
    assert lines[-5:] == [
        "  « a été reçu lundi 23 juin 2025 au Kremlin » — was received on Monday 23 June",
        "  2025 at the Kremlin",
        "  « En visite officielle à Moscou »",
        "Contexte (hors article) :",
        "  The Kremlin is the seat of the Russian presidency.",
    ]


def test_plain_feedback_keeps_the_quote_as_written_and_the_dash_in_ascii() -> None:
    lines = feedback("en", plain=True)
    assert '  "a été reçu lundi 23 juin 2025 au Kremlin" - was received on Monday 23 June' in lines
    assert "Context (not from the article):" in lines


def test_a_question_without_context_shows_no_context_label() -> None:
    without = QUESTION.replace(
        "  context: The Kremlin is the seat of the Russian presidency.\n", ""
    )
    lines = feedback("en", question=without)
    assert lines[-1] == "  “En visite officielle à Moscou”"
    assert not any(line.startswith("Context") for line in lines)


# --- check --article ------------------------------------------------------------------


def test_check_finds_an_english_answer_in_the_translation_of_a_french_quote(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").write_text(
        "Le général a été reçu lundi 23 juin 2025 au Kremlin par le président russe.\n",
        encoding="utf-8",
    )
    translated = (
        "newsquiz: 1\nid: b\ntitle: B\nlanguage: en\nquestions:\n"
        "  - id: q\n    type: short\n    prompt: Who received him?\n"
        "    answer: the Russian president\n    explanation: x\n"
        "    evidence:\n      - quote: au Kremlin par le président russe\n"
        "        translation: at the Kremlin by the Russian president\n"
    )
    (tmp_path / "b.yaml").write_text(translated, encoding="utf-8")
    assert check(["--strict", "--article", "a.txt", "b.yaml"], tmp_path) == (0, "")
    untranslated = translated.replace(
        "        translation: at the Kremlin by the Russian president\n", ""
    )
    (tmp_path / "b.yaml").write_text(untranslated, encoding="utf-8")
    code, warning = check(["--article", "a.txt", "b.yaml"], tmp_path)
    assert code == 0
    assert warning == (
        "b.yaml:6:5: warning: the answer of `q` (“the Russian president”) is neither in its "
        "evidence nor anywhere in the article"
    )


def check(argv: list[str], cwd: Path) -> tuple[int, str]:
    """`newsquiz check`'s status and its warning lines."""
    out = io.StringIO()
    env = Environment(
        stdout=out,
        stderr=io.StringIO(),
        cwd=cwd,
        environ={},
        clock=lambda: dt.datetime(2025, 7, 1, 12, tzinfo=dt.timezone.utc),
    )
    code = main(["check", *argv], env)
    return code, "\n".join(line for line in out.getvalue().splitlines() if "warning:" in line)
