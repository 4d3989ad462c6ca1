"""How fast import and export are, against loading the same bank, in the same run.

Usage: python benchmarks/bench_interchange.py [--questions 10000] [--repeat 3]

Generates a --questions bank (every question type), then times:
- loading it (the baseline: `newsquiz check` and `play` do this),
- exporting it to each format,
- importing its GIFT export back,
- importing GIFT files built to make a careless scanner quadratic (one block of
  a million characters: a long run of no-break spaces in HTML, `[id:` repeated on
  a comment line, an unclosed brace, 55,000 questions with the same title), against an ordinary file of the same size.
Each time is printed with its ratio to the baseline. Target: every export and the
import within 5x the load; each hostile file within 3x the ordinary one.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# The bank generator lives with the tests, which use it too.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from bank_generator import generate_bank
from newsquiz.interchange.exporting import EXPORT_FORMATS, export_bank
from newsquiz.interchange.importing import import_text
from newsquiz.interface.messages import Messages
from newsquiz.loader import load_bank

NOW = dt.datetime(2026, 1, 5, tzinfo=dt.timezone.utc)
SIZE = 1_000_000


def best(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def hostile_files() -> dict[str, str]:
    ordinary = "\n\n".join(
        f"::q{n}:: Is {n} even? {{{'T' if n % 2 == 0 else 'F'}}}" for n in range(40_000)
    )
    return {
        "ordinary": ordinary[:SIZE] + "\n",
        "nbsp run": "[html]<p>" + "\u00a0" * SIZE + "</p>{T}\n",
        "[id: repeated": "// " + "[id:" * (SIZE // 4) + "\nIs it? {T}\n",
        "unclosed brace": "Is it? {" + "=a " * (SIZE // 3) + "\n",
        "same title": "\n\n".join(["::Q:: Is it? {T}"] * (SIZE // 18)) + "\n",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    words = Messages("fr")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bank.yaml"
        path.write_text(generate_bank(args.questions), encoding="utf-8")
        bank = load_bank(path)
        baseline = best(lambda: load_bank(path), args.repeat)
        print(f"load {len(bank.questions)} questions (baseline): {baseline:.3f} s")
        for fmt in EXPORT_FORMATS:
            spent = best(lambda fmt=fmt: export_bank(bank, fmt, words, now=NOW), args.repeat)
            print(f"export --to {fmt:<10}: {spent:.3f} s  ({spent / baseline:.2f}x load)")
        gift = export_bank(bank, "gift", words, now=NOW).data.decode()
        spent = best(lambda: import_text(gift, name="bench", fmt="gift"), args.repeat)
        print(f"import its GIFT       : {spent:.3f} s  ({spent / baseline:.2f}x load)")
    files = hostile_files()
    ordinary = best(lambda: import_text(files["ordinary"], name="o", fmt="gift"), args.repeat)
    print(f"import an ordinary {len(files['ordinary']):,}-character GIFT file: {ordinary:.3f} s")
    for name, text in files.items():
        if name == "ordinary":
            continue
        spent = best(lambda text=text: _attempt(text), args.repeat)
        print(f"import hostile ({name}): {spent:.3f} s  ({spent / ordinary:.2f}x ordinary)")


def _attempt(text: str) -> None:
    from newsquiz.interchange.notices import InterchangeError

    with contextlib.suppress(InterchangeError):
        import_text(text, name="h", fmt="gift")


if __name__ == "__main__":
    main()
