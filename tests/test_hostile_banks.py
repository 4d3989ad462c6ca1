"""Hostile banks, names and files: each attack kind, through the command as a user runs it.

ATTACKS is the table: how to build the hostile input in a fresh folder, the
command, the exit status expected and a fragment of what must (or must not) be
said. Unit tests of each cause follow, at the layer where it lives, then the
linearity of every scanner over bank text (a ratio measured in the test, never
an absolute time).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsquiz.cli import main
from newsquiz.context import Environment

HEAD = "newsquiz: 1\nid: {id}\ntitle: Hostile\nlanguage: en\n"
TF = "  - {id: q, type: truefalse, prompt: p, answer: true, explanation: e}\n"


def bank(body: str = "", *, bank_id: str = "hostile", head: str | None = None) -> str:
    """A bank: the header, ``body`` (top-level fields or questions), one question if none."""
    text = (head if head is not None else HEAD.format(id=bank_id)) + body
    return text if "questions:" in body else text + "questions:\n" + TF


def question(fields: str) -> str:
    return "questions:\n  - id: q\n    prompt: p\n    explanation: e\n" + fields


def write(name: str, text: str) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    return build


def builds(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        for step in steps:
            step(folder)

    return build


def symlink(name: str, target: str) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target if target.startswith("/") else folder / target, folder / name)

    return build


def secret(folder: Path) -> None:
    (folder.parent / "dot.env").write_text("SECRET_TOKEN=s3cr3t-value-123\n", encoding="utf-8")


def fifo(name: str) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(folder / name)

    return build


def run(argv: list[str], cwd: Path, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    environ = {"NEWSQUIZ_DATA_DIR": os.environ["NEWSQUIZ_DATA_DIR"], "LANG": "en_US.UTF-8"}
    env = Environment(stdin=io.StringIO(stdin), stdout=out, stderr=err, environ=environ, cwd=cwd)
    code = main(argv, env)
    return code, out.getvalue(), err.getvalue()


@dataclass(frozen=True)
class Attack:
    name: str
    build: Callable[[Path], None]
    argv: tuple[str, ...]
    status: int
    says: str
    never: str = "Traceback"


GOITA = "    type: choice\n    choices:\n      - Goïta\n      - Goita\n    answer: Goita\n"
THIRTY_PAIRS = "".join(f"      left{i}: right{i}\n" for i in range(30))
FEEDBACK = "".join(f"      not-a-choice-{i}: x\n" for i in range(5000))
CHOICES_20 = "[" + ", ".join(f"c{i}" for i in range(20)) + "]"
FIFO_Q = "quizzes/pipe.yaml"

ATTACKS = [
    # 1. cloze braces that never close, or close nothing, in every arrangement
    Attack("cloze {{ x20000", write("b.yaml", bank(question('    type: cloze\n    text: "' + "{{" * 20000 + '"\n'))), ("check", "b.yaml"), 1, "does not close a blank"),
    Attack("cloze }} x20000", write("b.yaml", bank(question('    type: cloze\n    text: "{{a}} ' + "}}" * 20000 + '"\n'))), ("check", "b.yaml"), 1, "does not close a blank"),
    Attack("cloze nested {{", write("b.yaml", bank(question('    type: cloze\n    text: "{{a {{b}} c"\n'))), ("check", "b.yaml"), 1, "does not close a blank"),
    Attack("cloze {{ in a bank folder", write("quizzes/b.yaml", bank(question('    type: cloze\n    text: "' + "{{" * 20000 + '"\n'))), ("list",), 0, "invalid bank"),
    # 2. feedback for thousands of texts that are not choices
    Attack("feedback x5000", write("b.yaml", bank(question(f"    type: choice\n    choices: {CHOICES_20}\n    answer: c0\n    feedback:\n{FEEDBACK}"))), ("check", "b.yaml"), 1, "and 4,995 more like the one above"),
    # 4. source.file: too long, absolute, climbing out, Windows forms, home
    Attack("source.file 400 chars", write("b.yaml", bank("source: {file: " + "a" * 400 + "}\n")), ("check", "b.yaml"), 1, "longer than 255 bytes"),
    Attack("source.file 400 chars in a folder", write("quizzes/b.yaml", bank("source: {file: " + "a" * 400 + "}\n")), ("list",), 0, "invalid bank"),
    Attack("source.file /etc/shadow", write("b.yaml", bank("source: {file: /etc/shadow}\n")), ("check", "b.yaml"), 1, "b.yaml:5:16: error: source.file must be a path relative"),
    Attack("source.file ../..", write("b.yaml", bank("source: {file: ../../../etc/passwd}\n")), ("check", "--strict", "b.yaml"), 1, "b.yaml:5:16: warning: source.file `../../../etc/passwd`: its `..` leads out of the bank's folder"),
    Attack("source.file a/../../x", write("b.yaml", bank("source: {file: a/../../x.txt}\n")), ("check", "b.yaml"), 0, "leads out of the bank's folder"),
    Attack("source.file 400 * ../", write("b.yaml", bank("source: {file: '" + "../" * 400 + "x'}\n")), ("check", "b.yaml"), 1, "longer than 1024 bytes"),
    Attack("source.file C:\\", write("b.yaml", bank("source: {file: 'C:\\Windows\\win.ini'}\n")), ("check", "b.yaml"), 1, "not an absolute path"),
    Attack("source.file ~", write("b.yaml", bank("source: {file: ~/.ssh/id_rsa}\n")), ("check", "b.yaml"), 1, "`~` is not expanded"),
    # 5. absurd digits
    Attack("version 5000 digits", write("b.yaml", bank(head="newsquiz: " + "1" * 5000 + "\nid: b\ntitle: T\nlanguage: en\n")), ("check", "b.yaml"), 1, "is the format version and must be 1"),
    Attack("answer 5000 digits", write("b.yaml", bank(question("    type: number\n    answer: " + "9" * 5000 + "\n"))), ("check", "b.yaml"), 1, "too large a number"),
    Attack("tolerance 1e999", write("b.yaml", bank(question("    type: number\n    answer: 1\n    tolerance: 1e999\n"))), ("check", "b.yaml"), 1, "too large a number"),
    # 12. points out of range
    Attack("points 1e308", write("b.yaml", bank(question("    type: truefalse\n    answer: true\n    points: 1e308\n"))), ("check", "b.yaml"), 1, "at most 1000"),
    Attack("points 1e-320", write("b.yaml", bank(question("    type: truefalse\n    answer: true\n    points: 1e-320\n"))), ("check", "b.yaml"), 1, "points must be more than 0"),
    Attack("points 1e308 played", write("b.yaml", bank(question("    type: truefalse\n    answer: true\n    points: 1e308\n"))), ("play", "b.yaml", "--plain"), 1, "is not a valid bank"),
    # 17. links and non-bank files never quoted
    Attack("link out of a bank folder", builds(secret, symlink("quizzes/x.yaml", "../dot.env")), ("check", "--format", "json", "quizzes/"), 2, "no *.yaml or *.yml bank", "s3cr3t"),
    Attack("link out, beside a bank", builds(secret, symlink("quizzes/x.yaml", "../dot.env"), write("quizzes/b.yaml", bank())), ("check", "quizzes/"), 0, "a link to a file outside its bank folder", "s3cr3t"),
    Attack("link out, list", builds(secret, symlink("quizzes/x.yaml", "../dot.env")), ("list",), 0, "a link to a file outside", "s3cr3t"),
    Attack(".env named explicitly", builds(secret, symlink("x.yaml", "../dot.env")), ("check", "--format", "json", "x.yaml"), 1, "this is not a newsquiz bank", "s3cr3t"),
    Attack("YAML config named explicitly", write("c.yaml", "password: hunter2-secret\nuser: me\n"), ("check", "c.yaml"), 1, "this is not a newsquiz bank", "hunter2"),
    Attack("YAML error in a file that is not a bank", write("c.yaml", "token: abc: s3cr3t-value-123\n"), ("check", "c.yaml"), 1, "YAML syntax error", "s3cr3t"),
    Attack("YAML error in a bank: hint", write("c.yaml", "newsquiz: 1\ntitle: abc: s3cr3t\n"), ("check", "c.yaml"), 1, "s3cr3t"),
    Attack("comment in a file that is not a bank", write("c.yaml", "prompt: x # s3cr3t-value-123\n"), ("check", "c.yaml"), 1, "not a newsquiz bank", "s3cr3t"),
    Attack("long line quoted at most 60", write("b.yaml", bank(question("    type: truefalse\n    answer: " + "x" * 500 + "\n"))), ("check", "b.yaml"), 1, "found `xxxxxxxx", "x" * 61),
    # 18. names that carry terminal codes or bytes that are not UTF-8
    Attack("ESC in a file name, check", write("quizzes/a\x1b]0;pwned\x07.yaml", bank()), ("check", "quizzes"), 0, "a\\x1b]0;pwned\\x07.yaml", "\x1b"),
    Attack("ESC in a file name, list", write("quizzes/a\x1b[2J.yaml", "not: a bank\n"), ("list",), 0, "a\\x1b[2J.yaml", "\x1b"),
    Attack("bidi override in a file name", write("quizzes/a\u202egpj.yaml", "not: a bank\n"), ("list",), 0, "a\\u202egpj.yaml", "\u202e"),
    Attack("bidi override in a title, list", write("quizzes/b.yaml", bank().replace("title: Hostile", 'title: "abc\u202edef"')), ("list",), 0, "abc\\u202edef", "\u202e"),
    # 19. pipes named like banks
    Attack("FIFO checked by name", fifo("f.yaml"), ("check", "f.yaml"), 1, "is a named pipe (FIFO), not a bank file"),
    Attack("FIFO played by name", fifo("f.yaml"), ("play", "f.yaml", "--plain"), 1, "named pipe"),
    Attack("FIFO in a bank folder, list", fifo(FIFO_Q), ("list",), 0, "Skipped quizzes/pipe.yaml: not a regular file"),
    Attack("FIFO in a bank folder, check", builds(fifo(FIFO_Q), write("quizzes/b.yaml", bank())), ("check", "quizzes"), 0, "Skipped quizzes/pipe.yaml"),
    Attack("FIFO in a bank folder, stats", fifo(FIFO_Q), ("stats", "--plain"), 0, "Skipped quizzes/pipe.yaml"),
    Attack("FIFO in a bank folder, review", fifo(FIFO_Q), ("review", "--plain"), 0, "Skipped quizzes/pipe.yaml"),
    Attack("FIFO in a bank folder, play ID", builds(fifo(FIFO_Q), write("quizzes/b.yaml", bank(bank_id="mine"))), ("play", "mine", "--plain"), 0, "Skipped quizzes/pipe.yaml"),
    Attack("FIFO as an article for new", fifo("a.txt"), ("new", "a.txt", "-o", "x.yaml"), 1, "a named pipe (FIFO)"),
    Attack("/dev/null as a bank", lambda folder: None, ("check", "/dev/null"), 1, "a device"),
    # 20. more pairs than letters, more choices than can be told
    Attack("match with 30 pairs", write("b.yaml", bank(question(f"    type: match\n    pairs:\n{THIRTY_PAIRS}"))), ("check", "b.yaml"), 1, "pairs has 30 entries; at most 26"),
    Attack("choice with 40 choices", write("b.yaml", bank(question("    type: choice\n    answer: c0\n    choices: [" + ", ".join(f"c{i}" for i in range(40)) + "]\n"))), ("check", "b.yaml"), 1, "choices has 40 entries; at most 26"),
    Attack("200 tags", write("b.yaml", bank("tags: [" + ", ".join(f"t{i}" for i in range(200)) + "]\n")), ("check", "b.yaml"), 1, "tags has 200 entries; at most 50"),
    # 21. what the grader cannot tell apart
    Attack("choices Goïta / Goita", write("b.yaml", bank(question(GOITA))), ("check", "b.yaml"), 1, "`Goïta` and `Goita` (at 11:9 and 12:9), which the grader cannot tell apart"),
    Attack("choices Goïta / « goita »", write("b.yaml", bank(question('    type: choice\n    choices: [Goïta, "« goita »"]\n    answer: Goïta\n'))), ("check", "b.yaml"), 1, "which the grader cannot tell apart"),
    Attack("pairs a / 'a '", write("b.yaml", bank(question('    type: match\n    pairs:\n      a: x\n      "a ": y\n'))), ("check", "b.yaml"), 1, "left-hand side of pairs lists `a` twice (at 11:7 and 12:7)"),
    Attack("items U.S.A. / USA", write("b.yaml", bank(question("    type: order\n    items: [U.S.A., USA, France]\n"))), ("check", "b.yaml"), 1, "which the grader cannot tell apart"),
    Attack("rights Paris / paris", write("b.yaml", bank(question("    type: match\n    pairs: {a: Paris, b: paris}\n"))), ("check", "b.yaml"), 1, "right-hand side of pairs lists `Paris` and `paris`"),
    Attack("distractor = a right, folded", write("b.yaml", bank(question("    type: match\n    pairs: {a: Mali, b: Niger}\n    distractors: [MALI]\n"))), ("check", "b.yaml"), 1, "cannot be told apart by the grader"),
    # 24. one file named twice
    Attack("a.yaml a.yaml", write("a.yaml", bank()), ("check", "a.yaml", "a.yaml"), 0, "1 bank checked", "also used by"),
    Attack("folder and its file", write("quizzes/a.yaml", bank()), ("check", "quizzes/", "quizzes/a.yaml"), 0, "1 bank checked", "also used by"),
    Attack("file and a link to it", builds(write("a.yaml", bank()), symlink("b.yaml", "a.yaml")), ("check", "a.yaml", "b.yaml"), 0, "1 bank checked", "also used by"),
    # 27. what does not read as written
    Attack("RLO in a prompt", write("b.yaml", bank(question('    type: truefalse\n    answer: true\n    prompt2: x\n').replace("prompt: p", 'prompt: "p \u202eeurt"').replace("    prompt2: x\n", ""))), ("check", "--strict", "b.yaml"), 1, "U+202E RIGHT-TO-LEFT OVERRIDE"),
    Attack("zero width in a choice", write("b.yaml", bank(question('    type: choice\n    choices: [Putin, "Lav\u200brov"]\n    answer: Putin\n'))), ("check", "b.yaml"), 0, "U+200B ZERO WIDTH SPACE"),
    Attack("Cyrillic look-alike choice", write("b.yaml", bank(question("    type: choice\n    choices: [Putin, Рutin]\n    answer: Putin\n"))), ("check", "b.yaml"), 0, "looks the same as `Putin`"),
    Attack("Arabic-Indic version", write("b.yaml", bank(head="newsquiz: ١\nid: b\ntitle: T\nlanguage: en\n")), ("check", "b.yaml"), 1, "(digits 0-9)"),
    Attack("Arabic-Indic number", write("b.yaml", bank(question("    type: number\n    answer: ٣\n"))), ("check", "b.yaml"), 1, "the answer must be a number"),
    # more problems than anyone reads
    Attack("3000 unknown fields", write("b.yaml", bank("".join(f"field{i}: x\n" for i in range(3000)))), ("check", "b.yaml"), 1, "and 2,995 more like the one above (unknown fields)"),
    Attack("3000 duplicate keys", write("b.yaml", bank("".join("title: x\n" for i in range(3000)))), ("check", "b.yaml"), 1, "more problems in this file, not shown"),
    # odd things in bank folders
    Attack("folder named like a bank", builds(write("quizzes/d.yaml/b.yaml", bank())), ("check", "quizzes"), 0, "1 bank checked"),
    Attack("link loop in a bank folder", builds(write("quizzes/b.yaml", bank()), symlink("quizzes/loop", "quizzes")), ("check", "quizzes"), 0, "1 bank checked"),
    Attack("dangling link named like a bank", builds(write("quizzes/b.yaml", bank()), symlink("quizzes/gone.yaml", "quizzes/nothing")), ("check", "quizzes"), 0, "Skipped quizzes/gone.yaml: it cannot be read"),
    Attack("play with a 400-character name", lambda folder: None, ("play", "x" * 400, "--plain"), 2, "no bank file or bank id"),
    Attack("check a 5000-character name", lambda folder: None, ("check", "x" * 5000), 2, "no such file or folder"),
]  # fmt: skip


@pytest.mark.parametrize("attack", ATTACKS, ids=[a.name for a in ATTACKS])
def test_attack(attack: Attack, tmp_path: Path) -> None:
    folder = tmp_path / "work"
    folder.mkdir()
    attack.build(folder)
    code, out, err = run(list(attack.argv), folder)
    said = out + err
    assert code == attack.status, said
    assert attack.says in said
    assert attack.never not in said
    assert "internal error" not in said


def test_the_table_covers_every_bank_reading_item() -> None:
    """Items 1-5, 12, 17-21, 24 and 27 of the robustness issue each have rows."""
    names = " ".join(a.name for a in ATTACKS)
    for kind in ("cloze", "feedback", "source.file", "digits", "points", "link", "ESC", "FIFO"):
        assert kind in names
    assert len(ATTACKS) >= 50


# --- unreadable folders (as root, chmod does not stop reading: simulate it too) -------------


def _deny(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(str(path)) == denied:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", scandir)


@pytest.mark.parametrize(
    ("argv", "status"),
    [
        (["list"], 0),
        (["check", "quizzes"], 0),
        (["play", "mine", "--plain"], 0),
        (["stats", "--plain"], 0),
        (["review", "--plain"], 0),
    ],
)
def test_an_unreadable_subfolder_is_skipped_with_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], status: int
) -> None:
    (tmp_path / "quizzes" / "locked").mkdir(parents=True)
    (tmp_path / "quizzes" / "b.yaml").write_text(bank(bank_id="mine"), encoding="utf-8")
    _deny(monkeypatch, tmp_path / "quizzes" / "locked")
    code, out, err = run(argv, tmp_path)
    assert code == status, out + err
    assert "Skipped quizzes/locked: it cannot be read." in err
    assert "internal error" not in out + err


def test_an_unreadable_subfolder_is_named_in_french(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "quizzes" / "locked").mkdir(parents=True)
    _deny(monkeypatch, tmp_path / "quizzes" / "locked")
    code, _, err = run(["stats", "--plain", "--lang", "fr"], tmp_path)
    assert code == 0
    assert "Ignoré : quizzes/locked ne peut pas être lu." in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their mode")
def test_a_chmod_000_folder_is_skipped(tmp_path: Path) -> None:
    locked = tmp_path / "quizzes" / "locked"
    locked.mkdir(parents=True)
    (locked / "b.yaml").write_text(bank(), encoding="utf-8")
    locked.chmod(0)
    try:
        code, _, err = run(["list"], tmp_path)
    finally:
        locked.chmod(0o755)
    assert code == 0
    assert "Skipped quizzes/locked" in err


def test_a_socket_named_like_a_bank_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    (tmp_path / "quizzes").mkdir()
    monkeypatch.chdir(tmp_path / "quizzes")  # a short name: socket paths are limited to ~100 bytes
    with socket.socket(socket.AF_UNIX) as server:
        server.bind("s.yaml")
        code, _, err = run(["list"], tmp_path)
        assert code == 0
        assert "Skipped quizzes/s.yaml: not a regular file" in err
        code, out, _ = run(["check", "quizzes/s.yaml"], tmp_path)
        assert code == 1
        assert "is a socket, not a bank file" in out


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path / "quizzes")
    os.mkdir(folder)
    with open(os.path.join(folder, b"bad\xff.yaml"), "wb") as handle:
        handle.write(b"not: a bank\n")
    code, out, _ = run(["list"], tmp_path)
    assert code == 0
    assert "bad\\xff.yaml" in out
    assert out.encode("utf-8")  # nothing that cannot be written to a terminal
    code, out, _ = run(["check", "quizzes"], tmp_path)
    assert code == 1
    assert "quizzes/bad\\xff.yaml:1:1: error:" in out


def test_a_played_bank_that_became_a_pipe_does_not_stop_stats_or_review(tmp_path: Path) -> None:
    played = tmp_path / "elsewhere" / "b.yaml"
    played.parent.mkdir()
    played.write_text(bank(bank_id="mine"), encoding="utf-8")
    assert run(["play", str(played), "--plain"], tmp_path, stdin="t\n")[0] == 0
    played.unlink()
    os.mkfifo(played)
    assert run(["stats", "--plain"], tmp_path)[0] == 0
    assert run(["review", "--plain"], tmp_path)[0] == 0


# --- the layer where each cause lives ---------------------------------------------------------


def test_cloze_scan_finds_blanks_and_each_kind_of_problem() -> None:
    from newsquiz.cloze_text import ClozeProblem, split_cloze
    from newsquiz.model import Blank

    assert split_cloze("a {{b|c}} d {{e}}") == ("a ", Blank(("b", "c")), " d ", Blank(("e",)))
    assert split_cloze("{{{a}}}") == (Blank(("{a",)), "}")
    cases = {
        "{{" * 1000: ("unclosed", 0),
        "{{a}} b}}": ("stray_close", 7),
        "x {{a {{b}}": ("nested", 2),
        "{{a|}}": ("empty_answer", 0),
        "no blank": ("no_blank", 0),
    }
    for text, (kind, offset) in cases.items():
        found = split_cloze(text)
        assert isinstance(found, ClozeProblem), text
        assert (found.kind, found.offset) == (kind, offset)


def test_visible_escapes_controls_overrides_and_undecodable_bytes() -> None:
    from newsquiz.visible import excerpt, visible

    assert visible("a\x1b[31mb\x07\x9b") == "a\\x1b[31mb\\x07\\x9b"
    assert visible("x\u202ey\u2066") == "x\\u202ey\\u2066"
    assert visible(os.fsdecode(b"n\xff")) == "n\\xff"
    assert visible("Goïta – 日本") == "Goïta – 日本"
    assert len(excerpt("y" * 1000)) == 60
    cut = excerpt("\x1b" * 100)
    assert len(cut) <= 60 and cut.endswith("\\x1b…")


def test_read_regular_never_waits_on_a_pipe(tmp_path: Path) -> None:
    from newsquiz.bank_files import NotRegularFile, read_regular

    os.mkfifo(tmp_path / "p.yaml")
    with pytest.raises(NotRegularFile, match="named pipe"):
        read_regular(tmp_path / "p.yaml", 100)
    with pytest.raises(NotRegularFile, match="device"):
        read_regular("/dev/zero", 100)
    with pytest.raises(IsADirectoryError):
        read_regular(tmp_path, 100)
    (tmp_path / "f").write_bytes(b"x" * 50)
    assert read_regular(tmp_path / "f", 10) == b"x" * 11


def test_a_pipe_swapped_in_after_the_stat_is_not_waited_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race: stat saw a regular file, open finds a pipe; O_NONBLOCK and fstat catch it."""
    from newsquiz.bank_files import NotRegularFile, read_regular

    (tmp_path / "regular").write_text("x", encoding="utf-8")
    os.mkfifo(tmp_path / "p.yaml")
    real_stat = os.stat
    monkeypatch.setattr(os, "stat", lambda path, *a, **k: real_stat(tmp_path / "regular"))
    with pytest.raises(NotRegularFile, match="named pipe"):
        read_regular(tmp_path / "p.yaml", 100)


