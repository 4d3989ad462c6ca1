"""The interface language: --lang, else the banks at hand, else the locale, else English."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from newsquiz.cli import main
from newsquiz.context import Environment
from newsquiz.interface.language import choose_language, locale_language


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "fr_CA.UTF-8"}, "fr"),
        ({"LANG": "fr_FR.UTF-8", "LC_ALL": "C"}, None),
        ({"LC_ALL": "fr_BE@euro", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LANG": "de_DE.UTF-8"}, None),
        ({}, None),
    ],
)
def test_the_locale_is_read_as_posix_reads_it(
    environ: dict[str, str], expected: str | None
) -> None:
    assert locale_language(environ) == expected


def test_the_languages_chosen_are_those_of_the_catalogue() -> None:
    from newsquiz.interface import language, messages

    assert set(language.CATALOGUES) == set(messages.CATALOGUES)


def test_lang_then_banks_then_locale_then_english() -> None:
    french = {"LANG": "fr_FR.UTF-8"}
    assert choose_language("en", ["fr"], french) == "en"
    assert choose_language(None, ["en", "en-GB"], french) == "en"
    assert choose_language(None, ["fr", "en"], french) == "fr"  # mixed banks: the locale
    assert choose_language(None, ["de"], {}) == "en"
    assert choose_language(None, [], french) == "fr"


def run(argv: list[str], environ: dict[str, str], cwd: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    env = Environment(stdin=io.StringIO(""), stdout=out, stderr=err, environ=environ, cwd=cwd)
    code = main(argv, env)
    return code, out.getvalue(), err.getvalue()


def test_stats_speak_the_locale_when_nothing_was_played(tmp_path: Path) -> None:
    environ = {"LANG": "fr_FR.UTF-8", "NEWSQUIZ_DATA_DIR": str(tmp_path / "data")}
    code, out, _ = run(["stats"], environ, tmp_path)
    assert code == 0
    assert "Pas encore de réponses" in out


def test_usage_errors_speak_the_locale(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    environ = {"LANG": "fr_FR.UTF-8", "NEWSQUIZ_DATA_DIR": str(tmp_path / "data")}
    code, _, err = run(["play", "nowhere", "--no-save"], environ, tmp_path)
    assert code == 2
    assert err.startswith("newsquiz play: ni fichier ni identifiant de banque « nowhere »")
    code, _, err = run(["play", "--time", "5", "--no-save"], environ, tmp_path)
    assert (code, err) == (
        2,
        "newsquiz play: --time limite la durée d’un examen : ajoutez --exam\n",
    )
    code, _, _ = run(["play", "-n", "0"], environ, tmp_path)
    assert code == 2
    complaint = capsys.readouterr().err
    assert complaint.startswith("utilisation : newsquiz play")
    assert "newsquiz play: erreur : argument -n : un nombre entier de 1 à 100000" in complaint
    code, _, _ = run(["play", "-n", "0", "--lang", "en"], environ, tmp_path)
    assert code == 2
    assert "newsquiz play: error: argument -n: expected a whole number from 1 to 100000" in (
        capsys.readouterr().err
    )
    run(["play", "--bogus"], environ, tmp_path)
    assert "newsquiz: erreur : arguments inconnus : --bogus" in capsys.readouterr().err
