"""A cache entry written by an older newsquiz is never shown: its problems may be in the old
English wording, without a message key. It is a miss, and the file is read again."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from newsquiz.bank_cache import CACHE_VERSION
from newsquiz.cli import main
from newsquiz.context import Environment
from test_bank_cache import entries
from test_damaged_cache_entries import rewrite

OLD_WORDING = "Old wording: this file is not a newsquiz bank"


def play_french(path: Path, cache: Path) -> str:
    out, err = io.StringIO(), io.StringIO()
    environ = {
        "LANG": "fr_FR.UTF-8",
        "NEWSQUIZ_CACHE_DIR": str(cache),
        "NEWSQUIZ_DATA_DIR": str(path.parent / "data"),
    }
    env = Environment(stdin=io.StringIO(), stdout=out, stderr=err, environ=environ, cwd=path.parent)
    assert main(["play", str(path), "--no-save"], env) != 0
    return out.getvalue() + err.getvalue()


def written_by_an_older_newsquiz(header: dict[str, Any], lines: list[bytes]) -> None:
    """As an older newsquiz wrote it: another cache version, its problem in English, no key."""
    if "cache" in header:
        header["cache"] = CACHE_VERSION - 1
    strings = json.loads(lines[0])
    strings[0], strings[1] = OLD_WORDING, ""  # the message and its key
    lines[0] = json.dumps(strings, ensure_ascii=False, separators=(",", ":")).encode()


@pytest.mark.parametrize("older", ["previous cache version", "no cache version"])
def test_an_entry_from_an_older_newsquiz_is_read_again(tmp_path: Path, older: str) -> None:
    notes = tmp_path / "notes.yaml"
    notes.write_text("foo: bar\nbaz: 1\n", encoding="utf-8")
    cache = tmp_path / "cache"
    first = play_french(notes, cache)
    assert "ce n’est pas une banque newsquiz" in first
    (entry,) = entries(cache)

    def older_entry(header: dict[str, Any], lines: list[bytes]) -> None:
        if older == "no cache version":
            header.pop("cache", None)
        written_by_an_older_newsquiz(header, lines)

    rewrite(entry, older_entry)
    again = play_french(notes, cache)
    assert OLD_WORDING not in again
    assert "ce n’est pas une banque newsquiz" in again
    # Written again, by this newsquiz: the next run reads it.
    assert OLD_WORDING not in entry.read_text(encoding="utf-8")
