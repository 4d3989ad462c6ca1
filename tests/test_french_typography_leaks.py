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


def _check(tmp_path: Path, data: Path, question: str, lang: str = FRENCH) -> str:
    bank = tmp_path / "bank.yaml"
    bank.write_text(BANK.split("  - {")[0] + question, encoding="utf-8")
    code, out, err = run(["check", str(bank)], tmp_path, data, lang=lang)
    assert code != 0
    return out + err


POINTS = "  - {id: q, type: truefalse, prompt: P, answer: true, explanation: e, points: 0.001}\n"


def test_check_writes_the_bounds_of_points_with_a_decimal_comma_in_french(
    tmp_path: Path, private_data_dir: Path
) -> None:
    said = _check(tmp_path, private_data_dir, POINTS)
    assert "au moins 0,01" in said
    assert "0.01" not in said.replace("0.001", "")
    assert "`0.001`" in said  # what the teacher wrote is quoted as written


def test_check_writes_the_bounds_of_points_with_a_point_in_english(
    tmp_path: Path, private_data_dir: Path
) -> None:
    said = _check(tmp_path, private_data_dir, POINTS, lang="C.UTF-8")
    assert "at least 0.01) and at most 1000" in said


def test_check_groups_a_large_count_the_french_way(tmp_path: Path, private_data_dir: Path) -> None:
    tags = ", ".join(f"t{n}" for n in range(12345))
    question = (
        f"  - {{id: q, type: truefalse, prompt: P, answer: true, explanation: e, tags: [{tags}]}}\n"
    )
    said = _check(tmp_path, private_data_dir, question)
    assert "12\u202f345" in said
    assert "12,345" not in said  # a comma is the French decimal mark: 12,345 reads as 12.345
    english = _check(tmp_path, private_data_dir, question, lang="C.UTF-8")
    assert "12,345" in english
