"""`check --lang fr` says the loader's problems in French, not in English sentences."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from newsquiz.cli import main
from newsquiz.context import Environment

ENGLISH_WORDS = (" must ", " found ", " needs ", " cannot ", " has an ", " is a ", " contains ")

Q = '    prompt: "x"\n    explanation: "y"\n'
BANKS = {
    "version.yaml": "newsquiz: 2\nid: b\ntitle: T\nlanguage: en\nquestions: []\n",
    "badversion.yaml": "newsquiz: one\nid: b\ntitle: T\nlanguage: en\nquestions: []\n",
    "language.yaml": "newsquiz: 1\nid: b\ntitle: T\nlanguage: 'e n'\nquestions: []\n",
    "labels.yaml": "newsquiz: 1\nid: b\ntitle: T\nlanguage: en\ntag_labels: [a]\nquestions: []\n",
    "pairs.yaml": "newsquiz: 1\nid: b\ntitle: T\nlanguage: en\nquestions:\n"
    f"  - id: q\n    type: match\n{Q}    pairs: {{a: b}}\n",
    "pairsmap.yaml": "newsquiz: 1\nid: b\ntitle: T\nlanguage: en\nquestions:\n"
    f"  - id: q\n    type: match\n{Q}    pairs: [a, b]\n",
    "date.yaml": "newsquiz: 1\nid: b\ntitle: T\nlanguage: en\nquestions:\n"
    f"  - id: q\n    type: date\n{Q}    answer: 2025-06-23\n    tolerance: soon\n",
    "finer.yaml": "newsquiz: 1\nid: b\ntitle: T\nlanguage: en\nquestions:\n"
    f"  - id: q\n    type: date\n{Q}    answer: 2025-06\n    tolerance: 2 days\n",
    "cloze.yaml": "newsquiz: 1\nid: b\ntitle: T\nlanguage: en\nquestions:\n"
    f"  - id: q\n    type: cloze\n{Q}    text: 'a {{{{ }}}} b'\n",
    "control.yaml": "newsquiz: 1\nid: b\ntitle: T\nlanguage: en\nquestions:\n"
    '  - id: q\n    type: truefalse\n    prompt: "a\\x07b"\n    explanation: "y"\n'
    "    answer: true\n",
    "evidence.yaml": "newsquiz: 1\nid: b\ntitle: T\nlanguage: en\nquestions:\n"
    f"  - id: q\n    type: truefalse\n{Q}    answer: true\n    evidence: [[a]]\n",
}
ENGLISH = {
    "version.yaml": "this bank is written in format 2; this newsquiz reads format 1",
    "badversion.yaml": "`newsquiz` is the format version and must be 1 (digits 0-9), found",
    "language.yaml": "the language must be a language tag such as `fr` or `en`, found `e n`",
    "labels.yaml": "tag_labels must map a tag to its label, found a list",
    "pairs.yaml": "pairs needs at least 2 entries, found 1",
    "pairsmap.yaml": "pairs must be a mapping from left to right, found a list",
    "date.yaml": "the tolerance of a date question is a duration such as `2 days`",
    "finer.yaml": "a tolerance in days needs an answer with a day (the answer is `2025-06`)",
    "cloze.yaml": "the blank `{{ }}` has an empty answer",
    "control.yaml": "contains the control character U+0007",
    "evidence.yaml": "must be a quote, or a mapping with `quote` and `translation`, found a list",
}


def run(argv: list[str], cwd: Path) -> str:
    out = io.StringIO()
    now = dt.datetime(2025, 7, 1, 12, tzinfo=dt.UTC)
    env = Environment(stdout=out, stderr=io.StringIO(), cwd=cwd, environ={}, clock=lambda: now)
    main(argv, env)
    return out.getvalue()


@pytest.mark.parametrize("name", sorted(BANKS))
def test_loader_problems_are_french_in_a_french_check(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(BANKS[name], encoding="utf-8")
    english = run(["check", "--lang", "en", name], tmp_path)
    french = run(["check", "--lang", "fr", name], tmp_path)
    assert ENGLISH[name] in english
    assert "erreur" in french
    for word in ENGLISH_WORDS:
        assert word not in french, (word, french)
