"""Files newsquiz writes for a teacher (drafts, imports, exports) get the usual
permissions of the user's umask, like any file an editor saves: a bank or a
worksheet left in a shared folder must be readable by colleagues and students."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsquiz.drafting.output import write_new
from newsquiz.interchange.output import write_atomically


@pytest.fixture
def usual_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("usual_umask")
def test_a_drafted_bank_is_readable_by_others(tmp_path: Path) -> None:
    write_new(tmp_path / "draft.yaml", "newsquiz: 1\n", force=False)
    assert mode(tmp_path / "draft.yaml") == 0o644


@pytest.mark.usefixtures("usual_umask")
def test_an_exported_file_is_readable_by_others(tmp_path: Path) -> None:
    write_atomically(tmp_path / "sheet.md", b"# sheet\n")
    assert mode(tmp_path / "sheet.md") == 0o644


def test_the_umask_is_followed(tmp_path: Path) -> None:
    previous = os.umask(0o077)
    try:
        write_atomically(tmp_path / "private.csv", b"id\n")
        write_new(tmp_path / "private.yaml", "newsquiz: 1\n", force=False)
    finally:
        os.umask(previous)
    assert mode(tmp_path / "private.csv") == 0o600
    assert mode(tmp_path / "private.yaml") == 0o600


@pytest.mark.usefixtures("usual_umask")
def test_replacing_a_file_keeps_its_permissions(tmp_path: Path) -> None:
    for name in ("bank.yaml", "bank.gift"):
        (tmp_path / name).write_text("old\n", encoding="utf-8")
        (tmp_path / name).chmod(0o640)
    write_new(tmp_path / "bank.yaml", "new\n", force=True)
    write_atomically(tmp_path / "bank.gift", b"new\n", force=True)
    assert mode(tmp_path / "bank.yaml") == 0o640
    assert mode(tmp_path / "bank.gift") == 0o640
    assert (tmp_path / "bank.gift").read_bytes() == b"new\n"
