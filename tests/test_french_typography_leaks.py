"""A French session hears French, written the French way: commands quoted « »,
numbers with a decimal comma, values named, no English words from a library."""

from __future__ import annotations

import io
from pathlib import Path

from newsquiz.cli import main
from newsquiz.context import Environment

FRENCH = "fr_FR.UTF-8"
STRAIGHT = ("'newsquiz play'", '"newsquiz play"')
BANK = """\
newsquiz: 1
id: ciel
title: Le ciel
language: fr
questions:
  - {id: q, type: truefalse, prompt: Le ciel est bleu., answer: true, explanation: Souvent.}
"""


def run(
    argv: list[str], cwd: Path, data: Path, lang: str = FRENCH, typed: str = ""
) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    environ = {"LANG": lang, "NEWSQUIZ_DATA_DIR": str(data)}
    env = Environment(stdin=io.StringIO(typed), stdout=out, stderr=err, environ=environ, cwd=cwd)
    code = main(argv, env)
    return code, out.getvalue(), err.getvalue()


def test_stats_with_no_progress_quotes_the_command_the_french_way(
    tmp_path: Path, private_data_dir: Path
) -> None:
    code, out, _ = run(["stats"], tmp_path, private_data_dir)
    assert code == 0
    assert "« newsquiz play »" in out
    assert not any(quoted in out for quoted in STRAIGHT)


def test_stats_with_a_store_but_no_answer_yet_quotes_it_the_french_way_too(
    tmp_path: Path, private_data_dir: Path
) -> None:
    bank = tmp_path / "ciel.yaml"
    bank.write_text(BANK, encoding="utf-8")
    code, _, _ = run(["play", str(bank), "--no-save"], tmp_path, private_data_dir, typed="v\n")
    assert code == 0
    run(["review", "--lang", "fr"], tmp_path, private_data_dir)
    code, out, _ = run(["stats", "--lang", "fr"], tmp_path, private_data_dir, lang="C.UTF-8")
    assert "« newsquiz play »" in out
    assert not any(quoted in out for quoted in STRAIGHT)
