"""A French session says everything in French: the list of banks, what `check`
counts, and why the options chose no question."""

from __future__ import annotations

import io
from pathlib import Path

from newsquiz.cli import main
from newsquiz.context import Environment

FRENCH = {"LANG": "fr_FR.UTF-8"}
BANK = """\
newsquiz: 1
id: vrai-faux
title: Vrai ou faux
language: {language}
questions:
  - {{id: q, type: truefalse, prompt: Le ciel est bleu., answer: true, explanation: Souvent.}}
"""


def run(argv: list[str], cwd: Path, environ: dict[str, str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    env = Environment(stdin=io.StringIO(), stdout=out, stderr=err, environ=environ, cwd=cwd)
    code = main(argv, env)
    return code, out.getvalue(), err.getvalue()


def _bank(tmp_path: Path, language: str = "fr") -> Path:
    (tmp_path / "quizzes").mkdir(exist_ok=True)
    path = tmp_path / "quizzes" / "vrai-faux.yaml"
    path.write_text(BANK.format(language=language), encoding="utf-8")
    return path


def test_list_in_french(tmp_path: Path) -> None:
    _bank(tmp_path)
    (tmp_path / "quizzes" / "cassee.yaml").write_text("newsquiz: [\n", encoding="utf-8")
    code, out, _ = run(["list"], tmp_path, FRENCH)
    assert code == 0
    lines = out.splitlines()
    assert "vrai-faux  Vrai ou faux  (fr, 1 question)" in lines
    assert (
        "quizzes/cassee.yaml: banque invalide (lancez : newsquiz check quizzes/cassee.yaml)"
        in lines
    )
    assert "    installée avec newsquiz" in lines
    assert "invalid bank" not in out and "installed" not in out


def test_check_counts_in_french(tmp_path: Path) -> None:
    path = _bank(tmp_path)
    code, out, _ = run(["check", str(path.relative_to(tmp_path))], tmp_path, FRENCH)
    assert code == 0
    assert out.splitlines()[0] == "ok  quizzes/vrai-faux.yaml  (1 question)"
    assert "1 banque vérifiée" in out.splitlines()[-1]


def test_an_unknown_tag_is_explained_in_the_language_of_the_session(tmp_path: Path) -> None:
    _bank(tmp_path)
    code, _, err = run(["play", "vrai-faux", "--tag", "sport"], tmp_path, FRENCH)
    assert code == 2
    assert (
        err
        == "newsquiz play: aucune question n'a le thème sport (thèmes de cette banque : aucun)\n"
    )
    code, _, err = run(["play", "vrai-faux", "--tag", "sport", "--lang", "en"], tmp_path, FRENCH)
    assert err == "newsquiz play: no question has the tag sport (tags in this bank: none)\n"


BROKEN = BANK.replace("answer: true", "answer: maybe")


def test_a_bank_that_cannot_be_played_is_explained_in_french(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text(BROKEN.format(language="fr"), encoding="utf-8")
    for command in (["play", "b.yaml"], ["review", "b.yaml"], ["export", "b.yaml", "--to", "gift"]):
        code, _, err = run(command, tmp_path, FRENCH)
        assert code == 1, command
        assert "une question truefalse doit être true ou false" in err, command
        assert "must be" not in err, command