def test_discovery_stays_in_its_folder_and_notes_what_it_skips(tmp_path: Path) -> None:
    from newsquiz.bank_files import Skipped, SkipReason, iter_bank_files

    root = tmp_path / "banks"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "outside.yaml").write_text("x", encoding="utf-8")
    os.symlink(tmp_path / "outside.yaml", root / "out.yaml")
    os.symlink(root / "sub" / "a.yaml", root / "in.yaml")
    os.symlink(tmp_path, root / "up")  # a link to a folder: not followed
    os.mkfifo(root / "p.yml")
    skipped: list[Skipped] = []
    found = list(iter_bank_files(root, skipped))
    assert found == [root / "in.yaml", root / "sub" / "a.yaml"]
    assert skipped == [
        Skipped(root / "out.yaml", SkipReason.OUTSIDE),
        Skipped(root / "p.yml", SkipReason.NOT_REGULAR),
    ]


def test_files_named_counts_each_file_once(tmp_path: Path) -> None:
    from newsquiz.bank_files import NothingThere, files_named

    (tmp_path / "q").mkdir()
    (tmp_path / "q" / "a.yaml").write_text("x", encoding="utf-8")
    os.link(tmp_path / "q" / "a.yaml", tmp_path / "hard.yaml")
    names = ["q/a.yaml", "q", "./q/../q/a.yaml", "hard.yaml", str(tmp_path / "q")]
    assert files_named(names, tmp_path) == [tmp_path / "q" / "a.yaml"]
    with pytest.raises(NothingThere):
        files_named(["nothing"], tmp_path)


