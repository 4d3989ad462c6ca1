"""In plain output (a pipe, `--plain`), a number never ends a line whose next line starts with
its percent sign or its unit: `10⏎%` and `20⏎s` are wrong, at every width, in both languages."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from class_results import write_class
from newsquiz.cli import main
from newsquiz.context import Environment

WIDTHS = range(16, 90, 3)
# A line ending in a number (or a thousands group) and the next starting with its sign or unit.
SPLIT = re.compile(
    r"[0-9][ \u00a0\u202f]*\n[ \u00a0\u202f]*(?:%|s\b|min\b|pts?\b|[0-9]{3}\b)(?![ \u00a0\u202f]*:)"
)
BANK = """\
newsquiz: 1
id: alpha
title: Alpha
language: {language}
questions:
  - {{id: a1, type: truefalse, prompt: P1., answer: true, explanation: e, points: 3}}
  - {{id: a2, type: truefalse, prompt: P2., answer: true, explanation: e, points: 7}}
"""


def run(argv: list[str], cwd: Path, lang: str, typed: str = "") -> str:
    out, err = io.StringIO(), io.StringIO()
    environ = {"LANG": lang, "NEWSQUIZ_DATA_DIR": str(cwd / "data")}
    env = Environment(stdin=io.StringIO(typed), stdout=out, stderr=err, environ=environ, cwd=cwd)
    assert main(argv, env) in (0, 1), err.getvalue()
    return out.getvalue()


def splits(out: str) -> list[str]:
    return SPLIT.findall(out)


@pytest.mark.parametrize("lang", ["fr_FR.UTF-8", "en_US.UTF-8"])
def test_report_keeps_each_percentage_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    write_class(tmp_path)
    language = lang[:2]
    for width in WIDTHS:
        monkeypatch.setenv("COLUMNS", str(width))
        out = run(["report", str(tmp_path), "--plain", "--lang", language], tmp_path, lang)
        assert "%" in out
        assert splits(out) == [], (width, out)


@pytest.mark.parametrize("lang", ["fr_FR.UTF-8", "en_US.UTF-8"])
def test_play_summary_and_stats_keep_numbers_with_their_units(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    (tmp_path / "alpha.yaml").write_text(BANK.format(language=lang[:2]), encoding="utf-8")
    answer = "v" if lang.startswith("fr") else "t"
    for width in WIDTHS:
        monkeypatch.setenv("COLUMNS", str(width))
        played = run(
            ["play", "alpha.yaml", "--no-shuffle", "--plain"], tmp_path, lang, "f\n" + answer + "\n"
        )
        assert "%" in played
        assert splits(played) == [], (width, played)
        stats = run(["stats", "--plain"], tmp_path, lang)
        assert "%" in stats
        assert splits(stats) == [], (width, stats)
