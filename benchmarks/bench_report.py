"""How fast `newsquiz report` sums up a large class, against Python's own start-up in the same run.

Usage: python benchmarks/bench_report.py [--files 1000] [--questions 40] [--repeat 5]

Writes --files results files of a --questions-question bank (every question type,
played through the real session and results writer with random answers), then
times, as a user runs them (the installed `newsquiz` command, bytecode cached):
- `newsquiz report FOLDER` (the terminal report, written to a pipe)
- `newsquiz report FOLDER --json`
- `newsquiz report FOLDER --html page.html --csv table.csv`
and prints each time, and its ratio to `python -c pass` and to `newsquiz --version`.
Target: the terminal report of 1,000 files of a 40-question bank under 2 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The bank generator lives with the tests, which use it too.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from bank_generator import generate_bank
from newsquiz.loader import read_bank
from newsquiz.model import Bank, ChoiceQuestion, MatchQuestion, MultiQuestion, OrderQuestion
from newsquiz.results import results_document, write_new_results
from newsquiz.session import Options, Session, start_session

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
TYPED = ("Goïta", "Goita", "Keita", "Moussa", "2012", "2013", "23/06/2025", "juin 2025", "")


def random_response(session: Session, rng: random.Random) -> tuple[object, str | None]:
    item = session.current()
    assert item is not None
    question = item.question
    if rng.random() < 0.05:
        return None, None
    match question:
        case ChoiceQuestion():
            pick = rng.choice(question.choices)
            return pick, pick
        case MultiQuestion():
            picks = tuple(c for c in question.choices if rng.random() < 0.5)
            return picks, "; ".join(picks)
        case OrderQuestion():
            order = list(question.items)
            rng.shuffle(order)
            return tuple(order), " → ".join(order)
        case MatchQuestion():
            rights = [right for _, right in question.pairs]
            chosen = {left: rng.choice(rights) for left, _ in question.pairs}
            return chosen, "; ".join(chosen.values())
        case _ if question.type.value == "truefalse":
            value = rng.random() < 0.7
            return value, str(value)
        case _ if question.type.value == "cloze":
            blanks = (rng.choice(TYPED), rng.choice(TYPED))
            return blanks, " | ".join(blanks)
        case _:
            typed = rng.choice(TYPED) or "x"
            return typed, typed


def write_class(folder: Path, bank: Bank, files: int) -> None:
    rng = random.Random(1)
    start = dt.datetime(2026, 3, 2, 9, tzinfo=dt.timezone.utc)
    for n in range(files):
        began = start + dt.timedelta(minutes=n)
        session = start_session(bank, Options(), rng, began)
        skill = rng.random()
        while session.current() is not None:
            response, text = random_response(session, rng)
            if rng.random() > skill and text is not None:
                response, text = None, None
            now = began + dt.timedelta(seconds=20 * (session.position + 1))
            session.record(response, text, hint_used=False, seconds=20.0, now=now)  # type: ignore[arg-type]
        document = results_document(session, student=f"student {n}", now=session.finished_at)
        write_new_results(folder, document, student=f"student {n}", now=began)


def process_time(command: list[str], repeat: int) -> float:
    subprocess.run(command, check=True, capture_output=True, env=ENV)  # warm-up
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=ENV)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--questions", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    newsquiz = Path(sys.executable).with_name("newsquiz")
    if not newsquiz.exists():
        sys.exit(f"the newsquiz command is not installed next to {sys.executable}")

    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        bank_path = folder / "bank.yaml"
        bank_path.write_text(generate_bank(args.questions), encoding="utf-8")
        bank = read_bank(bank_path).bank
        assert bank is not None
        results = folder / "class"
        results.mkdir()
        write_class(results, bank, args.files)
        size = sum(p.stat().st_size for p in results.iterdir())
        print(f"class: {args.files} results files of a {args.questions}-question bank, "
              f"{size / 1e6:.1f} MB")  # fmt: skip

        python = process_time([sys.executable, "-c", "pass"], args.repeat * 4)
        version = process_time([str(newsquiz), "--version"], args.repeat * 4)
        print(f"  python -c pass:        {python * 1000:7.1f} ms (median of {args.repeat * 4})")
        print(f"  newsquiz --version:    {version * 1000:7.1f} ms")
        runs = {
            "report (terminal)": [str(newsquiz), "report", str(results)],
            "report --json": [str(newsquiz), "report", str(results), "--json"],
            "report --html --csv": [
                str(newsquiz), "report", str(results),
                "--html", str(folder / "page.html"), "--csv", str(folder / "table.csv"),
            ],
        }  # fmt: skip
        for name, command in runs.items():
            took = process_time(command, args.repeat)
            print(
                f"  {name + ':':22} {took * 1000:7.1f} ms (median of {args.repeat}); "
                f"x{took / python:.1f} python -c pass, x{took / version:.1f} newsquiz --version"
                + ("  [target < 2 s]" if name == "report (terminal)" else "")
            )


if __name__ == "__main__":
    main()