@pytest.mark.parametrize(
    ("written", "problem", "leaves"),
    [
        ("article.txt", None, False),
        ("sub/../article.txt", None, False),
        ("./a/b/c.txt", None, False),
        ("/etc/shadow", "absolute", False),
        ("\\\\server\\share", "absolute", False),
        ("D:article.txt", "absolute", False),
        ("..", None, True),
        ("../articles/a.txt", None, True),
        ("a/../../b", None, True),
        ("a\\..\\..\\b", None, True),
        ("~root/x", "`~`", False),
        ("é" * 200, "255 bytes", False),
        ("a/" * 600, "1024 bytes", False),
    ],
)
def test_source_file_names_are_checked_before_the_disk(
    written: str, problem: str | None, leaves: bool
) -> None:
    from newsquiz.source_file import leaves_folder, path_problem

    found = path_problem(written)
    assert (found is None) if problem is None else (problem in (found or ""))
    assert leaves_folder(written) is leaves


def test_a_source_file_out_of_the_folder_is_never_looked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsquiz.loader import parse_bank

    looked: list[str] = []
    real_stat = os.stat

    def stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        looked.append(str(path))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", stat)
    for written in ("../../../etc/shadow", "/etc/shadow", "x/../../etc/passwd"):
        parse_bank(bank(f"source: {{file: {written}}}\n"), base=tmp_path)
    assert not [p for p in looked if "etc" in p]


