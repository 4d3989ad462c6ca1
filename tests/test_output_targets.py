"""A file newsquiz writes never replaces a folder, a device, a pipe or a broken link.

Whatever the command (`export -o`, `import -o`, `new -o`, `play --results`,
`report --html` / `--csv`) and with or without --force, the first thing said is
the real problem (it is a folder: name a file in it), the exit status is 2 and
nothing is replaced.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from test_finding_banks import ALPHA as BANK
from test_finding_banks import run

ARTICLE = "On 3 March 2024, the minister said “we will stay”.\n"


@pytest.fixture
def place(tmp_path: Path) -> Path:
    (tmp_path / "a.yaml").write_text(BANK, encoding="utf-8")
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    code, _, _ = run(["export", "a.yaml", "--to", "gift", "-o", "a.gift"], tmp_path)
    assert code == 0
    code, _, _ = run(["play", "a.yaml", "--plain", "--results", "r.json"], tmp_path, "t\nt\n")
    assert code == 0
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "mine.txt").write_text("mine\n", encoding="utf-8")
    return tmp_path


# Each command with its output option and the file it would suggest in the folder.
WITH_FORCE = {
    "export": (["export", "a.yaml", "--to", "gift", "-o"], "out/alpha.gift.txt"),
    "import": (["import", "a.gift", "-o"], "out/a.yaml"),
    "new": (["new", "article.txt", "-o"], "out/article.yaml"),
    "new-template": (["new", "--template", "-o"], "out/my-bank.yaml"),
}
WITHOUT_FORCE = {
    "play": ["play", "a.yaml", "--plain", "--no-save", "--results"],
    "report-html": ["report", "r.json", "--html"],
    "report-csv": ["report", "r.json", "--csv"],
}


def untouched(place: Path) -> bool:
    folder = place / "out"
    return folder.is_dir() and [p.name for p in folder.iterdir()] == ["mine.txt"]


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["plain", "force"])
@pytest.mark.parametrize("command", sorted(WITH_FORCE))
@pytest.mark.parametrize("name", ["out", "out/", "link"])
def test_a_folder_is_named_as_the_problem_first(
    place: Path, command: str, force: list[str], name: str
) -> None:
    (place / "link").symlink_to("out")
    argv, example = WITH_FORCE[command]
    code, _, err = run([*argv, name, *force], place, "t\n")
    first = err.splitlines()[0]
    example = example.replace("out/", name.rstrip("/") + "/")
    assert code == 2, err
    assert f"{name} is a folder, not a file: name a file in it, such as {example}" in first
    assert "already exists" not in err
    assert untouched(place)
    assert (place / "link").is_symlink()


@pytest.mark.parametrize("command", sorted(WITHOUT_FORCE))
@pytest.mark.parametrize("name", ["out", "link"])
def test_results_and_reports_say_the_folder_too(place: Path, command: str, name: str) -> None:
    (place / "link").symlink_to("out")
    code, _, err = run([*WITHOUT_FORCE[command], name], place, "t\n")
    assert code == 2, err
    assert f"cannot write {'results to ' if command == 'play' else ''}{name}" in err
    assert "it is a folder (name a file in it)" in err
    assert untouched(place)


@pytest.mark.parametrize("command", sorted(WITH_FORCE))
@pytest.mark.parametrize("kind", ["fifo", "device", "broken link"])
def test_a_device_a_pipe_or_a_broken_link_is_never_replaced(
    place: Path, command: str, kind: str
) -> None:
    target = place / "target"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "device":
        target.symlink_to(os.devnull)
    else:
        target.symlink_to("nowhere")
    before = os.lstat(target)
    argv, _ = WITH_FORCE[command]
    code, _, err = run([*argv, "target", "--force"], place, "t\n")
    assert code == 2, err
    assert "target is not a regular file" in err.splitlines()[0]
    after = os.lstat(target)
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)
    assert not (place / "nowhere").exists()


@pytest.mark.parametrize("command", sorted(WITH_FORCE))
def test_through_a_link_the_file_is_replaced_and_the_link_stays(place: Path, command: str) -> None:
    (place / "real.txt").write_text("old\n", encoding="utf-8")
    (place / "link").symlink_to("real.txt")
    argv, _ = WITH_FORCE[command]
    code, _, err = run([*argv, "link"], place, "t\n")
    assert code == 2 and "link already exists" in err
    assert (place / "real.txt").read_text(encoding="utf-8") == "old\n"
    code, _, err = run([*argv, "link", "--force"], place, "t\n")
    assert code == 0, err
    assert (place / "link").is_symlink()
    assert (place / "real.txt").read_text(encoding="utf-8") != "old\n"
