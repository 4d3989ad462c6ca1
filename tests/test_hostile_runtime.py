"""Hostile input at run time (issue 8, the runtime half): the installed command, attacked.

One table row per attack: what is set up, the command, what is typed or piped
in, the exit status and a fragment of the message a user sees. Every row also
checks that no traceback is printed and that exit 70 (internal error) never
happens. The end of the file drives a real pseudo-terminal for a full disk, a
results file behind a link, and SIGTERM / SIGHUP at an arrow-key prompt.
"""

from __future__ import annotations

import io
import json
import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import termios
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pexpect
import pytest

NEWSQUIZ = Path(sys.executable).with_name("newsquiz")
DOWN = "\x1b[B"
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

pytestmark = pytest.mark.skipif(not NEWSQUIZ.exists(), reason=f"{NEWSQUIZ} is not installed")

# One question of each kind that reads typed numbers or dates, each under its own tag.
BANK = """\
newsquiz: 1
id: hostile
title: Hostile input
language: en
questions:
  - {id: c, type: choice, tags: [choice], prompt: Pick one, choices: [alpha, beta, gamma], answer: alpha}
  - {id: m, type: multi, tags: [multi], prompt: Pick all, choices: [a, b, c], answer: [a, c]}
  - {id: o, type: order, tags: [order], prompt: Put in order, items: [x, y, z]}
  - {id: p, type: match, tags: [match], prompt: Match them, pairs: {one: un, two: deux}}
  - {id: n, type: number, tags: [number], prompt: How many?, answer: 3}
  - {id: d, type: date, tags: [date], prompt: When?, answer: 2025-06-23}
  - {id: s, type: short, tags: [short], prompt: Name?, answer: Goita}
"""
BIG = "1" * 5000
DISK_LIMIT = 80 * 1024  # bytes a file may grow to in the full-disk test


@dataclass(frozen=True)
class Attack:
    kind: str
    args: tuple[str, ...]
    stdin: bytes = b""
    status: int = 0
    fragment: str = ""
    stream: str = "stdout"
    env: dict[str, str] = field(default_factory=dict)
    setup: Callable[[Path], None] | None = None
    shell: str = ""
    """Run through sh with this redirection (closed or full streams)."""
    absent: str = ""
    """Text that must not reach the output (an escape sequence)."""


def _typed(tag: str, *lines: str | bytes) -> tuple[tuple[str, ...], bytes]:
    data = b"".join((x if isinstance(x, bytes) else x.encode()) + b"\n" for x in lines)
    return ("play", "all.yaml", "--no-shuffle", "--tag", tag), data


def _row(
    kind: str, tag: str, lines: tuple[str | bytes, ...], fragment: str, **more: object
) -> Attack:
    args, data = _typed(tag, *lines)
    return Attack(kind, args, data, 0, fragment, **more)  # type: ignore[arg-type]


def _played_store(sql: str) -> Callable[[Path], None]:
    """A store with one card of the bank, then changed behind newsquiz's back."""

    def setup(folder: Path) -> None:
        import datetime as dt

        from newsquiz.store import open_store

        now = dt.datetime.now(dt.timezone.utc)
        store = open_store(folder / "data", now=now).store
        with store.write() as db:
            db.execute(
                "INSERT INTO sessions (bank_id, mode, started_at) VALUES ('hostile', 'practice', ?)",
                (int(now.timestamp()),),
            )
            db.execute(
                "INSERT INTO cards (bank_id, question_id, answer_fingerprint, state, due, reviews,"
                " lapses) VALUES ('hostile', 'c', 'x', 2, ?, 1, 0)",
                (int(now.timestamp()) - 60,),
            )
            db.execute(sql)
        store.close()

    return setup


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "pipe")


def _results_folder(folder: Path) -> None:
    (folder / "out").mkdir()


def _link_loop(folder: Path) -> None:
    (folder / "a.json").symlink_to("b.json")
    (folder / "b.json").symlink_to("a.json")


def _link_to_dev_null(folder: Path) -> None:
    (folder / "null.json").symlink_to("/dev/null")


