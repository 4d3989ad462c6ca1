"""`--help` speaks the learner's language: --lang, else the locale (issue 10)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from newsquiz.cli import COMMANDS, main
from newsquiz.context import Environment

FRENCH = {"LANG": "fr_FR.UTF-8"}
ENGLISH_ONLY = (
    "usage:",
    "show this help message",
    "positional arguments",
    "options:",
    "examples:",
    "show program's version",
)
# Every command as a user types it (a module of commands/ may add two).
NAMES = ("check", "schema", "new", "play", "review", "stats", "list", "import", "export", "report")


def helped(
    argv: list[str], environ: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    """What `newsquiz ARGV` prints (argparse writes help to the real standard output)."""
    out = io.StringIO()
    env = Environment(
        stdin=io.StringIO(), stdout=out, stderr=io.StringIO(), environ=environ, cwd=tmp_path
    )
    code = main(argv, env)
    return code, out.getvalue() + capsys.readouterr().out


def test_the_commands_listed_are_those_a_user_types() -> None:
    assert len(COMMANDS) == len(NAMES) - 1  # interchange adds import and export


@pytest.mark.parametrize("argv", [["--help"], []] + [[name, "--help"] for name in NAMES])
def test_help_is_french_under_a_french_locale(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, text = helped(argv, FRENCH, tmp_path, capsys)
    assert text.startswith("utilisation : newsquiz")
    assert "\noptions :\n" in text
    for words in ENGLISH_ONLY:
        assert words not in text, words


@pytest.mark.parametrize("name", ["play", "review", "stats", "check", "report"])
def test_lang_fr_asks_for_french_help_in_an_english_locale(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, text = helped([name, "--lang", "fr", "--help"], {"LANG": "en_GB.UTF-8"}, tmp_path, capsys)
    assert "affiche ce message d’aide et quitte" in text
    assert "show this help message" not in text


def test_french_help_of_play_explains_its_options_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, text = helped(["play", "--help"], FRENCH, tmp_path, capsys)
    assert code == 0
    assert "\narguments positionnels :\n" in text
    assert "aucune correction avant la fin" in text  # --exam
    assert "no feedback until the end" not in text


@pytest.mark.parametrize("environ", [{}, {"LANG": "C"}, {"LANG": "en_US.UTF-8"}])
def test_english_help_is_argparse_s_own(
    environ: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, text = helped(["play", "--help"], environ, tmp_path, capsys)
    assert code == 0
    assert text.startswith("usage: newsquiz play [-h]")
    assert "\npositional arguments:\n  BANK " in text
    assert "\noptions:\n  -h, --help " in text
    assert "show this help message and exit" in text
    assert "  --exam             no feedback until the end\n" in text
    assert "help." not in text  # no message key shows instead of its text


def test_no_command_prints_the_french_overview_and_a_usage_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, text = helped([], FRENCH, tmp_path, capsys)
    assert code == 2
    assert "joue une banque" in text  # play's line in the list of commands
    assert "newsquiz COMMAND --help" in text


def test_help_of_every_command_shows_no_message_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for environ in ({}, FRENCH):
        for name in NAMES:
            _, text = helped([name, "--help"], environ, tmp_path, capsys)
            assert "help." not in text, (name, environ)
