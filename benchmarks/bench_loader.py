"""How fast banks load, against PyYAML's own C loader in the same run.

Usage: python benchmarks/bench_loader.py [--questions 10000] [--repeat 5]

Prints two ratios (targets in brackets):
- loading and validating a generated bank / yaml.load(CSafeLoader) of the same
  text [<= 1.5]
- `newsquiz --version` (the installed command) / `python -c pass` [<= 1.5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

# The bank generator lives with the tests, which use it too.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from bank_generator import generate_bank
from newsquiz.loader import read_bank


def best_of(repeat: int, action: object) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


# As a user's machine runs it: bytecode cached after the first run (pip compiles
# it at install time; an editable install writes it on first import).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def process_time(command: list[str], repeat: int) -> float:
    subprocess.run(command, check=True, capture_output=True, env=ENV)  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=ENV)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.yaml"
        path.write_text(generate_bank(args.questions), encoding="utf-8")
        size = path.stat().st_size

        def baseline() -> None:
            with open(path, encoding="utf-8") as handle:
                yaml.load(handle, Loader=yaml.CSafeLoader)

        def ours() -> None:
            report = read_bank(path)
            assert report.bank is not None and len(report.bank.questions) == args.questions

        base = best_of(args.repeat, baseline)
        mine = best_of(args.repeat, ours)
    print(f"bank: {args.questions} questions, {size / 1e6:.1f} MB")
    print(f"  yaml.load(CSafeLoader): {base:.3f} s (best of {args.repeat})")
    print(f"  newsquiz read_bank:     {mine:.3f} s")
    print(f"  ratio: {mine / base:.2f}  [target <= 1.5]")

    runs = max(args.repeat * 4, 20)
    python = process_time([sys.executable, "-c", "pass"], runs)
    version = process_time([sys.executable, "-m", "newsquiz", "--version"], runs)
    script = Path(sys.executable).with_name("newsquiz")
    print(f"startup (median of {runs}):")
    print(f"  python -c pass:              {python * 1000:.1f} ms")
    print(f"  python -m newsquiz --version: {version * 1000:.1f} ms")
    print(f"  ratio (python -m, which also loads runpy): {version / python:.2f}")
    if script.exists():
        console = process_time([str(script), "--version"], runs)
        print(f"  newsquiz --version:          {console * 1000:.1f} ms")
        print(f"  ratio (the newsquiz command): {console / python:.2f}  [target <= 1.5]")


if __name__ == "__main__":
    main()
