"""A stop request (Ctrl-C, SIGTERM) ends a command with 128 + the signal, even when Python
wraps it in another exception or swallows it where it cannot be raised. In-process, with
the command's search for banks standing in for any work a command does."""

from __future__ import annotations

import io
import os
import signal
import sys
from pathlib import Path

import pytest

import newsquiz.catalog
from newsquiz.cli import main
from newsquiz.context import Environment


def list_banks(cwd: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    env = Environment(
        stdin=io.StringIO(""), stdout=out, stderr=err, environ={"LANG": "en_US.UTF-8"}, cwd=cwd
    )
    return main(["list"], env), out.getvalue(), err.getvalue()


def ctrl_c_in_a_class_creation(*args: object, **kwargs: object) -> list[object]:
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt as stop:
        raise RuntimeError("Error calling __set_name__") from stop


def sigterm(*args: object, **kwargs: object) -> list[object]:
    os.kill(os.getpid(), signal.SIGTERM)
    return []


class Dying:
    def __del__(self) -> None:
        raise KeyboardInterrupt


def ctrl_c_where_it_cannot_be_raised(*args: object, **kwargs: object) -> list[object]:
    Dying()  # Python can only report it as "Exception ignored"
    return []


@pytest.mark.parametrize(
    ("work", "status"),
    [(ctrl_c_in_a_class_creation, 130), (sigterm, 143), (ctrl_c_where_it_cannot_be_raised, 130)],
)
def test_a_stop_request_ends_the_command_with_its_status(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, work: object, status: int
) -> None:
    handlers = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    hook = sys.unraisablehook
    monkeypatch.setattr(newsquiz.catalog, "survey", work)
    code, _, err = list_banks(tmp_path)
    assert code == status
    assert "Traceback" not in err and "Exception ignored" not in err
    # Everything put back as it was once the command ends.
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)) == handlers
    assert sys.unraisablehook is hook
