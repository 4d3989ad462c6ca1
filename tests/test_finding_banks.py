"""Where banks are found and where exported or imported files go, as a user sees it."""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path

import pytest

from newsquiz.cli import main
from newsquiz.context import Environment

ALPHA = """\
newsquiz: 1
id: alpha
title: Alpha
language: en
questions:
  - {id: a1, type: truefalse, prompt: Alpha one is true., answer: true, explanation: e}
  - {id: a2, type: truefalse, prompt: Alpha two is true., answer: true, explanation: e}
"""
# The id is not on a line of its own: found by loading the bank, not by its first lines.
FLOW = (
    "{newsquiz: 1, id: flowy, title: Flowy, language: en, questions:"
    " [{id: q, type: truefalse, prompt: Flow is true., answer: true, explanation: e}]}\n"
)


def run(argv: list[str], cwd: Path, typed: str = "", **environ: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    env = Environment(
        stdin=io.StringIO(typed),
        stdout=out,
        stderr=err,
        environ={"LANG": "en_US.UTF-8", **environ},
        cwd=cwd,
    )
    code = main(argv, env)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def folders(tmp_path: Path) -> str:
    """NEWSQUIZ_PATH with two folders: `one` holds alpha, `other` a copy of it and flowy."""
    (tmp_path / "one").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "one" / "a.yaml").write_text(ALPHA, encoding="utf-8")
    (tmp_path / "other" / "a.yaml").write_text(
        ALPHA.replace("title: Alpha", "title: Alpha copy"), encoding="utf-8"
    )
    (tmp_path / "other" / "flow.yaml").write_text(FLOW, encoding="utf-8")
    return os.pathsep.join([str(tmp_path / "one"), str(tmp_path / "other")])


def test_a_bank_id_in_two_folders_is_listed_once_from_the_first(
    tmp_path: Path, folders: str
) -> None:
    code, out, _ = run(["list"], tmp_path, NEWSQUIZ_PATH=folders)
    assert code == 0
    assert out.splitlines()[:4] == [
        "alpha  Alpha  (en, 2 questions)",
        "    one/a.yaml",
        "flowy  Flowy  (en, 1 question)",
        "    other/flow.yaml",
    ]
    assert "Alpha copy" not in out
    code, out, _ = run(["play", "alpha", "--no-save"], tmp_path, "t\nt\n", NEWSQUIZ_PATH=folders)
    assert code == 0 and "Alpha copy" not in out


def test_a_bank_is_found_by_its_id_however_the_id_is_written(tmp_path: Path, folders: str) -> None:
    code, out, err = run(["play", "flowy", "--no-save"], tmp_path, "t\n", NEWSQUIZ_PATH=folders)
    assert (code, err) == (0, "")
    assert "Score: 1 of 1 point (100%)." in out
    code, _, err = run(["play", "nosuch"], tmp_path, NEWSQUIZ_PATH=folders)
    assert code == 2
    assert err.startswith("newsquiz play: no bank file or bank id 'nosuch' (bank ids found: ")
    assert "alpha, flowy, goita-kremlin-2025-en, goita-kremlin-2025-fr" in err


@pytest.mark.parametrize("command", ["export", "import"])
def test_an_output_file_never_replaces_a_folder_or_a_device(tmp_path: Path, command: str) -> None:
    (tmp_path / "a.yaml").write_text(ALPHA, encoding="utf-8")
    code, _, _ = run(["export", "a.yaml", "--to", "gift", "-o", "a.gift"], tmp_path)
    assert code == 0
    source = ["export", "a.yaml", "--to", "gift"] if command == "export" else ["import", "a.gift"]
    (tmp_path / "out").mkdir()

    code, _, err = run([*source, "-o", "out", "--force"], tmp_path)
    example = "out/alpha.gift.txt" if command == "export" else "out/a.yaml"
    assert (code, err) == (
        2,
        f"newsquiz {command}: out is a folder, not a file: name a file in it, such as {example};"
        " a folder is never replaced, even with --force\n",
    )
    assert list((tmp_path / "out").iterdir()) == []
    code, _, err = run([*source, "-o", os.devnull, "--force"], tmp_path)
    assert (code, err) == (2, f"newsquiz {command}: {os.devnull} is not a regular file\n")


def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(ALPHA, encoding="utf-8")
    (tmp_path / "a.gift").write_text("mine\n", encoding="utf-8")
    export = ["export", "a.yaml", "--to", "gift", "-o", "a.gift"]
    code, _, err = run(export, tmp_path)
    assert (code, err) == (2, "newsquiz export: a.gift already exists: add --force to replace it\n")
    assert (tmp_path / "a.gift").read_text(encoding="utf-8") == "mine\n"
    code, _, err = run([*export, "--force"], tmp_path)
    assert code == 0
    assert err == "Exported from alpha (gift): 2 questions, 0 skipped; written to a.gift.\n"
    assert "Alpha one is true." in (tmp_path / "a.gift").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.gift", "a.yaml"]


def test_a_full_disk_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.yaml").write_text(ALPHA, encoding="utf-8")
    (tmp_path / "a.gift").write_text("mine\n", encoding="utf-8")

    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    code, _, err = run(["export", "a.yaml", "--to", "gift", "-o", "a.gift", "--force"], tmp_path)
    assert code == 1
    assert err == f"newsquiz export: cannot write {tmp_path / 'a.gift'}: No space left on device\n"
    assert (tmp_path / "a.gift").read_text(encoding="utf-8") == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.gift", "a.yaml"]


def test_a_folder_without_hard_links_still_takes_a_new_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.yaml").write_text(ALPHA, encoding="utf-8")

    def no_links(source: object, target: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    code, _, _ = run(["export", "a.yaml", "--to", "gift", "-o", "a.gift"], tmp_path)
    assert code == 0
    assert "Alpha one is true." in (tmp_path / "a.gift").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.gift", "a.yaml"]
