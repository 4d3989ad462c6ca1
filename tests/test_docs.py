"""The README stays true: its commands exist, and CI runs its test command."""

from __future__ import annotations

import re
from pathlib import Path

from newsquiz.cli import build_parser

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def quickstart_commands() -> list[str]:
    section = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def subcommands() -> set[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return set(action.choices)  # type: ignore[arg-type]


def test_quickstart_has_exactly_two_one_line_commands() -> None:
    install_and_play, install_and_test = quickstart_commands()
    assert install_and_play.endswith("newsquiz play")
    assert "pytest" in install_and_test


def test_ci_runs_the_readme_test_command_word_for_word() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert quickstart_commands()[1] in ci.splitlines()


def test_every_command_is_documented() -> None:
    for name in subcommands():
        assert f"newsquiz {name}" in README, f"`newsquiz {name}` is missing from the README"


def test_every_documented_command_exists() -> None:
    blocks = re.findall(r"```sh\n(.*?)```", README, re.DOTALL)
    commands = [line.split("#")[0] for block in blocks for line in block.splitlines()]
    code = "\n".join(commands + re.findall(r"`([^`\n]+)`", README))
    shown = set(re.findall(r"(?:^|\s|/)newsquiz ([a-z]+)", code))
    assert {"play", "check", "list", "schema"} <= shown
    assert shown <= subcommands()


def test_changelog_has_an_unreleased_section() -> None:
    assert "## [Unreleased]" in (REPO / "CHANGELOG.md").read_text(encoding="utf-8")


def test_the_readme_example_bank_passes_check(tmp_path: Path) -> None:
    from newsquiz.loader import read_bank

    (example,) = re.findall(r"```yaml\n(.*?)```", README, re.DOTALL)
    path = tmp_path / "my-first-bank.yaml"
    path.write_text(example, encoding="utf-8")
    report = read_bank(path)
    assert report.problems == ()
    assert report.bank is not None
    assert report.bank.questions[0].id == "who-received"
