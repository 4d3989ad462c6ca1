"""Shared fixtures: a repository root, and banks written on the fly."""

from __future__ import annotations

import signal
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _hear_stop_signals() -> None:
    """Give every program the tests start the stop signals a terminal would send.

    A suite started as a background job without job control (`cmd &` in a
    script, as a CI runner may do) or under `nohup` inherits SIGINT or SIGHUP
    *ignored*, and an ignored signal stays ignored across exec: newsquiz then
    (rightly) keeps ignoring it, and every test that presses Ctrl-C or hangs up
    would fail for a reason that is not newsquiz's. A handler other than
    SIG_IGN is reset to the default in the child at exec, so setting one here
    is enough.
    """
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) == signal.SIG_IGN:
            handler = signal.default_int_handler if name == "SIGINT" else signal.SIG_DFL
            signal.signal(number, handler)


_hear_stop_signals()

VALID_HEADER = """\
newsquiz: 1
id: sample
title: Sample
language: en
questions:
"""


@pytest.fixture(autouse=True)
def private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test, and every newsquiz it starts, keeps progress in a folder of its own."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("NEWSQUIZ_DATA_DIR", str(folder))
    # The same language whatever the developer's or CI's locale: English unless
    # a test asks for another (LANG=fr_FR.UTF-8 in its own environment).
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    # The bank cache too: tests never read or write the user's own cache folder
    # (XDG_CACHE_HOME for the tests that pass newsquiz an empty environment).
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("NEWSQUIZ_CACHE_DIR", str(cache / "banks"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    return folder


@pytest.fixture
def write_bank(tmp_path: Path) -> Callable[..., Path]:
    """Write a bank file from YAML text (dedented) and return its path."""

    def write(text: str, name: str = "bank.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write
