"""A bank with more problems than the loader lists (MAX_PROBLEMS): `check` still shows a bounded
number of lines, and its totals, in text and JSON, count every error and every warning."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newsquiz.cli import main
from newsquiz.context import Environment
from newsquiz.loader import MAX_PROBLEMS

HEAD = "newsquiz: 1\nid: many\ntitle: Many\nlanguage: en\nquestions:\n"
# One error each (an answer that is not true or false), one warning each (a cut comment).
WRONG = "  - {{id: e{n}, type: truefalse, prompt: Error {n}?, answer: maybe, explanation: x}}\n"
WARNED = (
    "  - id: w{n}\n    type: truefalse\n    prompt: Warn {n} # cut\n"
    "    answer: true\n    explanation: x\n"
)


def bank(folder: Path, errors: int, warnings: int) -> Path:
    """``errors`` and ``warnings`` questions, taking turns while both last."""
    parts = [HEAD]
    for n in range(max(errors, warnings)):
        if n < errors:
            parts.append(WRONG.format(n=n))
        if n < warnings:
            parts.append(WARNED.format(n=n))
    path = folder / "many.yaml"
    path.write_text("".join(parts), encoding="utf-8")
    return path


def check(path: Path, *extra: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    env = Environment(
        stdin=io.StringIO(),
        stdout=out,
        stderr=err,
        environ={"LANG": "en_US.UTF-8"},
        cwd=path.parent,
    )
    assert main(["check", path.name, *extra], env) == 1
    return out.getvalue()


@pytest.mark.parametrize(
    ("errors", "warnings"),
    [(MAX_PROBLEMS, MAX_PROBLEMS), (3 * MAX_PROBLEMS // 2, 7), (MAX_PROBLEMS + 2, 0), (5, 260)],
)
def test_totals_count_every_problem_past_the_limit(
    tmp_path: Path, errors: int, warnings: int
) -> None:
    path = bank(tmp_path, errors, warnings)
    text = check(path)
    error_word = "error" if errors == 1 else "errors"
    warning_word = "warning" if warnings == 1 else "warnings"
    assert text.rstrip().endswith(f"{errors} {error_word}, {warnings} {warning_word}")
    shown = [line for line in text.splitlines() if line.startswith("many.yaml:")]
    assert len(shown) <= MAX_PROBLEMS + 2
    found = json.loads(check(path, "--format", "json"))
    assert (found["errors"], found["warnings"]) == (errors, warnings)
    assert len(found["banks"][0]["problems"]) <= MAX_PROBLEMS + 2