ATTACKS: list[Attack] = [
    # 6. digits that str.isdigit accepts but int() does not, and 5,000-digit lines
    _row("choice-superscript", "choice", ("²", "1"), '"²" is not one of the numbers 1 to 3'),
    _row("choice-circled", "choice", ("①", "1"), '"①" is not one of the numbers 1 to 3'),
    _row("choice-arabic-indic", "choice", ("٣", "1"), '"٣" is not one of the numbers 1 to 3'),
    _row("choice-fullwidth", "choice", ("３", "1"), '"３" is not one of the numbers'),
    _row("choice-5000-digits", "choice", (BIG, "1"), "is not one of the numbers 1 to 3"),
    _row("multi-superscript", "multi", ("1 ²", "1 3"), "Type the numbers of your choices"),
    _row("multi-5000-digits", "multi", (f"1 {BIG}", "1 3"), "Type the numbers of your choices"),
    _row("order-arabic-indic", "order", ("٣ ٢ ١", "1 2 3"), "Type 3 different numbers from 1 to 3"),
    _row("order-5000-digits", "order", (BIG, "1 2 3"), "Type 3 different numbers"),
    _row("match-circled", "match", ("① ②", "1 2"), "Type 2 different numbers from 1 to 2"),
    _row("match-5000-digits", "match", (f"{BIG} 1", "1 2"), "Type 2 different numbers"),
    _row("number-5000-digits", "number", (BIG, "3"), "is not a number"),
    _row("date-5000-digits", "date", (f"{BIG}/2025", "2025"), "is not a date"),
    _row("choice-200000-digits", "choice", ("1" * 200_000, "1"), "longer than 65536 characters"),
    Attack(
        "stdin-dev-zero",
        ("play", "all.yaml", "--no-shuffle"),
        status=0,
        fragment="No question answered.",
        shell="</dev/zero",
    ),
    # 7. bytes that are not UTF-8, also under a strict or an ASCII locale
    _row("stdin-invalid-utf8", "choice", (b"\xff\xfe", "1"), "not text (UTF-8): type it again"),
    _row("stdin-invalid-utf8-short", "short", (b"Go\xefta", "Goita"), "type it again"),
    _row(
        "stdin-strict-decoder",
        "choice",
        (b"\xff", "1"),
        "type it again",
        env={"PYTHONIOENCODING": "utf-8:strict"},
    ),
    _row(
        "stdin-ascii-locale",
        "short",
        (b"\xe9\xff", "Goïta"),
        "Correct.",
        env={"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
    ),
    Attack(
        "student-not-utf8",
        ("play", "all.yaml", "--student", "Zo\udcff", "--results", "r.json"),
        b"1\n",
        2,
        "holds bytes that are not UTF-8 text",
        "stderr",
    ),
    Attack(
        "login-name-not-utf8",
        ("play", "all.yaml", "--tag", "choice", "--no-shuffle", "--results", "r.json"),
        b"1\n",
        0,
        "Results written to r.json.",
        env={"LOGNAME": "Zo\udcff", "USER": "\udcff"},
    ),
    Attack(
        "bank-file-name-not-utf8",
        ("play", "b\udcff.yaml", "--tag", "choice", "--no-shuffle"),
        b"1\n",
        0,
        "Correct.",
        setup=lambda folder: (folder / "b\udcff.yaml").write_text(BANK, encoding="utf-8"),
    ),
    # 9. --results checked before the first question; stdout and devices are fine
    Attack(
        "results-no-folder",
        ("play", "all.yaml", "--results", "nowhere/r.json"),
        b"1\n",
        2,
        "no such folder",
        "stderr",
    ),
    Attack(
        "results-a-folder",
        ("play", "all.yaml", "--results", "out"),
        b"",
        2,
        "it is a folder",
        "stderr",
        setup=_results_folder,
    ),
    Attack(
        "results-dash",
        ("play", "all.yaml", "--tag", "choice", "--results", "-"),
        b"1\n",
        0,
        '"newsquiz_results": 1',
    ),
    Attack(
        "results-dev-stdout",
        ("play", "all.yaml", "--tag", "choice", "--results", "/dev/stdout"),
        b"1\n",
        0,
        '"newsquiz_results": 1',
    ),
    Attack(
        "results-dev-null",
        ("play", "all.yaml", "--tag", "choice", "--results", "/dev/null"),
        b"1\n",
        0,
        "Results written to /dev/null.",
    ),
    Attack(
        "results-dev-full",
        ("play", "all.yaml", "--tag", "choice", "--results", "/dev/full"),
        b"1\n",
        1,
        "could not be written to /dev/full: No space left on device",
    ),
    Attack(
        "results-fifo-nobody-reads",
        ("play", "all.yaml", "--tag", "choice", "--results", "pipe"),
        b"1\n",
        1,
        "no program is reading this FIFO",
        setup=_fifo,
    ),
    Attack(
        "results-empty-name",
        ("play", "all.yaml", "--results", ""),
        status=2,
        fragment="the file name is empty",
        stream="stderr",
    ),
    Attack(
        "results-trailing-slash",
        ("play", "all.yaml", "--results", "new/"),
        status=2,
        fragment="it names a folder",
        stream="stderr",
    ),
    Attack(
        "results-link-loop",
        ("play", "all.yaml", "--results", "a.json"),
        status=2,
        fragment="Too many levels of symbolic links",
        stream="stderr",
        setup=_link_loop,
    ),
    Attack(
        "results-name-too-long",
        ("play", "all.yaml", "--results", "r" * 400),
        status=2,
        fragment="File name too long",
        stream="stderr",
    ),
    Attack(
        "results-link-to-dev-null",
        ("play", "all.yaml", "--tag", "choice", "--results", "null.json"),
        b"1\n",
        0,
        "Results written to null.json.",
        setup=_link_to_dev_null,
    ),
    Attack(
        "results-name-with-escapes",
        ("play", "all.yaml", "--tag", "choice", "--results", "\x1b[2Jr.json"),
        b"1\n",
        0,
        "Results written to \\x1b[2Jr.json.",
        absent="\x1b[2J",
    ),
    Attack(
        "results-missing-folder-with-escapes",
        ("play", "all.yaml", "--results", "\x1b[31mno/r.json"),
        status=2,
        fragment="cannot write results to \\x1b[31mno/r.json",
        stream="stderr",
        absent="\x1b[31m",
    ),
    # 11. numbers on the command line beyond what can be computed with
    Attack(
        "time-inf",
        ("play", "all.yaml", "--exam", "--time", "inf"),
        status=2,
        fragment="at most 1440",
        stream="stderr",
    ),
    Attack(
        "time-1e20",
        ("play", "all.yaml", "--exam", "--time", "1e20"),
        status=2,
        fragment="at most 1440",
        stream="stderr",
    ),
    Attack(
        "time-nan",
        ("play", "all.yaml", "--exam", "--time", "nan"),
        status=2,
        fragment="more than 0 and at most 1440",
        stream="stderr",
    ),
    Attack(
        "time-negative",
        ("play", "all.yaml", "--exam", "--time", "-5"),
        status=2,
        fragment="more than 0",
        stream="stderr",
    ),
    Attack(
        "review-limit-huge",
        ("review", "--limit", "9223372036854775807"),
        status=2,
        fragment="from 1 to 100000",
        stream="stderr",
    ),
    Attack(
        "review-new-5000-digits",
        ("review", "--new", BIG),
        status=2,
        fragment="from 0 to 100000",
        stream="stderr",
    ),
    Attack(
        "play-n-huge",
        ("play", "all.yaml", "-n", "1" + "0" * 30),
        status=2,
        fragment="from 1 to 100000",
        stream="stderr",
    ),
    Attack(
        "seed-5000-digits",
        ("play", "all.yaml", "--seed", BIG),
        status=2,
        fragment="expected a whole number",
        stream="stderr",
    ),
    # 13. store contents no version of newsquiz writes
    Attack(
        "store-card-state-99",
        ("stats",),
        status=0,
        fragment="was damaged: it was moved to",
        stream="stderr",
        setup=_played_store("UPDATE cards SET state = 99"),
    ),
    Attack(
        "store-due-year-5000000",
        ("stats",),
        status=0,
        fragment="was damaged",
        stream="stderr",
        setup=_played_store("UPDATE cards SET due = 99999999999999"),
    ),
    Attack(
        "store-due-text",
        ("review", "--plain"),
        status=0,
        fragment="was damaged",
        stream="stderr",
        setup=_played_store("UPDATE cards SET due = 'soon'"),
    ),
    Attack(
        "store-dropped-table",
        ("review", "--plain"),
        status=0,
        fragment="was damaged",
        stream="stderr",
        setup=_played_store("DROP TABLE cards"),
    ),
    Attack(
        "store-dropped-column",
        ("play", "all.yaml", "--tag", "choice"),
        b"1\n",
        0,
        "was damaged",
        "stderr",
        setup=_played_store("ALTER TABLE sessions DROP COLUMN bank_path"),
    ),
    # 15. a full or closed standard stream
    Attack(
        "schema-to-dev-full",
        ("schema",),
        status=1,
        fragment="cannot write the output: No space left on device",
        stream="stderr",
        shell=">/dev/full",
    ),
    Attack(
        "list-to-dev-full",
        ("list",),
        status=1,
        fragment="cannot write the output",
        stream="stderr",
        shell=">/dev/full",
    ),
    Attack(
        "help-to-dev-full",
        ("--help",),
        status=1,
        fragment="cannot write the output",
        stream="stderr",
        shell=">/dev/full",
    ),
    Attack(
        "version-to-dev-full",
        ("--version",),
        status=1,
        fragment="No space left on device",
        stream="stderr",
        shell=">/dev/full",
    ),
    Attack(
        "check-to-dev-full",
        ("check", "all.yaml"),
        status=1,
        fragment="cannot write the output",
        stream="stderr",
        shell=">/dev/full",
    ),
    Attack(
        "play-stdin-closed",
        ("play", "all.yaml"),
        status=0,
        fragment="No question answered.",
        shell="<&-",
    ),
    Attack("review-stdin-closed", ("review",), status=0, fragment="", shell="<&-"),
    Attack("play-stdout-closed", ("play", "all.yaml"), b"1\n", status=0, shell=">&-"),
    # 18. what is typed comes back escaped
    _row(
        "typed-escape-sequence",
        "choice",
        ("\x1b[31mred\x1b[2J", "1"),
        '"\\x1b[31mred\\x1b[2J" is not one of',
        absent="\x1b[",
    ),
    _row(
        "typed-bidi-override",
        "choice",
        ("\u202e1", "1"),
        '"\\u202e1" is not one of',
        absent="\u202e",
    ),
    _row("typed-nul", "number", ("\x003", "3"), '"\\x003" is not a number', absent="\x00"),
    # 22. dates with a month or a day 0
    _row("date-zeros", "date", ("00/00/2025", "2025"), '"00/00/2025" is not a date'),
    _row("date-month-zero", "date", ("2012-00", "2025"), '"2012-00" is not a date'),
    _row("date-day-zero", "date", ("0 June 2025", "2025"), "is not a date"),
]


def _run(
    args: tuple[str, ...],
    stdin: bytes,
    folder: Path,
    env: dict[str, str] | None = None,
    shell: str = "",
) -> subprocess.CompletedProcess[bytes]:
    environ = {**os.environ, "NO_COLOR": "1", "NEWSQUIZ_DATA_DIR": str(folder / "data")}
    environ.update(env or {})
    command: list[str] = [str(NEWSQUIZ), *args]
    if shell:
        quoted = " ".join("'" + a.replace("'", "'\\''") + "'" for a in command)
        command = ["sh", "-c", f"exec {quoted} {shell}"]
    return subprocess.run(
        command, input=stdin, capture_output=True, cwd=folder, env=environ, timeout=60, check=False
    )


@pytest.mark.parametrize("attack", ATTACKS, ids=[a.kind for a in ATTACKS])
def test_attack(attack: Attack, tmp_path: Path) -> None:
    (tmp_path / "all.yaml").write_text(BANK, encoding="utf-8")
    if attack.setup is not None:
        attack.setup(tmp_path)
    result = _run(attack.args, attack.stdin, tmp_path, attack.env, attack.shell)
    out = result.stdout.decode("utf-8", "replace")
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in out + err
    assert result.returncode != 70, err
    assert result.returncode == attack.status, (out[-2000:], err)
    assert attack.fragment in (out if attack.stream == "stdout" else err), (out[-2000:], err)
    if attack.absent:
        assert attack.absent not in out + err


def test_a_damaged_store_is_moved_aside_never_deleted(tmp_path: Path) -> None:
    (tmp_path / "all.yaml").write_text(BANK, encoding="utf-8")
    _played_store("UPDATE cards SET state = 99")(tmp_path)
    result = _run(("stats", "--plain"), b"", tmp_path)
    assert result.returncode == 0
    aside = [p.name for p in (tmp_path / "data").iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1
    with sqlite3.connect(tmp_path / "data" / aside[0]) as db:
        assert db.execute("SELECT state FROM cards").fetchall() == [(99,)]
    db.close()


def test_typed_text_is_stored_without_control_codes(tmp_path: Path) -> None:
    (tmp_path / "all.yaml").write_text(BANK, encoding="utf-8")
    _run(("play", "all.yaml", "--tag", "short"), b"Go\x1b[1mi\x00ta\x07\n", tmp_path)
    with sqlite3.connect(tmp_path / "data" / "progress.sqlite3") as db:
        assert db.execute("SELECT response FROM answers").fetchall() == [("Go[1mita",)]
    db.close()


def test_undecodable_input_is_asked_again_and_never_stored(tmp_path: Path) -> None:
    (tmp_path / "all.yaml").write_text(BANK, encoding="utf-8")
    result = _run(("play", "all.yaml", "--tag", "short"), b"Go\xefta\nGo\xc3\xafta\n", tmp_path)
    assert result.returncode == 0
    with sqlite3.connect(tmp_path / "data" / "progress.sqlite3") as db:
        assert db.execute("SELECT response FROM answers").fetchall() == [("Goïta",)]
    db.close()


def test_results_on_stdout_are_the_json_alone(tmp_path: Path) -> None:
    (tmp_path / "all.yaml").write_text(BANK, encoding="utf-8")
    result = _run(
        ("play", "all.yaml", "--no-shuffle", "--tag", "choice", "--results", "-"), b"1\n", tmp_path
    )
    document = json.loads(result.stdout)
    assert document["score"] == 1
    assert "Score: 1 of 1 point" in result.stderr.decode()


def test_an_unwritable_results_folder_is_refused_before_the_first_question(tmp_path: Path) -> None:
    (tmp_path / "all.yaml").write_text(BANK, encoding="utf-8")
    folder = tmp_path / "locked"
    folder.mkdir()
    if ROOT:
        if subprocess.run(
            ["chattr", "+i", str(folder)], capture_output=True, check=False
        ).returncode:
            pytest.skip("running as root without chattr +i: a folder cannot be made unwritable")
    else:
        folder.chmod(0o500)
    try:
        result = _run(("play", "all.yaml", "--results", "locked/r.json"), b"1\n", tmp_path)
    finally:
        if ROOT:
            subprocess.run(["chattr", "-i", str(folder)], check=False)
        folder.chmod(0o700)
    assert result.returncode == 2
    assert b"Question 1" not in result.stdout
    assert b"cannot write results to locked/r.json: cannot create a file in" in result.stderr


def test_a_read_only_data_folder_still_shows_the_progress(tmp_path: Path) -> None:
    (tmp_path / "all.yaml").write_text(BANK, encoding="utf-8")
    _run(("play", "all.yaml", "--tag", "choice"), b"1\n", tmp_path)
    data = tmp_path / "data"
    if ROOT:
        if subprocess.run(["chattr", "+i", str(data)], capture_output=True, check=False).returncode:
            pytest.skip("running as root without chattr +i: a folder cannot be made read-only")
    else:
        data.chmod(0o500)
    try:
        stats = _run(("stats", "--plain"), b"", tmp_path)
        review = _run(("review", "--plain"), b"", tmp_path)
    finally:
        if ROOT:
            subprocess.run(["chattr", "-i", str(data)], check=False)
        data.chmod(0o700)
    assert stats.returncode == 0
    assert b"1 answer in 1 session" in stats.stdout
    assert review.returncode == 0
    assert b"Progress will not be saved" in review.stderr
    assert b"Next: 1 due" in review.stdout
    assert sorted(p.name for p in data.iterdir()) == ["progress.sqlite3"]


def _python_had_not_started(status: int, signum: int, err: bytes) -> bool:
    """The signal landed in Python's own start-up, before site-packages is read.

    Until Python installs its handlers the signal kills it silently (-signum);
    after that, SIGINT raises inside Python's frozen start-up modules (io, os,
    site) before any `.pth` file runs, and Python prints its own traceback. No
    package can reach that window. From our `.pth` line on (before pip's
    launcher and the package), nothing may name a frame of newsquiz's.
    """
    python_traceback = signum == signal.SIGINT and err.endswith(b"KeyboardInterrupt\n")
    if status != -signum and not (status == 1 and python_traceback):
        return False
    frames = [line for line in err.splitlines() if line.lstrip().startswith(b'File "')]
    return all(b"newsquiz" not in line for line in frames)


@pytest.mark.parametrize(
    ("signum", "status", "runs"),
    [(signal.SIGINT, 130, 100), (signal.SIGTERM, 143, 20), (signal.SIGHUP, 129, 20)],
)
def test_a_stop_signal_while_the_program_starts_exits_quietly(
    tmp_path: Path, signum: int, status: int, runs: int
) -> None:
    """Issue 8 #14: a signal at any moment of the first 80 ms of the installed
    command exits 128 + the signal, with nothing but a line break on standard error.

    The delays cover the window evenly (not at random only), so the launcher's
    imports, the package's import, argument parsing and the first question are
    all hit on any machine, however loaded.
    """
    (tmp_path / "all.yaml").write_text(BANK, encoding="utf-8")
    rng = random.Random(14)
    environ = {**os.environ, "NEWSQUIZ_DATA_DIR": str(tmp_path / "data")}
    failures = []
    for run in range(runs):
        process = subprocess.Popen(
            [str(NEWSQUIZ), "play", "all.yaml", "--plain"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
            env=environ,
        )
        time.sleep(0.08 * (run + rng.random()) / runs)
        process.send_signal(signum)
        _, err = process.communicate(timeout=30)
        # A blank line on stderr is the command's own: the shell's prompt starts afresh.
        if (process.returncode, err.strip()) != (status, b"") and not _python_had_not_started(
            process.returncode, signum, err
        ):
            failures.append((run, process.returncode, err.decode(errors="replace")[-600:]))
    assert failures == []


@pytest.mark.parametrize(("name", "guarded"), [("newsquiz", True), ("other-program", False)])
def test_stop_signals_are_guarded_before_the_launchers_first_line(
    tmp_path: Path, name: str, guarded: bool
) -> None:
    """The installed .pth guards the `newsquiz` command before pip's launcher runs
    (where the package cannot), and leaves every other program's signals alone."""
    script = tmp_path / name
    script.write_text(
        f"#!{sys.executable}\nimport signal\n"
        "print([signal.getsignal(s) in (signal.SIG_DFL, signal.default_int_handler)"
        " for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)])\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    result = subprocess.run([str(script)], capture_output=True, timeout=60, check=True)
    assert result.stdout.strip() == str([not guarded] * 3).encode()


@pytest.mark.parametrize(
    "moment",
    [
        "package import",
        "argument parsing",
        "command import",
        "class creation while parsing",
        "class creation in a command",
        "an object's finaliser",
    ],
)
def test_ctrl_c_at_each_early_moment_exits_130_quietly(tmp_path: Path, moment: str) -> None:
    """The same, at chosen moments: the signal arrives while that step runs."""
    steps = {
        "package import": "import newsquiz; kill()",
        "argument parsing": (
            "import newsquiz.cli as c; b = c.build_parser\n"
            "def late():\n    kill(); return b()\n"
            "c.build_parser = late; sys.exit(c.main(['play', 'x.yaml']))"
        ),
        "command import": (
            "import newsquiz.cli as c; import newsquiz.loader as l\n"
            "def late(*a, **k):\n    kill()\n"
            "l.read_bank = late; sys.exit(c.main(['check', 'x.yaml']))"
        ),
        # Python 3.11 wraps an exception of __set_name__ (a dataclass field's) in a
        # RuntimeError; 3.12 lets it through with a note.
        "class creation while parsing": (
            "import newsquiz.cli as c; b = c.build_parser\n"
            "class Late:\n    def __set_name__(self, owner, name): kill()\n"
            "def late():\n    type('T', (), {'x': Late()}); return b()\n"
            "c.build_parser = late; sys.exit(c.main(['play', 'x.yaml']))"
        ),
        "class creation in a command": (
            "import newsquiz.cli as c; import newsquiz.loader as l\n"
            "class Late:\n    def __set_name__(self, owner, name): kill()\n"
            "def late(*a, **k):\n    type('T', (), {'x': Late()})\n"
            "l.read_bank = late; sys.exit(c.main(['check', 'x.yaml']))"
        ),
        # Python cannot raise out of __del__: it would print "Exception ignored".
        "an object's finaliser": (
            "import newsquiz.cli as c; import newsquiz.loader as l\n"
            "class Late:\n    def __del__(self): kill()\n"
            "def late(*a, **k):\n    Late(); time.sleep(1)\n"
            "l.read_bank = late; sys.exit(c.main(['check', 'x.yaml']))"
        ),
    }
    (tmp_path / "x.yaml").write_text(BANK, encoding="utf-8")
    code = (
        "import os, signal, sys, time\nsys.argv[0] = 'newsquiz'\n"
        "def kill():\n    os.kill(os.getpid(), signal.SIGINT); time.sleep(1)\n" + steps[moment]
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, cwd=tmp_path, timeout=60, check=False
    )
    assert (result.returncode, result.stderr.replace(b"\n", b"")) == (130, b"")


# Real pseudo-terminals.


def _spawn(args: list[str], cwd: Path, **options: object) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update(TERM="xterm-256color", NO_COLOR="1", LANG="C.UTF-8")
    env["NEWSQUIZ_DATA_DIR"] = str(cwd / "data")
    return pexpect.spawn(
        str(NEWSQUIZ),
        args,
        cwd=str(cwd),
        env=env,
        encoding="utf-8",
        dimensions=(40, 100),
        timeout=20,
        **options,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_sigterm_and_sighup_at_an_arrow_key_prompt(
    tmp_path: Path, signum: int, status: int
) -> None:
    (tmp_path / "all.yaml").write_text(BANK, encoding="utf-8")
    child = _spawn(["play", "all.yaml", "--no-shuffle", "--results", "r.json"], tmp_path)
    child.expect(r"\(arrow keys, then Enter\)")
    child.send("\r")  # alpha: right
    child.expect("Correct.")
    child.expect("Space to select")  # the next question is an arrow-key menu
    time.sleep(0.2)
    lflag = termios.tcgetattr(child.child_fd)[3]
    assert not lflag & termios.ICANON  # the menu has the terminal in raw mode
    child.kill(signum)
    child.expect("Session stopped.")
    child.expect(r"Score: 1 of 1 point")
    child.expect("Results written to r.json.")
    child.expect(pexpect.EOF)
    lflag = termios.tcgetattr(child.child_fd)[3]
    child.close()
    assert child.exitstatus == status
    assert lflag & termios.ICANON and lflag & termios.ECHO  # the terminal is given back
    assert "Traceback" not in (child.before or "")
    results = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert results["complete"] is False
    # The question on screen when the session stopped was reached, not answered, not skipped.
    assert [q["id"] for q in results["questions"] if q["reached"]] == ["c", "m"]
    assert (results["questions"][1]["response"], results["questions"][1]["skipped"]) == (
        None,
        False,
    )
    with sqlite3.connect(tmp_path / "data" / "progress.sqlite3") as db:
        assert db.execute("SELECT finished_at IS NOT NULL FROM sessions").fetchall() == [(1,)]
    db.close()


def test_results_through_a_symlink_in_a_terminal(tmp_path: Path) -> None:
    (tmp_path / "all.yaml").write_text(BANK, encoding="utf-8")
    real = tmp_path / "kept" / "results.json"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o640)
    (tmp_path / "link.json").symlink_to(Path("kept") / "results.json")
    child = _spawn(
        ["play", "all.yaml", "--no-shuffle", "--tag", "choice", "--results", "link.json"], tmp_path
    )
    child.expect(r"\(arrow keys, then Enter\)")
    child.send("\r")
    child.expect("No question missed")
    child.expect("Results written to link.json.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    link = tmp_path / "link.json"
    assert link.is_symlink() and os.readlink(link) == str(Path("kept") / "results.json")
    assert json.loads(real.read_text(encoding="utf-8"))["score"] == 1
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in real.parent.iterdir()) == ["results.json"]  # no leftovers


def test_results_to_a_fifo_in_a_terminal(tmp_path: Path) -> None:
    (tmp_path / "all.yaml").write_text(BANK, encoding="utf-8")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    child = _spawn(
        ["play", "all.yaml", "--no-shuffle", "--tag", "choice", "--results", "pipe"], tmp_path
    )
    child.expect(r"\(arrow keys, then Enter\)")
    child.send("\r")
    child.expect("Results written to pipe.")
    child.expect(pexpect.EOF)
    child.close()
    out, _ = reader.communicate(timeout=10)
    assert child.exitstatus == 0
    assert json.loads(out)["score"] == 1
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # still a FIFO, not replaced by a file


def _disk_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:
        import resource

        # Python ignores SIGXFSZ: a write past the limit fails with EFBIG, as on a full disk.
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_full_disk_mid_session_in_a_terminal(tmp_path: Path) -> None:
    """The store stops growing after a few answers (a file size limit stands in for
    a full disk): the quiz says so once, goes on, sums up and writes the results."""
    count = 6
    bank = (
        BANK.split("questions:")[0]
        + "questions:\n"
        + "".join(
            f"  - {{id: t{i}, type: truefalse, prompt: Statement {i}, answer: true}}\n"
            for i in range(count)
        )
    )
    (tmp_path / "all.yaml").write_text(bank, encoding="utf-8")
    _run(("play", "all.yaml", "-n", "1"), b"t\n", tmp_path)  # the store exists
    transcript = io.StringIO()
    child = _spawn(
        ["play", "all.yaml", "--no-shuffle", "--results", "r.json"],
        tmp_path,
        preexec_fn=_disk_limit(DISK_LIMIT),
    )
    child.logfile_read = transcript
    for number in range(1, count + 1):
        child.expect(rf"Question {number} of {count}")
        child.expect(r"\(arrow keys, then Enter\)")
        child.send("\r")
        child.expect("Correct.")
    child.expect(rf"Score: {count} of {count} points")
    child.expect("Results written to r.json.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    shown = transcript.getvalue()
    assert "Traceback" not in shown
    assert shown.count("Progress is no longer being saved") == 1
    results = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert len(results["questions"]) == count
    with sqlite3.connect(tmp_path / "data" / "progress.sqlite3") as db:
        saved = db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
    db.close()
    assert 1 < saved < 1 + count  # some answers were saved, then the disk was full


def test_the_terminal_hanging_up_still_saves_and_writes_the_results(tmp_path: Path) -> None:
    """The window is closed mid-question: SIGHUP, and nowhere left to print the summary."""
    (tmp_path / "all.yaml").write_text(BANK, encoding="utf-8")
    child = _spawn(["play", "all.yaml", "--no-shuffle", "--results", "r.json"], tmp_path)
    child.expect(r"\(arrow keys, then Enter\)")
    child.send("\r")
    child.expect("Space to select")
    pid = child.pid
    os.close(child.child_fd)  # the kernel hangs the terminal up
    child.child_fd = -1
    deadline = time.monotonic() + 20
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert done, "newsquiz kept running after its terminal went away"
    assert os.waitstatus_to_exitcode(status) == 129
    results = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    # The question on screen when the session stopped was reached, not answered, not skipped.
    assert [q["id"] for q in results["questions"] if q["reached"]] == ["c", "m"]
    assert (results["questions"][1]["response"], results["questions"][1]["skipped"]) == (
        None,
        False,
    )
    with sqlite3.connect(tmp_path / "data" / "progress.sqlite3") as db:
        assert db.execute("SELECT finished_at IS NOT NULL FROM sessions").fetchall() == [(1,)]
    db.close()


@pytest.mark.parametrize(
    ("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129), (signal.SIGINT, 130)]
)
def test_stop_signals_at_a_typed_prompt(tmp_path: Path, signum: int, status: int) -> None:
    """The same in plain mode, where a line is being typed."""
    (tmp_path / "all.yaml").write_text(BANK, encoding="utf-8")
    child = _spawn(["play", "all.yaml", "--plain", "--no-shuffle", "--results", "r.json"], tmp_path)
    child.expect("Type the number of your answer")
    child.send("1\r")
    child.expect("Correct.")
    child.expect("Select all that apply")
    child.send("1 ")  # half typed
    time.sleep(0.2)
    child.kill(signum)
    child.expect("Session stopped.")
    child.expect("Results written to r.json.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == status
    assert "Traceback" not in (child.before or "")
    results = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    # The question on screen when the session stopped was reached, not answered, not skipped.
    assert [q["id"] for q in results["questions"] if q["reached"]] == ["c", "m"]
    assert (results["questions"][1]["response"], results["questions"][1]["skipped"]) == (
        None,
        False,
    )


def test_undecodable_bytes_typed_in_a_terminal_are_typed_again(tmp_path: Path) -> None:
    """The arrow-key interface reads the terminal itself: the same rule holds there."""
    (tmp_path / "all.yaml").write_text(BANK, encoding="utf-8")
    child = _spawn(["play", "all.yaml", "--tag", "short", "--results", "r.json"], tmp_path)
    child.expect("Your answer")
    child.send("Go")
    os.write(child.child_fd, b"\xff")
    child.send("ta\r")
    child.expect("not text")
    child.send("\x15Goita\r")  # Ctrl-U clears the line
    child.expect("Correct.")
    child.expect("Results written to r.json.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    results = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert [q["response"] for q in results["questions"]] == ["Goita"]


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB tmpfs as the data folder, where the system lets a test mount one."""
    folder = tmp_path / "data"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode:
        pytest.skip("mounting a tmpfs is not permitted here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(folder: Path) -> None:
    """Take every free byte of the disk the folder is on."""
    descriptor = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 1):
            while True:
                try:
                    os.write(descriptor, b"\0" * size)
                except OSError:
                    break
    finally:
        os.close(descriptor)


def test_a_really_full_disk_mid_session(tmp_path: Path, small_disk: Path) -> None:
    count = 6
    bank = BANK.split("questions:")[0] + "questions:\n"
    bank += "".join(
        f"  - {{id: t{i}, type: truefalse, prompt: Statement {i}, answer: true}}\n"
        for i in range(count)
    )
    (tmp_path / "all.yaml").write_text(bank, encoding="utf-8")
    transcript = io.StringIO()
    child = _spawn(["play", "all.yaml", "--plain", "--no-shuffle", "--results", "r.json"], tmp_path)
    child.logfile_read = transcript
    child.expect("Type t for true")
    child.send("t\r")
    child.expect("Correct.")
    _fill(small_disk)  # the disk fills up while the quiz goes on
    for _ in range(count - 1):
        child.expect("Type t for true")
        child.send("t\r")
        child.expect("Correct.")
    child.expect(rf"Score: {count} of {count} points")
    child.expect("Results written to r.json.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    shown = transcript.getvalue()
    assert "Traceback" not in shown
    assert shown.count("Progress is no longer being saved") == 1
    results = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert len(results["questions"]) == count


def test_a_store_locked_beyond_the_busy_timeout_by_another_program(tmp_path: Path) -> None:
    """Another program holds the store's write lock for longer than newsquiz waits (10 s):
    the quiz goes on, says so once, keeps the answers, and saves them once it can."""
    (tmp_path / "all.yaml").write_text(BANK, encoding="utf-8")
    _run(("play", "all.yaml", "--tag", "short"), b"Goita\n", tmp_path)  # the store exists
    store = tmp_path / "data" / "progress.sqlite3"
    holder = sqlite3.connect(store, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    environ = {**os.environ, "NO_COLOR": "1", "NEWSQUIZ_DATA_DIR": str(tmp_path / "data")}
    process = subprocess.Popen(
        [str(NEWSQUIZ), "play", "all.yaml", "--no-shuffle", "-n", "3", "--results", "r.json"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env=environ,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(b"1\n1 3\n")
    process.stdin.flush()
    shown = b""
    while b"Select all that apply" not in shown:  # the first answer waited, then went on
        shown += process.stdout.read1(65536)
    holder.execute("ROLLBACK")  # the other program lets go
    holder.close()
    out, err = process.communicate(b"3 2 1\n", timeout=60)
    text = (shown + out).decode()
    assert process.returncode == 0, err
    assert text.count("Progress is no longer being saved (database is locked)") == 1
    assert "Progress is being saved again." in text
    assert "Results written to r.json." in text
    with sqlite3.connect(store) as db:
        assert db.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 4
    db.close()
