"""How a command ends, in-process: --version, no command, an output that is full or gone,
an internal error. Each is an exit status and at most one line, never a traceback."""

from __future__ import annotations

import errno
import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsquiz import __version__
from newsquiz.cli import main
from newsquiz.context import Environment

BANK = """\
newsquiz: 1
id: alpha
title: Alpha
language: en
questions:
  - {id: a1, type: truefalse, prompt: Alpha one is true., answer: true, explanation: e}
"""


class FullDisk(io.StringIO):
    def flush(self) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")


class ReaderGone(io.StringIO):
    """`newsquiz list | head -0`: the reader has gone before the first line."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "quizzes" / "alpha.yaml").write_text(BANK, encoding="utf-8")
    # An output that failed is pointed at /dev/null by descriptor: let that be a file's
    # descriptor, not the test run's own standard output.
    terminal = open(tmp_path / "terminal", "w", encoding="utf-8")  # noqa: SIM115
    monkeypatch.setattr(sys, "stdout", terminal)
    yield tmp_path
    terminal.close()


def run(argv: list[str], cwd: Path, out: io.StringIO | None = None) -> tuple[int, str, str]:
    out = out if out is not None else io.StringIO()
    err = io.StringIO()
    env = Environment(
        stdin=io.StringIO(""), stdout=out, stderr=err, environ={"LANG": "en_US.UTF-8"}, cwd=cwd
    )
    return main(argv, env), out.getvalue(), err.getvalue()


def test_version_and_no_command(folder: Path) -> None:
    assert run(["--version"], folder) == (0, f"newsquiz {__version__}\n", "")
    code, out, err = run([], folder)
    assert (code, err) == (2, "")
    assert out.startswith("usage: newsquiz [-h] [--version] [--debug] COMMAND ...\n")
    assert "Run 'newsquiz COMMAND --help' for the options of each command." in out


def test_a_full_disk_is_said_in_one_line_with_status_1(folder: Path) -> None:
    code, _, err = run(["--version"], folder, FullDisk())
    assert (code, err) == (1, "newsquiz: No space left on device\n")
    code, _, err = run(["list"], folder, FullDisk())
    assert (code, err) == (1, "newsquiz: cannot write the output: No space left on device.\n")


def test_a_reader_that_went_away_ends_the_command_quietly(folder: Path) -> None:
    assert run(["list"], folder, ReaderGone()) == (0, "", "")


def test_an_internal_error_is_one_line_and_status_70_unless_debugging(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsquiz.catalog

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(newsquiz.catalog, "survey", broken)
    code, out, err = run(["list"], folder)
    assert (code, out) == (70, "")
    assert err.startswith("newsquiz: internal error (RuntimeError: a bug). This is a bug in")
    assert "(newsquiz --debug list …)" in err and len(err.splitlines()) == 1
    with pytest.raises(RuntimeError, match="a bug"):
        run(["--debug", "list"], folder)


# --- a reader that stops after the first line keeps the status the command found ---

BAD_BANK = """\
newsquiz: 1
id: broken
title: Broken
language: en
questions:
  - {id: b1, type: truefalse, prompt: One., answer: maybe}
  - {id: b2, type: truefalse, prompt: Two., answer: perhaps}
"""

WARNED_BANK = BANK.replace(", explanation: e", "")


class ReaderLeaves(io.StringIO):
    """`newsquiz check bad.yaml | head -1`: the reader takes the first write, then goes."""

    def write(self, text: str) -> int:
        if self.getvalue():
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")
        return super().write(text)


@pytest.mark.parametrize("output", [ReaderLeaves, ReaderGone])
@pytest.mark.parametrize("form", [[], ["--format", "json"]])
def test_check_keeps_its_failure_when_the_reader_goes_away(
    folder: Path, output: type[io.StringIO], form: list[str]
) -> None:
    (folder / "bad.yaml").write_text(BAD_BANK, encoding="utf-8")
    assert run(["check", "bad.yaml", *form], folder)[0] == 1
    code, _, err = run(["check", "bad.yaml", *form], folder, output())
    assert (code, err) == (1, "")
    # A bank without errors still passes; with --strict, its warnings fail it.
    (folder / "warned.yaml").write_text(WARNED_BANK, encoding="utf-8")
    assert run(["check", "warned.yaml", *form], folder, output())[0] == 0
    assert run(["check", "--strict", "warned.yaml", *form], folder, output())[0] == 1


def test_check_piped_into_head_exits_1(tmp_path: Path) -> None:
    """The real pipe: the reader reads one line and closes it."""
    import subprocess

    # More than a pipe holds (64 KiB): the reader is gone before the report is written.
    many = "".join(
        f"  - {{id: q{n}, type: truefalse, prompt: Number {n}., answer: maybe}}\n"
        for n in range(2000)
    )
    (tmp_path / "bad.yaml").write_text(BAD_BANK + many, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "newsquiz", "check", "bad.yaml"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**_system_environ(), "LANG": "en_US.UTF-8", "NO_COLOR": "1"},
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=60) == 1
    assert first.startswith(b"bad.yaml:") and err == b""


def _system_environ() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}


@pytest.mark.parametrize("argv", [["--help"], ["check", "--help"], ["--version"]])
def test_help_to_a_reader_that_went_away_ends_quietly(tmp_path: Path, argv: list[str]) -> None:
    """`newsquiz --help | true`: the reader is gone before the first line; no traceback,
    no message."""
    import os
    import subprocess

    reading, writing = os.pipe()
    os.close(reading)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "newsquiz", *argv],
            cwd=tmp_path,
            stdout=writing,
            stderr=subprocess.PIPE,
            env={**_system_environ(), "LANG": "en_US.UTF-8"},
            timeout=60,
            check=False,
        )
    finally:
        os.close(writing)
    assert (done.returncode, done.stderr) == (0, b"")
