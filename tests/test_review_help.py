"""`newsquiz review --help` states the defaults a review really uses, in every language."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from newsquiz.cli import build_parser, main
from newsquiz.context import Environment
from newsquiz.locales import LANGUAGES
from newsquiz.progress import DEFAULT_NEW_PER_DAY


def _review_help(language: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """The help of `review`, in ``language``, its white space folded (wrapped lines and
    French no-break spaces read as one space)."""
    out = io.StringIO()
    env = Environment(stdin=io.StringIO(), stdout=out, stderr=io.StringIO(), cwd=tmp_path)
    assert main(["review", "--lang", language, "--help"], env) == 0
    return " ".join((out.getvalue() + capsys.readouterr().out).split())


def _stated_default(text: str, option: str) -> int:
    """The number in the brackets that end the help of ``option`` (« (default: 10) »)."""
    found = re.search(rf" {option} N [^()]*\([^()]*?(\d+)\)", text)
    assert found is not None, f"the help of {option} states no default"
    return int(found[1])


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_review_help_states_the_number_of_new_questions_review_takes(
    language: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _review_help(language, tmp_path, capsys)
    # Without --new, a review takes progress.DEFAULT_NEW_PER_DAY new questions.
    assert build_parser().parse_args(["review"]).new is None
    assert _stated_default(text, "--new") == DEFAULT_NEW_PER_DAY


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_review_help_states_the_default_limit(
    language: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _review_help(language, tmp_path, capsys)
    assert _stated_default(text, "--limit") == build_parser().parse_args(["review"]).limit
