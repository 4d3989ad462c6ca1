"""Each rule of bank format v1: a bad bank goes in, a located message comes out."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from newsquiz.diagnostics import BankError, Severity
from newsquiz.loader import load_bank, parse_bank, read_bank
from newsquiz.model import (
    Blank,
    ChoiceQuestion,
    ClozeQuestion,
    DateQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    PartialDate,
    ShortQuestion,
    TrueFalseQuestion,
)

HEADER = """\
newsquiz: 1
id: sample
title: Sample
language: en
questions:
"""


def problems(yaml_text: str, *, warnings: bool = False) -> list[str]:
    """Problems as 'line:column: message' for the bank text (dedented)."""
    report = parse_bank(textwrap.dedent(yaml_text), "bank.yaml")
    return [
        f"{p.line}:{p.column}: {p.message}"
        for p in report.problems
        if warnings or p.severity is Severity.ERROR
    ]


def bank_with(question_yaml: str) -> str:
    return HEADER + textwrap.indent(textwrap.dedent(question_yaml), "  ")


def test_a_bank_with_every_type_loads_into_the_model() -> None:
    report = parse_bank(
        bank_with(
            """\
            - id: c
              type: choice
              prompt: Pick
              choices: [No, Yes, "1.10"]
              answer: No
              feedback: {Yes: Not that one.}
              explanation: Because.
            - id: m
              type: multi
              prompt: Pick all
              choices: [a, b, c]
              answer: [a, c]
              explanation: e
            - id: t
              type: truefalse
              prompt: True?
              answer: false
              explanation: e
            - id: s
              type: short
              prompt: Who?
              answer: Goïta
              accept: [Assimi Goïta]
              explanation: e
            - id: n
              type: number
              prompt: How many?
              answer: 1.10
              tolerance: 0.5
              unit: days
              explanation: e
            - id: d
              type: date
              prompt: When?
              answer: 2021-05
              explanation: e
            - id: o
              type: order
              prompt: Order
              items: [x, y, z]
              explanation: e
            - id: p
              type: match
              prompt: Match
              pairs: {on: off, 1.10: "2"}
              distractors: [three]
              explanation: e
            - id: z
              type: cloze
              text: "{{Wagner}} left in {{2025|juin 2025}}."
              match: exact
              explanation: e
            """
        ),
        "bank.yaml",
    )
    assert report.problems == ()
    assert report.bank is not None
    c, m, t, s, n, d, o, p, z = report.bank.questions
    assert isinstance(c, ChoiceQuestion) and c.choices == ("No", "Yes", "1.10") and c.answer == "No"
    assert c.feedback == {"Yes": "Not that one."}
    assert isinstance(m, MultiQuestion) and m.answers == ("a", "c")
    assert isinstance(t, TrueFalseQuestion) and t.answer is False
    assert isinstance(s, ShortQuestion) and s.accept == ("Assimi Goïta",) and not s.exact
    assert isinstance(n, NumberQuestion) and (n.answer, n.tolerance, n.unit) == (1.1, 0.5, "days")
    assert isinstance(d, DateQuestion) and d.answer == PartialDate(2021, 5)
    assert isinstance(o, OrderQuestion) and o.items == ("x", "y", "z")
    assert isinstance(p, MatchQuestion) and p.pairs == (("on", "off"), ("1.10", "2"))
    assert isinstance(z, ClozeQuestion) and z.exact
    assert z.segments == (Blank(("Wagner",)), " left in ", Blank(("2025", "juin 2025")), ".")
    assert c.location is not None and (c.location.line, c.location.column) == (6, 5)


def test_yaml_11_lookalikes_stay_the_text_written() -> None:
    report = parse_bank(
        bank_with(
            """\
            - id: q
              type: short
              prompt: on
              answer: 2025-06-23
              accept: [yes, 0x10, 1e3, ~]
              explanation: e
            """
        )
    )
    assert report.bank is not None
    question = report.bank.questions[0]
    assert isinstance(question, ShortQuestion)
    assert question.prompt == "on"
    assert question.answer == "2025-06-23"
    assert question.accept == ("yes", "0x10", "1e3", "~")


def test_bank_fields_and_inherited_tags() -> None:
    report = parse_bank(
        """\
newsquiz: 1
id: goita
title: Goïta
language: fr
description: d
as_of: 2025-06-23
source: {title: t, author: Médard Clobechi, published: 2025-06-23, url: "https://example.org/a"}
tags: [mali, russie]
questions:
  - {id: a, type: truefalse, prompt: p, answer: true, tags: [wagner, mali], explanation: e}
