"""Writing a bank or an export on a file system without hard links (some shared or
network folders): the file is written, and a file already there is still never replaced."""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path

import pytest

from newsquiz.cli import main
from newsquiz.context import Environment
from newsquiz.drafting.template import TEMPLATES

BANK = """\
newsquiz: 1
id: tiny
title: "Tiny"
language: en
questions:
  - id: q1
    type: truefalse
    prompt: "The sky is blue."
    answer: true
    explanation: "It is."
"""


def run(argv: list[str], cwd: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    env = Environment(stdin=io.StringIO(), stdout=out, stderr=err, environ={}, cwd=cwd)
    return main(argv, env), out.getvalue(), err.getvalue()


def _no_hard_links(source: object, target: object) -> None:
    raise OSError(errno.EPERM, "Operation not permitted")


@pytest.fixture
def no_hard_links(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "link", _no_hard_links)


@pytest.mark.usefixtures("no_hard_links")
def test_new_writes_its_bank_without_hard_links(tmp_path: Path) -> None:
    code, out, err = run(["new", "--template", "-o", "mine.yaml"], tmp_path)
    assert (code, err) == (0, "")
    assert "mine.yaml" in out
    assert (tmp_path / "mine.yaml").read_text(encoding="utf-8") == TEMPLATES["en"]
    assert [p.name for p in tmp_path.iterdir()] == ["mine.yaml"]  # no temporary file left


@pytest.mark.usefixtures("no_hard_links")
def test_export_writes_its_file_without_hard_links(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(BANK, encoding="utf-8")
    code, _, err = run(["export", "tiny.yaml", "--to", "gift", "-o", "tiny.gift"], tmp_path)
    assert code == 0
    assert "written to tiny.gift" in err
    assert "The sky is blue." in (tmp_path / "tiny.gift").read_text(encoding="utf-8")


def test_a_file_that_appears_while_new_writes_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program creates the file between the check and the write: it is left as it is."""
    target = tmp_path / "mine.yaml"

    def someone_else_writes(source: object, destination: object) -> None:
        target.write_text("the other program's text\n", encoding="utf-8")
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", someone_else_writes)
    code, _, err = run(["new", "--template", "-o", "mine.yaml"], tmp_path)
    assert code == 2
    assert "mine.yaml" in err
    assert target.read_text(encoding="utf-8") == "the other program's text\n"
    assert [p.name for p in tmp_path.iterdir()] == ["mine.yaml"]
