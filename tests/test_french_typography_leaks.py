"""A French session hears French, written the French way: commands quoted « »,
numbers with a decimal comma, values named, no English words from a library."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from newsquiz.cli import main
from newsquiz.context import Environment
from newsquiz.locales import Locale
from newsquiz.yaml_syntax import syntax_key

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


def test_an_aiken_option_before_any_question_is_named_with_its_line_and_text(
    tmp_path: Path, private_data_dir: Path
) -> None:
    (tmp_path / "q.txt").write_text(
        "A) Bamako\nANSWER: A\n\nCapitale du Mali ?\nA) Bamako\nB) Ségou\nANSWER: A\n",
        encoding="utf-8",
    )
    code, _, err = run(["import", "q.txt", "--format", "aiken"], tmp_path, private_data_dir)
    assert code == 0
    line = next(line for line in err.splitlines() if line.startswith("q.txt:1"))
    assert "« Bamako »" in line and "l’option A" in line
    assert "«  »" not in err
    assert "« »" not in err


FRENCH_GIFT = "::Capitale::Quelle est la capitale du Mali ?{=Bamako ~Ségou ~Mopti}\n\nEssai {}\n"
ENGLISH_GIFT = "::Capital::What is the capital of Mali?{=Bamako ~Ségou ~Mopti}\n\nEssay {}\n"


def test_import_speaks_the_users_language_not_the_files(
    tmp_path: Path, private_data_dir: Path
) -> None:
    (tmp_path / "fr.gift").write_text(FRENCH_GIFT, encoding="utf-8")
    (tmp_path / "en.gift").write_text(ENGLISH_GIFT, encoding="utf-8")
    code, out, err = run(["import", "fr.gift"], tmp_path, private_data_dir, lang="C.UTF-8")
    assert code == 0
    assert "language: fr" in out  # the bank keeps its own language
    assert "skipped" in err and "Imported from fr.gift" in err
    assert "ignorée" not in err and "Import de" not in err
    code, out, err = run(["import", "en.gift"], tmp_path, private_data_dir)
    assert code == 0
    assert "language: en" in out
    assert "ignorée" in err and "Import de en.gift" in err
    assert "skipped" not in err
    code, _, err = run(["import", "en.gift", "--lang", "fr"], tmp_path, private_data_dir, "C.UTF-8")
    assert "Import de en.gift" in err


def test_export_speaks_the_users_language_and_writes_the_banks(
    tmp_path: Path, private_data_dir: Path
) -> None:
    bank = tmp_path / "ciel.yaml"
    bank.write_text(BANK, encoding="utf-8")
    args = ["export", str(bank), "--to", "markdown", "-o", "ciel.md"]
    code, _, err = run(args, tmp_path, private_data_dir, lang="C.UTF-8")
    assert code == 0, err
    assert err.startswith("Exported from")
    assert "Vrai" in (tmp_path / "ciel.md").read_text(encoding="utf-8")  # the bank's words
    code, _, err = run(["export", "nowhere", "--to", "csv"], tmp_path, private_data_dir)
    assert code == 2 and "nowhere" in err
    assert "no bank" not in err.lower()


def test_gift_partial_credit_is_written_with_a_decimal_comma_in_french(
    tmp_path: Path, private_data_dir: Path
) -> None:
    (tmp_path / "w.gift").write_text(
        "Lequel ? {~%33.33333%2 ~%66.66667%3 ~%-100%4}\n\nOui ? {T}\n", encoding="utf-8"
    )
    code, _, err = run(["import", "w.gift"], tmp_path, private_data_dir)
    assert code == 0
    assert "33,3333\u00a0%" in err
    assert "33.3333" not in err


# PyYAML's own English words, which must never reach a French teacher.
PYYAML_WORDS = ("while ", "found ", "scanning", "expected", "cannot start", "token", "context")
BROKEN = [
    ('title: "Le ciel\nlanguage: fr\n', "guillemet"),  # an unclosed quote
    ("title: T\nlanguage: fr\nquestions:\n  - id: q\n\ttype: truefalse\n", "tabulation"),
    ("title: T\n\tlanguage: fr\n", "tabulation"),
    ("title: `T`\n", "« ` »"),
    ('title: "\\q"\n', "barre oblique inverse"),
    ("title: &\n", "ancres"),
    ("title: !<x\n", "étiquette YAML"),
    ("title: |x\n  a\n", "bloc de texte"),
    ("title: [a, b\n", "liste"),
]


@pytest.mark.parametrize(("body", "said"), BROKEN)
@pytest.mark.parametrize("bank_like", [True, False])
def test_a_yaml_syntax_error_is_explained_in_french_with_its_line_and_column(
    body: str, said: str, bank_like: bool, tmp_path: Path, private_data_dir: Path
) -> None:
    bank = tmp_path / "cassee.yaml"
    bank.write_text(("newsquiz: 1\n" if bank_like else "") + body, encoding="utf-8")
    code, out, err = run(["check", str(bank)], tmp_path, private_data_dir)
    assert code == 1
    first = (out + err).splitlines()[0]
    assert re.match(r".*cassee\.yaml:\d+:\d+: erreur", first), first
    # A bank's line is quoted with what to write; another file's never is.
    assert said in first if bank_like else "erreur de syntaxe YAML : " in first
    assert not [word for word in PYYAML_WORDS if word in first], first


def test_an_unknown_yaml_problem_gets_a_sentence_of_the_readers_language() -> None:
    key, values = syntax_key("some problem libyaml may add one day", "while doing it", "x")
    assert key == "loader.yaml_syntax" and values == ()
    french = Locale("fr")(key, **dict(values))
    assert french.startswith("erreur de syntaxe YAML : ")
    assert "some problem" not in french and "while" not in french