def test_source_file_found_only_inside_the_bank_folder(tmp_path: Path) -> None:
    from newsquiz.source_file import found_beside

    (tmp_path / "bank").mkdir()
    (tmp_path / "bank" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("x", encoding="utf-8")
    os.symlink(tmp_path / "secret.txt", tmp_path / "bank" / "link.txt")
    assert found_beside("a.txt", tmp_path / "bank")
    assert not found_beside("link.txt", tmp_path / "bank")
    assert not found_beside("missing.txt", tmp_path / "bank")


def test_the_loader_refuses_what_the_grader_would_take_for_one_another() -> None:
    """Whatever the loader lets through as two choices, the grader keeps apart."""
    from newsquiz.text import first_indistinct, match_text

    for a, b in [("Goïta", "GOITA"), ("Jean-Luc", "jean luc"), ("the Kremlin", "Kremlin"),
                 ("U.S.A.", "usa"), ("œuvre", "oeuvre"), ("a", "a\u200b"), ("l’Élysée", "Elysee")]:  # fmt: skip
        assert match_text([a], b).accepted and not match_text([a], b).typo
        assert first_indistinct([a, b]) == (0, 1)
    for a, b in [("Mali", "Niger"), ("2021", "2012"), ("Putin", "Рutin"), ("?", "!")]:
        assert first_indistinct([a, b]) is None


def _fold_per_character(text: str) -> str:
    """The folding rule written out, one character at a time."""
    import unicodedata

    from newsquiz.text import _LETTER_FOLDS, _QUOTES

    text = unicodedata.normalize("NFKD", text.translate(_QUOTES)).casefold()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.category(c).startswith("M"))
    return text.translate(_LETTER_FOLDS)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.characters(max_codepoint=127))
    | st.text(alphabet=st.characters(max_codepoint=0x17F))
    | st.text(
        alphabet=st.characters(max_codepoint=127)
        | st.characters(min_codepoint=0x300, max_codepoint=0x36F)
    )
    | st.text()
)
def test_the_shortcuts_fold_as_the_general_rule(text: str) -> None:
    """Choices are compared in the folded form: the fast ways (ASCII, Latin with
    accents) must agree with the rule written one character at a time."""
    from newsquiz.text import _fold_any, _spaced_any, fold, spaced

    assert fold(text) == _fold_per_character(text)
    assert _fold_any(text) == _fold_per_character(text)
    assert spaced(text) == _spaced_any(text)
    assert spaced(fold(text)) == _spaced_any(_fold_any(text))


