"""The compiled copy of each bank in the cache folder: faster, never stale, never in the way."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import zlib
from pathlib import Path

import pytest

from bank_generator import generate_bank
from newsquiz import loader
from newsquiz.bank_cache import MAX_ENTRIES, BankCache, prune
from newsquiz.cli import main
from newsquiz.context import Environment
from newsquiz.lazy_questions import LazyQuestions

BANK = """\
newsquiz: 1
id: capitals
title: Capitals
language: en
questions:
  - {id: fr, type: short, prompt: Capital of France?, answer: Paris, explanation: Since long ago.}
  - {id: it, type: short, prompt: Capital of Italy?, answer: Rome, explanation: Since 1871.}
  - {id: de, type: short, prompt: Capital of Germany?, answer: Berlin, explanation: Since 1990.}
  - {id: es, type: choice, prompt: Capital of Spain?, choices: [Madrid, Seville, Toledo], answer: Madrid, explanation: Since 1561.}
  - {id: pt, type: truefalse, prompt: Lisbon is the capital of Portugal., answer: true, explanation: It is., tags: [iberia]}
"""


def run(
    argv: list[str], cwd: Path, cache: Path, typed: str = "", data: Path | None = None
) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    environ = {"NEWSQUIZ_CACHE_DIR": str(cache), "NEWSQUIZ_PATH": str(cwd / "banks")}
    environ["NEWSQUIZ_DATA_DIR"] = str(data or cwd / "data")
    env = Environment(stdin=io.StringIO(typed), stdout=out, stderr=err, environ=environ, cwd=cwd)
    code = main(argv, env)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    folder = tmp_path / "banks"
    folder.mkdir()
    path = folder / "capitals.yaml"
    path.write_text(BANK, encoding="utf-8")
    return path


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("bank-*.json")) if cache.is_dir() else []


def play(path: Path, cache: Path, *extra: str) -> str:
    code, out, err = run(
        ["play", str(path), "--plain", "--no-save", "--seed", "7", *extra],
        path.parent,
        cache,
        typed="\n" * 10,  # skip every question: each is shown
    )
    assert (code, err) == (0, "")
    return out


def edit_keeping_size_and_time(path: Path, old: str, new: str) -> None:
    """Change the text without changing the size or the modification time, to the nanosecond."""
    assert len(old.encode()) == len(new.encode())
    before = path.stat()
    path.write_bytes(path.read_bytes().replace(old.encode(), new.encode()))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)


def test_play_and_list_write_one_entry_and_check_writes_none(bank: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert run(["check", str(bank)], tmp_path, cache)[0] == 0
    assert entries(cache) == []
    first = play(bank, cache)
    assert len(entries(cache)) == 1
    assert play(bank, cache) == first
    code, out, _ = run(["list"], tmp_path, cache)
    assert code == 0 and "capitals  Capitals  (en, 5 questions)" in out
    banks = [line for line in out.splitlines() if not line.startswith(" ")]
    written = entries(cache)
    assert len(written) == len(banks) > 1  # one entry a bank, the installed ones too
    assert run(["list"], tmp_path, cache)[1] == out
    assert entries(cache) == written


def test_the_same_seed_asks_the_same_questions_with_and_without_the_cache(
    bank: Path, tmp_path: Path
) -> None:
    nowhere = tmp_path / "a-file"
    nowhere.write_text("not a folder", encoding="utf-8")
    cache = tmp_path / "cache"
    for extra in ((), ("-n", "2"), ("--tag", "iberia")):
        without = play(bank, nowhere / "cache", *extra)
        compiled, cached = play(bank, cache, *extra), play(bank, cache, *extra)
        assert without == compiled == cached
    assert play(bank, cache, "-n", "2") != play(bank, cache, "-n", "2", "--seed", "8")


def test_review_and_stats_see_the_same_banks_with_and_without_the_cache(
    bank: Path, tmp_path: Path
) -> None:
    code, _, _ = run(
        ["play", str(bank), "--plain", "--seed", "3"], tmp_path, tmp_path / "c", "Paris\n" * 5
    )
    assert code == 0
    blocked = tmp_path / "blocked"
    blocked.write_text("not a folder", encoding="utf-8")
    seen = []
    for cache in (blocked / "cache", tmp_path / "cache", tmp_path / "cache"):
        review = run(["review", "--plain", "--no-save", "--seed", "1"], tmp_path, cache, "\n" * 9)
        stats = run(["stats", "--json"], tmp_path, cache)
        assert review[0] == stats[0] == 0
        seen.append((review, stats))
    assert seen[0] == seen[1] == seen[2]
    assert "Capital of" in seen[0][0][1] and "Capital of" in seen[0][1][1]


def test_an_edit_that_keeps_size_and_second_is_never_served_stale(
    bank: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    assert "Capital of Spain?" in play(bank, cache)
    edit_keeping_size_and_time(bank, "Capital of Spain?", "Capital of Chile?")
    out = play(bank, cache)
    assert "Capital of Chile?" in out and "Capital of Spain?" not in out
    edit_keeping_size_and_time(bank, "title: Capitals", "title: Capitols")
    _, listed, _ = run(["list"], tmp_path, cache)
    assert "capitals  Capitols  (en, 5 questions)" in listed


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[: len(data) // 2],
        lambda data: data[:-30] + b"X" * 30,
        lambda data: data.replace(b"Madrid", b"Madrix"),
        lambda data: b"\x00\xff garbage \n" * 50,
        lambda data: b'{"format": "newsquiz-bank-cache"}\n[]\n',
        lambda data: data.replace(b'"version":"', b'"version":"9'),
        lambda data: data.replace(b'"codec":"', b'"codec":"0'),
    ],
    ids=["empty", "truncated", "tail", "body", "garbage", "foreign", "version", "model"],
)
def test_a_damaged_or_foreign_entry_is_ignored_and_rewritten(
    bank: Path, tmp_path: Path, damage: object
) -> None:
    cache = tmp_path / "cache"
    first = play(bank, cache)
    (entry,) = entries(cache)
    good = entry.read_bytes()
    entry.write_bytes(damage(good))  # type: ignore[operator]
    assert play(bank, cache) == first
    code, out, _ = run(["list"], tmp_path, cache)
    assert code == 0 and "capitals  Capitals  (en, 5 questions)" in out
    assert json.loads(entry.read_bytes().split(b"\n")[0])["records"] == 5


def forge(entry: Path, old: bytes, new: bytes) -> None:
    """Rewrite an entry as someone who knows the format would, checksum included."""
    header, body = entry.read_bytes().split(b"\n", 1)
    body = body.replace(old, new)
    fields = json.loads(header)
    fields["body"] = zlib.crc32(body)
    entry.write_bytes(json.dumps(fields).encode() + b"\n" + body)


def test_a_forged_entry_of_the_right_form_is_served(bank: Path, tmp_path: Path) -> None:
    # The premise of the two tests below: the format alone does not stop a forger.
    cache = tmp_path / "cache"
    play(bank, cache)
    (entry,) = entries(cache)
    forge(entry, b"Madrid", b"Madrix")
    assert "Madrix" in play(bank, cache)


def test_an_entry_others_could_write_is_not_trusted(bank: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    play(bank, cache)
    (entry,) = entries(cache)
    forge(entry, b"Madrid", b"Madrix")
    entry.chmod(0o666)
    assert "Madrix" not in play(bank, cache)
    assert entry.stat().st_mode & 0o077 == 0


def test_a_link_in_place_of_an_entry_is_not_followed(bank: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    play(bank, cache)
    (entry,) = entries(cache)
    forge(entry, b"Madrid", b"Madrix")
    elsewhere = tmp_path / "elsewhere.json"
    entry.rename(elsewhere)
    entry.symlink_to(elsewhere)
    assert "Madrix" not in play(bank, cache)
    assert not entry.is_symlink()


def test_a_cache_folder_that_cannot_be_written_only_costs_time(bank: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    out = play(bank, blocked / "cache")
    assert "Capital of" in out
    code, listed, err = run(["list"], tmp_path, blocked / "cache")
    assert (code, err) == (0, "") and "capitals  Capitals" in listed
    assert blocked.read_text(encoding="utf-8") == "a file where the cache folder should be"


def test_a_file_name_that_is_not_utf8_is_cached_too(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path / "banks")
    os.mkdir(folder)
    with open(os.path.join(folder, b"caf\xe9.yaml"), "wb") as handle:
        handle.write(BANK.encode())
    cache = tmp_path / "cache"
    outcomes = [run(["list"], tmp_path, cache) for _ in "ab"]
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][0] == 0 and "banks/caf\\xe9.yaml" in outcomes[0][1]
    banks = [line for line in outcomes[0][1].splitlines() if not line.startswith(" ")]
    assert len(entries(cache)) == len(banks)  # this one too


def test_list_reads_the_entry_not_the_yaml(
    bank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    _, before, _ = run(["list"], tmp_path, cache)

    def no_parsing(*args: object, **kwargs: object) -> object:
        raise AssertionError("the YAML was parsed again")

    monkeypatch.setattr(loader, "parse_bank", no_parsing)
    code, after, _ = run(["list"], tmp_path, cache)
    assert code == 0 and after == before
    assert play(bank, cache)


def test_an_invalid_bank_is_reported_the_same_from_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    (tmp_path / "banks").mkdir()
    broken = tmp_path / "banks" / "broken.yaml"
    broken.write_text(BANK.replace("answer: true", "answer: maybe"), encoding="utf-8")
    outcomes = [run(["play", str(broken), "--plain", "--no-save"], tmp_path, cache) for _ in "ab"]
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][0] == 1 and "is not a valid bank" in outcomes[0][2]


def test_every_question_type_and_field_comes_back_the_same(tmp_path: Path) -> None:
    path = tmp_path / "generated.yaml"
    path.write_text(generate_bank(45), encoding="utf-8")
    cache = BankCache(tmp_path / "cache")
    written = cache.read(path, shown_as="shown.yaml")
    read = cache.read(path, shown_as="shown.yaml")
    expected = loader.read_bank(path, shown_as="shown.yaml")
    assert expected.bank is not None and read.bank is not None and written.bank is not None
    assert isinstance(read.bank.questions, LazyQuestions)
    assert read.bank == expected.bank and read.problems == expected.problems
    for got, want in zip(read.bank.questions, expected.bank.questions, strict=True):
        # Every field, those left out of == (the location) included.
        assert type(got) is type(want)
        for field in dataclasses.fields(want):
            assert getattr(got, field.name) == getattr(want, field.name), field.name


def test_the_cache_stays_bounded_and_touches_only_its_own_files(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    mine = folder / "notes.txt"
    mine.write_text("keep me", encoding="utf-8")
    for number in range(MAX_ENTRIES + 20):
        entry = folder / f"bank-{number:032x}.json"
        entry.write_text("{}\n", encoding="utf-8")
        os.utime(entry, (1_000_000 + number, 1_000_000 + number))
    prune(folder, now=1_000_000 + MAX_ENTRIES + 20)
    left = entries(folder)
    assert len(left) == MAX_ENTRIES
    assert left[0].name == f"bank-{20:032x}.json"  # the least recently used went first
    prune(folder, now=1_000_000 + 400 * 86_400)
    assert entries(folder) == []
    assert mine.read_text(encoding="utf-8") == "keep me"


def test_a_change_anywhere_in_an_entry_is_noticed(bank: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = play(bank, cache)
    (entry,) = [e for e in entries(cache) if b"capitals" in e.read_bytes()]
    listed = run(["list"], tmp_path, cache)
    good = entry.read_bytes()
    # One bit changed, at 40 places spread over the whole file (key, strings,
    # index, questions): an ASCII letter stays a valid letter, so only the
    # checks of the entry can tell.
    for where in range(0, len(good), max(1, len(good) // 40)):
        damaged = bytearray(good)
        damaged[where] ^= 1
        entry.write_bytes(bytes(damaged))
        assert play(bank, cache) == first, where
        assert run(["list"], tmp_path, cache) == listed, where
        assert entry.read_bytes() == good, where  # noticed, and written again
