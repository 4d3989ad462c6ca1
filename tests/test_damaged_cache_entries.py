"""A cache entry damaged in any way its reader can meet is a miss: the bank file is
read again, the entry written again, and the user sees the same quiz, never a
traceback or an internal error.

Each damage below keeps the entry's checksums right (as a forger, or a bug,
would), so that the reader itself meets the damage instead of the checksum
catching it first.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from test_bank_cache import BANK, entries, play, run

Lines = list[bytes]
Damage = Callable[[dict[str, Any], Lines], None]


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    """The bank of test_bank_cache, where its runner looks for banks."""
    (tmp_path / "banks").mkdir()
    (tmp_path / "banks" / "capitals.yaml").write_text(BANK, encoding="utf-8")
    return tmp_path / "banks" / "capitals.yaml"


def rewrite(entry: Path, damage: Damage) -> None:
    """Change the entry as ``damage`` says, then make every checksum fit again."""
    first, body = entry.read_bytes().split(b"\n", 1)
    header = json.loads(first)
    lines = body.split(b"\n")
    damage(header, lines)
    body = b"\n".join(lines)
    header["body"] = zlib.crc32(body)
    summary = json.dumps(header["summary"], ensure_ascii=False, separators=(",", ":"))
    header["summary_crc"] = zlib.crc32(summary.encode("utf-8"))
    entry.write_bytes(json.dumps(header).encode("ascii") + b"\n" + body)


def record(lines: Lines, number: int, change: Callable[[list[Any]], list[Any]]) -> None:
    """Change question ``number``'s record, keeping the index of where each one starts."""
    record_text(lines, number, json.dumps(change(json.loads(lines[3 + number]))).encode())


def record_text(lines: Lines, number: int, text: bytes) -> None:
    """Put ``text`` for question ``number``'s record, keeping the index right."""
    lines[3 + number] = text
    starts = [0]
    for line in lines[3:-1]:
        starts.append(starts[-1] + len(line) + 1)
    lines[2] = "".join(f"{start:08x}" for start in starts).encode()


def set_line(number: int, text: bytes) -> Damage:
    return lambda header, lines: lines.__setitem__(number, text)


def set_field(name: str, value: Any) -> Damage:
    return lambda header, lines: header.__setitem__(name, value)


def change_record(number: int, change: Callable[[list[Any]], list[Any]]) -> Damage:
    return lambda header, lines: record(lines, number, change)


DAMAGES: dict[str, Damage] = {
    # Truncated: cut after the string table, in the index, in the middle of a question.
    "truncated after the strings": lambda header, lines: lines.__delitem__(slice(1, None)),
    "truncated index": lambda header, lines: lines.__setitem__(2, lines[2][:-3]),
    "truncated question": lambda header, lines: lines.__setitem__(3, lines[3][:-5]),
    "not UTF-8": set_line(0, b'["\xff\xfe"]'),
    # Wrong types, at each level the reader decodes.
    "strings are numbers": set_line(0, b"[1,2,3]"),
    "head and problems not a pair": set_line(1, b"[]"),
    "problems not a list": lambda header, lines: lines.__setitem__(
        1, lines[1].rsplit(b",", 1)[0] + b",5]"
    ),
    "a problem of wrong types": lambda header, lines: lines.__setitem__(
        1, lines[1].rsplit(b",", 1)[0] + b',[["x"]]]'
    ),
    "index not hexadecimal": lambda header, lines: lines.__setitem__(2, b"zz" + lines[2][2:]),
    "index past the end": lambda header, lines: lines.__setitem__(2, b"f" + lines[2][1:]),
    "a question of wrong types": change_record(1, lambda r: [r[0], "text", *r[2:]]),
    "a string index past the table": change_record(2, lambda r: [r[0], 10**6, *r[2:]]),
    "deep nesting": lambda header, lines: record_text(lines, 0, b"[" * 99_999 + b"]" * 99_999),
    "a question not JSON": lambda header, lines: record_text(lines, 1, b"[1,"),
    "a question cut short": lambda header, lines: record_text(lines, 2, lines[5][:-4]),
    "records not a number": set_field("records", "5"),
    "summary of wrong types": set_field("summary", [1, 2, 3, 4]),
    # Written by another version: another kind of question, a field more or less.
    "unknown question kind": change_record(0, lambda r: [99, *r[1:]]),
    "a field more": change_record(3, lambda r: [*r, 0]),
    "a field less": change_record(4, lambda r: r[:-1]),
    "another version": set_field("version", "0.0.1"),
    "another model": set_field("codec", "0" * 32),
}


@pytest.mark.parametrize("damage", list(DAMAGES.values()), ids=list(DAMAGES))
def test_a_damaged_entry_is_read_again_from_the_bank_and_rewritten(
    bank: Path, tmp_path: Path, damage: Damage
) -> None:
    cache = tmp_path / "cache"
    first = play(bank, cache)  # every question shown: every record read
    listed = run(["list"], tmp_path, cache)
    (entry,) = [e for e in entries(cache) if b"capitals" in e.read_bytes()]
    good = entry.read_bytes()
    rewrite(entry, damage)
    assert entry.read_bytes() != good
    assert play(bank, cache) == first  # exit 0, nothing on stderr
    assert run(["list"], tmp_path, cache) == listed
    assert entry.read_bytes() == good  # noticed, and written again


def test_an_entry_with_a_question_less_and_a_damaged_one_is_never_an_internal_error(
    bank: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    first = play(bank, cache)
    (entry,) = entries(cache)

    def fewer(header: dict[str, Any], lines: Lines) -> None:
        del lines[-2]
        record(lines, 0, lambda r: [99, *r[1:]])
        header["records"] -= 1

    rewrite(entry, fewer)
    code, _, err = run(["play", str(bank), "--plain", "--no-save"], tmp_path, cache, "\n" * 9)
    assert code == 1
    assert err == (
        "newsquiz play: a bank file changed while it was being read: nothing was mixed;"
        " run the command again\n"
    )
    assert play(bank, cache) == first