def test_lookalikes_and_invisible_characters() -> None:
    from newsquiz.lookalikes import hidden_character, lookalike_pairs, mixed_script_word

    assert hidden_character("ab\u202ec") == "\u202e"
    assert hidden_character("a\u2067b") == "\u2067"
    assert hidden_character("ab\u200bc") == "\u200b"
    assert hidden_character("مرحبا\u200f عالم") is None  # a right-to-left mark is legitimate
    assert hidden_character("👩\u200d🔬") is None  # so is the joiner of an emoji
    assert mixed_script_word("Vladimir Рutin") == "Рutin"
    assert mixed_script_word("Владимир Путин") is None
    assert lookalike_pairs(["Putin", "Lavrov", "Рutin"]) == [(0, 2)]
    assert lookalike_pairs(["ΑΒΓ", "ABΓ"]) == [(0, 1)]


def test_the_quick_test_for_greek_and_cyrillic_misses_no_letter() -> None:
    """mixed_script_word skips texts without Greek or Cyrillic: it must not skip any."""
    import unicodedata

    from newsquiz.lookalikes import _CYRILLIC_OR_GREEK

    missed = [
        hex(code)
        for code in range(0x110000)
        if chr(code).isalpha()
        and unicodedata.name(chr(code), "").startswith(("CYRILLIC", "GREEK"))
        and not _CYRILLIC_OR_GREEK.match(chr(code))
    ]
    assert missed == []


