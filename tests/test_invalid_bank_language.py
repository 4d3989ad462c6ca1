"""A bank that does not load, given to `play`, `review` or `export`, is explained
in the session's language, as `check` explains it: no English line in a French
session, no French line in an English one."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from newsquiz.cli import main
from newsquiz.context import Environment

BROKEN = """\
newsquiz: 1
id: cassee
title: Cassée
language: fr
questions:
  - id: q1
    type: choice
    prompt: "Qui ?"
    choices: [Ana, Bruno]
    answer: Carla
    explanation: x
"""

COMMANDS = [
    ["play", "cassee.yaml", "--plain", "--no-save"],
    ["review", "cassee.yaml", "--plain", "--no-save"],
    ["export", "cassee.yaml", "--to", "csv"],
]


def run(argv: list[str], cwd: Path, language: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    environ = {"LANG": language, "NEWSQUIZ_DATA_DIR": str(cwd / "data")}
    env = Environment(stdin=io.StringIO(), stdout=out, stderr=err, environ=environ, cwd=cwd)
    code = main(argv, env)
    return code, out.getvalue() + err.getvalue()


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda argv: argv[0])
def test_a_broken_bank_is_explained_in_french(tmp_path: Path, argv: list[str]) -> None:
    (tmp_path / "cassee.yaml").write_text(BROKEN, encoding="utf-8")
    code, said = run(argv, tmp_path, "fr_FR.UTF-8")
    assert code == 1
    assert "cassee.yaml:10:13: la réponse `Carla` ne fait pas partie des choix" in said
    assert "not one of" not in said and "not a valid bank" not in said
    assert "pas une banque valide" in said


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda argv: argv[0])
def test_a_broken_bank_is_explained_in_english(tmp_path: Path, argv: list[str]) -> None:
    (tmp_path / "cassee.yaml").write_text(BROKEN, encoding="utf-8")
    code, said = run(argv, tmp_path, "en_GB.UTF-8")
    assert code == 1
    assert "cassee.yaml:10:13: the answer `Carla` is not one of the choices" in said
    assert "ne fait pas partie" not in said


@pytest.mark.parametrize(
    ("language", "missing", "empty"),
    [
        ("fr_FR.UTF-8", "fichier ou dossier introuvable : absent.yaml", "aucune banque"),
        ("en_GB.UTF-8", "no such file or folder: absent.yaml", "no *.yaml or *.yml bank"),
    ],
)
def test_check_names_what_it_cannot_find_in_the_teachers_language(
    tmp_path: Path, language: str, missing: str, empty: str
) -> None:
    (tmp_path / "vide").mkdir()
    code, said = run(["check", "absent.yaml"], tmp_path, language)
    assert code == 2
    assert missing in said
    code, said = run(["check", "vide"], tmp_path, language)
    assert code == 2
    assert empty in said and "vide" in said
