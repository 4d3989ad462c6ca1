"""The standard streams as newsquiz finds them at start: missing, undecodable, unencodable,
gone, or fed an endless line. Each is made tolerant, so none ends in a traceback."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from newsquiz.streams import (
    MAX_LINE,
    prepare_standard_streams,
    read_bounded_line,
    settle_standard_output,
    silence_stdout,
)


def stream(data: bytes = b"", encoding: str = "utf-8") -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="")


def replace_streams(monkeypatch: pytest.MonkeyPatch) -> dict[str, io.TextIOWrapper]:
    """Stand-ins for stdin, stdout and stderr (set in the test itself, after pytest's
    own capture); the real descriptors 0 to 2 stay untouched."""
    chosen = {
        "stdin": stream("Goïta\n".encode() + b"\xff\xfe\n", "ascii"),
        "stdout": stream(encoding="ascii"),
        "stderr": stream(encoding="latin-1"),
    }
    for name, value in chosen.items():
        monkeypatch.setattr(sys, name, value)
    return chosen


def test_input_that_is_not_text_reads_as_replacement_characters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    replace_streams(monkeypatch)
    prepare_standard_streams()
    # An ASCII locale reads UTF-8 (an accent typed there is UTF-8), and bytes that are
    # not text become U+FFFD, which the prompt then asks again.
    assert sys.stdin.readline() == "Goïta\n"
    assert sys.stdin.readline() == "\ufffd\ufffd\n"


def test_output_the_terminal_cannot_encode_is_shown_as_question_marks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    streams = replace_streams(monkeypatch)
    prepare_standard_streams()
    print("Goïta « ok »", file=sys.stdout, end="")
    print("Tsiviliov → ok", file=sys.stderr, end="")
    sys.stdout.flush()
    sys.stderr.flush()
    assert streams["stdout"].buffer.getvalue() == b"Go?ta ? ok ?"  # type: ignore[attr-defined]
    assert streams["stderr"].buffer.getvalue() == b"Tsiviliov ? ok"  # type: ignore[attr-defined]


def test_missing_streams_become_empty_input_and_silent_output(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("stdin", "stdout", "stderr"):
        monkeypatch.setattr(sys, name, None)
    prepare_standard_streams()
    try:
        assert sys.stdin.readline() == ""  # the end of input, not an error
        print("nobody reads this")
        print("nor this", file=sys.stderr)
    finally:
        for name in ("stdin", "stdout", "stderr"):
            getattr(sys, name).close()


class GoneTerminal(io.StringIO):
    """A terminal that hung up: every flush fails, as does finding its descriptor."""

    def flush(self) -> None:
        raise OSError(5, "Input/output error")

    def fileno(self) -> int:
        raise io.UnsupportedOperation("fileno")


def test_output_to_a_terminal_that_hung_up_is_dropped_quietly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "stdout", GoneTerminal())
    monkeypatch.setattr(sys, "stderr", GoneTerminal())
    settle_standard_output()  # no exception: nothing more can be shown anyway


def test_lines_are_read_whole_up_to_the_limit_and_an_endless_one_is_the_end() -> None:
    longest = "a" * MAX_LINE + "\n"
    assert read_bounded_line(io.StringIO(longest + "next\n")) == (longest, False)
    too_long = io.StringIO("b" * (MAX_LINE * 3) + "\nnext\n")
    # Too long to be an answer: read to its end and dropped, the next line is intact.
    line, dropped = read_bounded_line(too_long)
    assert dropped and len(line) == MAX_LINE
    assert read_bounded_line(too_long) == ("next\n", False)
    # Never ending (< /dev/zero) or cut by the end of input: the end of input.
    assert read_bounded_line(io.StringIO("c" * (MAX_LINE * 20))) == ("", False)
    assert read_bounded_line(io.StringIO("d" * (MAX_LINE + 5))) == ("", False)
    assert read_bounded_line(io.StringIO("")) == ("", False)


def test_an_output_that_failed_is_pointed_at_nothing_so_exit_cannot_fail_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file stands in for the terminal, so the test's own descriptor 1 stays untouched.
    with open(tmp_path / "terminal", "w", encoding="utf-8") as terminal:
        monkeypatch.setattr(sys, "stdout", terminal)
        silence_stdout()
        terminal.write("never shown")
        terminal.flush()
    assert (tmp_path / "terminal").read_text(encoding="utf-8") == ""


class HungUp(io.TextIOWrapper):
    """A terminal that hung up: flushing fails, but its descriptor is still there."""

    gone = True

    def flush(self) -> None:
        if self.gone:
            raise OSError(5, "Input/output error")
        super().flush()


def test_a_hung_up_terminal_is_settled_onto_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = open(tmp_path / "terminal", "wb")  # noqa: SIM115 - closed below
    terminal = HungUp(raw, encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", terminal)
    monkeypatch.setattr(sys, "stderr", GoneTerminal())
    settle_standard_output()
    os.write(raw.fileno(), b"after the hang-up")
    terminal.gone = False
    terminal.close()
    assert (tmp_path / "terminal").read_bytes() == b""