def test_suggestions_stay_within_their_budget() -> None:
    from newsquiz.suggestions import suggest

    assert suggest("Vladimr Putin", ["Vladimir Putin", "Lavrov"]) == "Vladimir Putin"
    assert suggest("a" * 65 + "x", ["a" * 66]) is None
    many = [f"x{i}" for i in range(1000)]
    assert suggest("Vladimr Putin", [*many, "Vladimir Putin"]) is None  # beyond the first few
    assert suggest("x99", many) == "x9"


def test_repeated_problems_are_counted_not_listed() -> None:
    from newsquiz.loader import MAX_REPEATS, parse_bank

    keys = "".join(f"      nope{i}: x\n" for i in range(40))
    text = bank(
        question(f"    type: choice\n    choices: [a, b]\n    answer: a\n    feedback:\n{keys}")
    )
    messages = [p.message for p in parse_bank(text).problems]
    assert sum("which is not a choice" in m for m in messages) == MAX_REPEATS
    assert messages[-1].startswith(f"and {40 - MAX_REPEATS:,} more like the one above")


def test_the_values_in_a_file_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsquiz.loader as loader

    monkeypatch.setattr(loader, "MAX_NODES", 1000)
    text = bank(question("    type: choice\n    answer: a\n    choices: [" + "a, " * 2000 + "b]\n"))
    problems = loader.parse_bank(text).problems
    assert [p.message for p in problems] == [
        "the bank holds more than 1,000 values (texts, lists and mappings): "
        "split it into several banks"
    ]


