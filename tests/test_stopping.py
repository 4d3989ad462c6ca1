"""Stopping from outside: signals, full or closed streams, bad numbers on the command line."""

from __future__ import annotations

import argparse
import io
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from newsquiz.argument_types import minutes, whole_number
from newsquiz.cli import main
from newsquiz.context import Environment
from newsquiz.stopping import Stopped, exit_status, stop_signals_raise


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_sigterm_and_sighup_raise_like_ctrl_c(signum: int, status: int) -> None:
    before = signal.getsignal(signum)

    def signalled() -> None:
        with stop_signals_raise():
            os.kill(os.getpid(), signum)
            signal.sigtimedwait([], 0)  # let the handler run

    with pytest.raises(KeyboardInterrupt) as caught:
        signalled()
    assert isinstance(caught.value, Stopped)
    assert exit_status(caught.value) == status
    assert signal.getsignal(signum) == before  # put back afterwards


def test_ctrl_c_is_130() -> None:
    assert exit_status(KeyboardInterrupt()) == 130


def test_main_turns_a_signal_into_its_exit_status(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsquiz.cli as cli

    def stopped(args: argparse.Namespace, env: Environment) -> int:
        os.kill(os.getpid(), signal.SIGTERM)
        signal.sigtimedwait([], 0)
        return 0

    monkeypatch.setattr("newsquiz.commands.schema.run", stopped)
    env = Environment(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO(), cwd=tmp_path)
    parser = cli.build_parser()
    monkeypatch.setattr(cli, "build_parser", lambda: _rebind(parser, stopped))
    assert main(["schema"], env) == 143


def _rebind(parser: argparse.ArgumentParser, run: object) -> argparse.ArgumentParser:
    for action in parser._subparsers._group_actions:  # type: ignore[union-attr]
        action.choices["schema"].set_defaults(run=run)  # type: ignore[index]
    return parser


def test_an_internal_error_names_no_address_and_says_how_to_get_details(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsquiz.cli as cli

    def broken(args: argparse.Namespace, env: Environment) -> int:
        raise RuntimeError("boom")

    parser = cli.build_parser()
    monkeypatch.setattr(cli, "build_parser", lambda: _rebind(parser, broken))
    for language, fragment in (("en_GB.UTF-8", "--debug"), ("fr_FR.UTF-8", "--debug")):
        err = io.StringIO()
        env = Environment(
            stdin=io.StringIO(),
            stdout=io.StringIO(),
            stderr=err,
            cwd=tmp_path,
            environ={"LANG": language},
        )
        assert main(["schema"], env) == 70
        text = err.getvalue()
        assert "RuntimeError: boom" in text
        assert "newsquiz --debug schema" in text and fragment in text
        assert "http" not in text and "github" not in text
    with pytest.raises(RuntimeError, match="boom"):
        main(["--debug", "schema"], env)


def test_no_made_up_address_anywhere_in_the_repository() -> None:
    """The issue tracker address the internal-error message used to name never existed."""
    root = Path(__file__).resolve().parents[1]
    invented = "github.com/" + "newsquiz"  # spelled in two parts: this file is searched too
    folders = [root / name for name in ("src", "tests", "docs", "benchmarks", "schema", "quizzes")]
    files = [root / "README.md", root / "CHANGELOG.md", root / "pyproject.toml"]
    files += [p for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.is_file()]
    for path in files:
        if path.suffix in {".py", ".md", ".toml", ".json", ".yaml", ".yml", ".txt", ".html"}:
            assert invented not in path.read_text(encoding="utf-8", errors="replace"), path


@pytest.mark.parametrize(
    "text", ["inf", "-inf", "1e20", "nan", "0", "-1", "1441", "abc", "", "1" * 5000]
)
def test_minutes_outside_the_range_say_the_range(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="more than 0 and at most 1440"):
        minutes(text)


def test_minutes_inside_the_range() -> None:
    assert minutes("0,5") == 0.5
    assert minutes("1440") == 1440


@pytest.mark.parametrize(
    "text", ["9223372036854775807", "100001", "0", "-5", "1e3", "٣", "1" * 5000, "²"]
)
def test_counts_outside_the_range_say_the_range(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="from 1 to 100000"):
        whole_number(1, 100_000)(text)


def _python(code: str, shell: str = "") -> subprocess.CompletedProcess[bytes]:
    command = f'exec "$0" -c "$1" {shell}'
    return subprocess.run(
        ["sh", "-c", command, sys.executable, code], capture_output=True, timeout=60, check=False
    )


def test_closed_standard_input_reads_as_end_of_input() -> None:
    code = (
        "import sys; from newsquiz.streams import prepare_standard_streams as p; p(); "
        "print(repr(sys.stdin.readline()), file=sys.stderr)"
    )
    result = _python(code, "<&-")
    assert result.stderr == b"''\n"


def test_closed_descriptors_are_never_reused_for_files(tmp_path: Path) -> None:
    """With fd 1 closed, a file opened later must not become standard output."""
    target = tmp_path / "f.txt"
    code = (
        "from newsquiz.streams import prepare_standard_streams as p; p(); "
        f'f = open({str(target)!r}, "w"); f.write(str(f.fileno())); f.close(); print(1)'
    )
    result = _python(code, ">&-")
    assert result.returncode == 0, result.stderr
    assert int(target.read_text(encoding="utf-8")) > 2