"""
    )
    assert report.problems == ()
    bank = report.bank
    assert bank is not None
    assert bank.as_of == dt.date(2025, 6, 23)
    assert bank.source is not None and bank.source.author == "Médard Clobechi"
    assert bank.questions[0].tags == ("mali", "russie", "wagner")


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("yes", "5:13: the answer of a truefalse question must be true or false, found `yes`"),
        ('"true"', "5:13: the answer of a truefalse question must be true or false, found `true`"),
        ("No", "5:13: the answer of a truefalse question must be true or false, found `No`"),
    ],
)
def test_truefalse_accepts_only_true_or_false(answer: str, message: str) -> None:
    text = HEADER + f"  - id: q\n    type: truefalse\n    prompt: p\n    answer: {answer}\n"
    assert problems(text.replace("    answer", "    answer", 1)) == [message.replace("5:", "9:", 1)]


def test_duplicate_keys_are_errors_at_the_second_key() -> None:
    assert problems(
        bank_with(
            """\
            - id: q
              type: short
              prompt: p
              answer: one
              answer: two
            """
        )
    ) == [
        "10:5: duplicate key `answer` (first written at line 9): "
        "YAML would silently keep only the last one"
    ]


def test_unknown_field_suggests_the_near_miss() -> None:
    assert problems(
        bank_with(
            """\
            - id: q
              type: truefalse
              prompt: p
              answer: true
              explaination: why
            """
        )
    ) == ["10:5: unknown field `explaination` in a truefalse question: did you mean `explanation`?"]


def test_unknown_bank_field_lists_the_known_ones_when_nothing_is_close() -> None:
    found = problems(
        HEADER.replace("questions:", "zzz: 1\nquestions:")
        + "  - {id: q, type: truefalse, prompt: p, answer: true}\n"
    )
    assert found[0].startswith("5:1: unknown field `zzz` in the bank (known fields: newsquiz, id,")


def test_field_of_another_type_is_named_as_such() -> None:
    assert problems(
        bank_with(
            """\
            - id: q
              type: choice
              prompt: p
              choices: [a, b]
              answer: a
              items: [a, b, c]
            """
        )
    ) == ["11:5: `items` does not belong to a choice question (it is a field of order questions)"]


def test_every_problem_in_a_file_is_reported_at_once() -> None:
    found = problems(
        bank_with(
            """\
            - id: Bad Id
              type: choice
              prompt: p
              choices: [a, a]
              answer: a
            - id: q2
              type: number
              prompt: p
              answer: 2,5
            - id: q3
              type: wat
              prompt: p
            """
        )
    )
    assert found == [
        "6:9: the question id `Bad Id` must be lowercase letters, digits and hyphens, like `bad-id`",
        "9:14: choices lists `a` twice (at 9:15 and 9:18)",
        "14:13: the answer must be a number written with a decimal point, like `2.5`, found `2,5`",
        "16:11: unknown question type `wat` (one of: choice, multi, "
        "truefalse, short, number, date, order, match, cloze)",
    ]


def test_missing_required_fields_point_at_the_question() -> None:
    assert problems(bank_with("- id: q\n  type: choice\n  choices: [a, b]\n")) == [
        "6:5: a choice question is missing the required field `prompt`",
        "6:5: a choice question is missing the required field `answer`",
    ]


def test_missing_bank_fields() -> None:
    assert problems("newsquiz: 1\nid: x\n") == [
        "1:1: the bank is missing the required field `title`",
        "1:1: the bank is missing the required field `language`",
        "1:1: the bank is missing the required field `questions`",
    ]


@pytest.mark.parametrize(
    ("question", "token", "message"),
    [
        (
            "- {id: q, type: choice, prompt: p, choices: [a, b], answer: c}",
            "c}",
            "the answer `c` is not one of the choices (`a`, `b`)",
        ),
        (
            "- {id: q, type: choice, prompt: p, choices: [a], answer: a}",
            "[a]",
            "choices needs at least 2 entries, found 1",
        ),
        (
            "- {id: q, type: choice, prompt: p, choices: [' a', 'a '], answer: a}",
            "[' a'",
            "choices lists `a` twice (at 6:48 and 6:54)",
        ),
        (
            "- {id: q, type: choice, prompt: p, choices: [a, b], answer: a, feedback: {c: x}}",
            "c: x",
            "feedback is given for `c`, which is not a choice",
        ),
        (
            "- {id: q, type: multi, prompt: p, choices: [a, b], answer: [a, z]}",
            "[a, z]",
            "the answer `z` is not one of the choices",
        ),
        (
            "- {id: q, type: number, prompt: p, answer: 3, tolerance: -1}",
            "-1",
            "tolerance must be 0 or more",
        ),
        (
            "- {id: q, type: number, prompt: p, answer: three}",
            "three",
            "the answer must be a number, found `three`",
        ),
        (
            "- {id: q, type: date, prompt: p, answer: 23/06/2025}",
            "23/06",
            "the answer must be a date written YYYY, YYYY-MM or YYYY-MM-DD, found `23/06/2025`",
        ),
        (
            "- {id: q, type: date, prompt: p, answer: 2025-13}",
            "2025-13",
            "the answer `2025-13` is not a real date",
        ),
        (
            "- {id: q, type: order, prompt: p, items: [a, b]}",
            "[a, b]}",
            "items needs at least 3 entries, found 2",
        ),
        (
            "- {id: q, type: match, prompt: p, pairs: {a: x}}",
            "{a: x}",
            "pairs needs at least 2 entries, found 1",
        ),
        (
            "- {id: q, type: match, prompt: p, pairs: {a: x, b: x}}",
            "{a: x, b: x}",
            "the right-hand side of pairs lists `x` twice (at 6:48 and 6:54)",
        ),
        (
            "- {id: q, type: match, prompt: p, pairs: {a: x, b: y}, distractors: [y]}",
            "[y]",
            "the distractor `y` is also a right answer in pairs",
        ),
        (
            "- {id: q, type: cloze, text: no blank here}",
            "no blank",
            "the cloze text has no blank: write each answer as `{{answer}}`",
        ),
        (
            "- {id: q, type: cloze, text: 'a {{b}} c {{d'}",
            "'a {{b",
            "the cloze text has a `{{` or `}}` that does not close a blank",
        ),
        (
            "- {id: q, type: short, prompt: p, answer: a, match: fuzzy}",
            "fuzzy",
            "match must be `lenient` or `exact`, found `fuzzy`",
        ),
        (
            "- {id: q, type: short, prompt: p, answer: a, points: 0}",
            "0}",
            "points must be more than 0 (at least 0.01) and at most 1000, found `0`",
        ),
        (
            "- {id: q, type: short, prompt: '', answer: a}",
            "''",
            "the prompt is empty: write it, or remove the field",
        ),
    ],
)
def test_type_rules(question: str, token: str, message: str) -> None:
    column = len("  ") + question.index(token) + 1
    assert problems(HEADER + "  " + question + "\n") == [f"6:{column}: {message}"]


def test_duplicate_question_ids() -> None:
    assert problems(
        HEADER
        + "  - {id: q, type: truefalse, prompt: p, answer: true}\n"
        + "  - {id: q, type: truefalse, prompt: p, answer: true}\n"
    ) == [
        "7:5: question id `q` is already used at line 6: progress is kept by id, "
        "so each must be different"
    ]


def test_format_version_must_be_1() -> None:
    text = (
        HEADER.replace("newsquiz: 1", "newsquiz: 2")
        + "  - {id: q, type: truefalse, prompt: p, answer: true}\n"
    )
    assert problems(text) == [
        "1:11: this bank is written in format 2; this newsquiz reads format 1: upgrade newsquiz"
    ]


def test_missing_explanation_is_a_warning_not_an_error() -> None:
    report = parse_bank(HEADER + "  - {id: q, type: truefalse, prompt: p, answer: true}\n")
    assert report.bank is not None
    assert [str(p) for p in report.problems] == [
        "<string>:6:5: warning: question `q` has no explanation: "
        "learners will see the answer but not why"
    ]


def test_a_language_without_interface_is_a_warning() -> None:
    report = parse_bank(
        HEADER.replace("language: en", "language: de")
        + "  - {id: q, type: truefalse, prompt: p, answer: true, explanation: e}\n"
    )
    assert report.bank is not None
    assert [p.message for p in report.warnings] == [
        "newsquiz has no interface in `de` yet: learners will see English messages"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "!!python/object/apply:os.system [echo hi]\n",
            "1:1: YAML tags such as `tag:yaml.org,2002:python/object/apply:os.system` are not allowed",
        ),
        (
            "a: &x [1]\nb: *x\n",
            "2:4: aliases (`*x`) are not allowed in a bank: write the value out in full",
        ),
        ("newsquiz: 1\n---\nnewsquiz: 1\n", "2:1: a bank file holds one YAML document"),
        (
            "a: [1, 2\n",
            "2:1: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)",
        ),
        (
            "- a\n- b\n",
            "1:1: a bank is a mapping of fields starting with `newsquiz: 1`, found a list",
        ),
        (
            "just text\n",
            "1:1: a bank is a mapping of fields starting with `newsquiz: 1`, found text: this",
        ),
        ("", "1:1: the file is empty: a bank starts with `newsquiz: 1`"),
        ("# only a comment\n", "1:1: the file is empty: a bank starts with `newsquiz: 1`"),
        ("? [a, b]\n: c\n", "1:3: a key must be plain text"),
    ],
)
def test_hostile_or_broken_yaml(text: str, expected: str) -> None:
    found = problems(text)
    assert found, "expected a problem"
    assert found[0].startswith(expected)


def test_billion_laughs_is_refused_quickly() -> None:
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for n in range(1, 10):
        bomb += f"{chr(97 + n)}: &{chr(97 + n)} [" + ",".join([f"*{chr(96 + n)}"] * 9) + "]\n"
    found = problems(bomb)
    assert found[0] == "2:8: aliases (`*a`) are not allowed in a bank: write the value out in full"


@pytest.mark.parametrize("opener", ["[", "{a: "])
def test_deep_nesting_is_refused_before_composing(opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    found = problems(opener * 50_000 + closer * 50_000)
    # Either our limit (32) or libyaml's own flow limit stops it: both say where.
    assert len(found) == 1
    assert found[0].startswith("1:")
    assert "nest" in found[0]


def test_block_nesting_is_refused_too() -> None:
    text = "".join(" " * i + "- \n" for i in range(0, 80, 2))
    assert problems(text)[0].endswith("nested more than 32 deep: a bank needs only a few levels")


def test_control_characters_in_text_are_refused() -> None:
    line = '- {id: q, type: truefalse, prompt: "red \\e[31m text", answer: true}'
    found = problems(bank_with(line + "\n"))
    column = line.index('"red') + 3
    assert found == [
        f"6:{column}: the prompt contains the control character U+001B: "
        "terminal control codes are not allowed in bank text"
    ]


def test_raw_escape_byte_is_a_syntax_error_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_bytes(b"newsquiz: 1\ntitle: a\x1b[31m\n")
    report = read_bank(path)
    assert [str(p) for p in report.problems] == [
        f"{path}:2:9: the character U+001B is not allowed in a YAML file "
        "(control characters cannot be written in a bank)"
    ]


def test_rich_markup_is_kept_as_text() -> None:
    report = parse_bank(
        bank_with(
            '- {id: q, type: truefalse, prompt: "[bold]x[/] [/foo] [link=http://e]", answer: true}\n'
        )
    )
    assert report.bank is not None
    assert report.bank.questions[0].prompt == "[bold]x[/] [/foo] [link=http://e]"


def test_not_utf8_gives_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("newsquiz: 1\ntitle: Go\u00efta\n".encode("latin-1"))
    report = read_bank(path)
    assert [str(p) for p in report.problems] == [
        f"{path}:2:10: is not UTF-8 text (byte 0xef): save the bank as UTF-8 in your editor"
    ]


def test_a_utf8_bom_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(
        b"\xef\xbb\xbf"
        + (
            HEADER + "  - {id: q, type: truefalse, prompt: p, answer: true, explanation: e}\n"
        ).encode()
    )
    assert load_bank(path).id == "sample"


def test_a_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    report = read_bank(path)
    assert report.bank is None
    assert report.problems[0].message.startswith("is larger than 16 MiB")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert read_bank(tmp_path / "nope.yaml").problems[0].message == "no such file"
    assert read_bank(tmp_path).problems[0].message == "is a folder, not a bank file"


def test_load_bank_raises_one_error_type_with_every_problem(write_bank) -> None:  # type: ignore[no-untyped-def]
    path = write_bank(HEADER + "  - {id: Q, type: truefalse, prompt: p, answer: maybe}\n")
    with pytest.raises(BankError) as caught:
        load_bank(path)
    assert len(caught.value.problems) == 2
    assert str(caught.value).endswith("(and 1 more)")


def test_source_file_that_does_not_exist_is_a_warning(write_bank) -> None:  # type: ignore[no-untyped-def]
    path = write_bank(
        HEADER.replace("questions:", "source: {file: missing.txt}\nquestions:")
        + "  - {id: q, type: truefalse, prompt: p, answer: true, explanation: e}\n"
    )
    report = read_bank(path)
    assert report.bank is not None
    assert [p.message for p in report.warnings] == [
        "source.file `missing.txt` was not found next to the bank"
    ]


def test_a_duplicate_key_does_not_hide_the_other_problems() -> None:
    found = problems(
        bank_with(
            """\
            - id: q
              type: truefalse
              prompt: p
              answer: yes
              answer: true
            - id: r
              type: choice
              promt: p
              choices: [a, b]
              answer: c
            """
        )
    )
    assert [f.split(": ", 1)[1].split(" ")[0:2] for f in found] == [
        ["duplicate", "key"],
        ["a", "choice"],
        ["unknown", "field"],
        ["the", "answer"],
    ]


def test_select_all_that_apply_needs_at_least_one_answer() -> None:
    assert problems(
        HEADER + "  - {id: q, type: multi, prompt: p, choices: [a, b], answer: []}\n"
    ) == ["6:62: the answer must name at least one of the choices"]


def test_a_tab_in_the_indentation_is_named_plainly() -> None:
    found = problems(HEADER + "  - id: q\n\ttype: truefalse\n")
    assert found == [
        "7:1: YAML syntax error: a tab is used to indent: YAML indents with spaces only"
    ]