def test_points_bounds() -> None:
    from newsquiz.loader import parse_bank

    for points, ok in [("0.01", True), ("1000", True), ("2.5", True), ("0.001", False),
                       ("1000.5", False), ("-1", False), ("0", False), ("inf", False)]:  # fmt: skip
        report = parse_bank(
            bank(question(f"    type: truefalse\n    answer: true\n    points: {points}\n"))
        )
        assert (report.bank is not None) is ok, points


# --- linear time ------------------------------------------------------------------------------


def _cloze(n: int) -> str:
    return bank(question('    type: cloze\n    text: "' + "{{" * (n // 2) + '"\n'))


def _cloze_blanks(n: int) -> str:
    return bank(
        question('    type: cloze\n    text: "' + "{{a}} " * (n // 12) + "{{" * (n // 4) + '"\n')
    )


def _feedback(n: int) -> str:
    choices = "[" + ", ".join("c" * 60 + str(i) for i in range(26)) + "]"
    keys = "".join(f"      {'c' * 60}x{i}: x\n" for i in range(n // 2))
    return bank(
        question(
            f"    type: choice\n    choices: {choices}\n    answer: {'c' * 60}0\n    feedback:\n{keys}"
        )
    )


def _choices(n: int) -> str:
    """Many questions, each with 26 long choices that collide only at the end."""
    one = "  - id: q{i}\n    type: multi\n    prompt: p\n    explanation: e\n    answer: [{a}]\n    choices: [{c}]\n"
    stem = "Vladimir Poutine et Sergueï Lavrov "
    choices = ", ".join(f"'{stem}{j}'" for j in range(25)) + f", '{stem}0.'"
    body = "".join(one.format(i=i, a=f"'{stem}0'", c=choices) for i in range(max(1, n // 40)))
    return bank("questions:\n" + body)


def _long_list(n: int) -> str:
    return bank(
        question("    type: order\n    items: [" + ", ".join(f"item{i}" for i in range(n)) + "]\n")
    )


def _pairs(n: int) -> str:
    one = "  - id: q{i}\n    type: match\n    prompt: p\n    explanation: e\n    pairs: {{{p}}}\n    distractors: [{d}]\n"
    pairs = ", ".join(f"Ministre numéro {j}: Homme politique {j}" for j in range(26))
    distractors = ", ".join(f"Autre {j}" for j in range(26))
    body = "".join(one.format(i=i, p=pairs, d=distractors) for i in range(max(1, n // 60)))
    return bank("questions:\n" + body)


def _tags(n: int) -> str:
    tags = "tags: [" + ", ".join(f"tag-{j}" for j in range(50)) + "]\n"
    body = "".join(
        f"  - {{id: q{i}, type: truefalse, prompt: p, answer: true, explanation: e, tags: [x{i}]}}\n"
        for i in range(max(1, n // 10))
    )
    return bank(tags + "questions:\n" + body)


def _unknown_fields(n: int) -> str:
    return bank("".join(f"field-{i}-{'z' * 40}: value\n" for i in range(n // 4)))


def _lint_prompts(n: int) -> str:
    """Every prompt holds every answer's words, never the answer itself: the leak rule's worst."""
    one = "  - {{id: q{i}, type: short, prompt: 'Goïta Poutine Kremlin {i}', answer: 'Kremlin Goïta Poutine', explanation: e}}\n"
    return bank("questions:\n" + "".join(one.format(i=i) for i in range(max(1, n // 8))))


def _lint_long_answer(n: int) -> str:
    return bank(
        question(f"    type: short\n    answer: {'a' * 150}\n").replace(
            "prompt: p", f"prompt: {'a' * n}"
        )
    )


SCANNERS = {
    "lint: leaks across prompts": _lint_prompts,
    "lint: long answer in a long prompt": _lint_long_answer,
    "cloze braces": _cloze,
    "cloze blanks": _cloze_blanks,
    "feedback keys": _feedback,
    "choices": _choices,
    "long lists": _long_list,
    "pairs": _pairs,
    "tags": _tags,
    "unknown fields": _unknown_fields,
}


def _seconds(text: str, repeat: int) -> float:
    """The best of three runs of ``repeat`` checks, without the garbage collector's pauses."""
    import gc

    from newsquiz.lint import lint
    from newsquiz.loader import parse_bank

    best = float("inf")
    for _ in range(3):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            for _ in range(repeat):
                loaded = parse_bank(text).bank
                if loaded is not None:  # `check` then looks for what is unfair to learners
                    lint(loaded, dt.date(2025, 6, 23))
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return best


def _ratio(small: str, large: str) -> float:
    """Time at twice the size over time at the size, each long enough to measure."""
    once = _seconds(small, 1)
    repeat = max(1, int(0.05 / max(once, 1e-6)))
    return _seconds(large, repeat) / _seconds(small, repeat)


@pytest.mark.parametrize("scanner", sorted(SCANNERS))
def test_checking_is_linear_in_the_size_of_the_bank(scanner: str) -> None:
    """Time at twice the size is at most ~2.5 times the time at the size (best of 3, 5 tries)."""
    build = SCANNERS[scanner]
    size = 8000
    small, large = build(size), build(2 * size)
    assert 1.8 < len(large) / len(small) < 2.2
    ratios = []
    for _ in range(5):
        ratio = _ratio(small, large)
        ratios.append(ratio)
        if ratio <= 2.5:
            break
    assert min(ratios) <= 2.5, f"{scanner}: {ratios}"


# --- the installed command, for what only a separate process shows -----------------------------


def test_check_of_a_pipe_returns_in_a_separate_process(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "f.yaml")
    done = subprocess.run(
        [sys.executable, "-m", "newsquiz", "check", "f.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 1
    assert "named pipe" in done.stdout


NEWSQUIZ = Path(sys.executable).with_name("newsquiz")


def _spawn(*args: str, cwd: Path) -> object:
    import pexpect

    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update(TERM="xterm-256color", NO_COLOR="1", LANG="C.UTF-8")
    return pexpect.spawn(
        str(NEWSQUIZ), list(args), cwd=str(cwd), env=env, encoding="utf-8", timeout=20
    )


@pytest.mark.skipif(not NEWSQUIZ.exists(), reason=f"{NEWSQUIZ} is not installed")
def test_pipes_named_like_banks_never_hang_a_terminal(tmp_path: Path) -> None:
    """In a real pseudo-terminal: check, list, stats and review all come back."""
    import pexpect

    played = tmp_path / "b.yaml"
    played.write_text(bank(bank_id="mine"), encoding="utf-8")
    subprocess.run(
        [str(NEWSQUIZ), "play", str(played), "--plain"],
        input="t\n", text=True, cwd=tmp_path, capture_output=True, timeout=60, check=True,
    )  # fmt: skip
    played.unlink()
    os.mkfifo(played)  # the bank played by its path has become a pipe
    (tmp_path / "quizzes").mkdir()
    os.mkfifo(tmp_path / "quizzes" / "p.yaml")
    runs = [
        (("check", "b.yaml"), "named pipe", 1),
        (("list",), "Skipped quizzes/p.yaml", 0),
        (("stats",), "Skipped quizzes/p.yaml", 0),
        (("review",), "Skipped quizzes/p.yaml", 0),
        (("play", "b.yaml"), "named pipe", 1),
    ]
    for args, shown, status in runs:
        child = _spawn(*args, cwd=tmp_path)
        child.expect(shown)  # type: ignore[attr-defined]
        child.expect(pexpect.EOF)  # type: ignore[attr-defined]
        child.close()  # type: ignore[attr-defined]
        assert child.exitstatus == status, args  # type: ignore[attr-defined]


def test_the_new_refusals_speak_the_teachers_language(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text(bank(question(GOITA)), encoding="utf-8")
    os.mkfifo(tmp_path / "p.yaml")
    code, out, _ = run(["check", "--lang", "fr", "b.yaml", "p.yaml"], tmp_path)
    assert code == 1
    assert "que la correction ne sait pas distinguer" in out
    assert "est un tube nommé (FIFO), pas un fichier de banque" in out
