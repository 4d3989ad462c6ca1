"""Time from starting `newsquiz play` to the first question on screen.

Usage: python benchmarks/bench_startup.py [--runs 15]

Compared, in the same run, with `python -c "import rich, questionary, yaml"`
(target: at most 1.3 times). Measured in a pseudo-terminal (arrow-key mode)
and through a pipe (plain mode). Needs pexpect (the test extra).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pexpect

NEWSQUIZ = Path(sys.executable).with_name("newsquiz")
# As a user's machine runs it: bytecode cached after the first run.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV.update(TERM="xterm-256color", NO_COLOR="1")


def baseline() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import rich, questionary, yaml"], check=True, env=ENV)
    return time.perf_counter() - start


def terminal(pattern: str) -> float:
    start = time.perf_counter()
    child = pexpect.spawn(
        str(NEWSQUIZ),
        ["play", "goita-kremlin-2025-fr", "--seed", "1"],
        env=ENV,
        encoding="utf-8",
        dimensions=(40, 100),
        timeout=30,
    )
    child.expect(pattern)
    elapsed = time.perf_counter() - start
    child.terminate(force=True)
    return elapsed


def plain() -> float:
    start = time.perf_counter()
    process = subprocess.Popen(
        [str(NEWSQUIZ), "play", "goita-kremlin-2025-fr", "--seed", "1"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=ENV,
        text=True,
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("Question 1"):
            break
    elapsed = time.perf_counter() - start
    process.kill()
    process.wait()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    results: dict[str, list[float]] = {"base": [], "tty": [], "tty_ready": [], "plain": []}
    baseline(), terminal("Question 1"), plain()  # warm-up: write the bytecode caches
    for _ in range(args.runs):  # interleaved, so that load on the machine hits all alike
        results["base"].append(baseline())
        results["tty"].append(terminal("Question 1"))
        results["tty_ready"].append(
            terminal(r"flèches, puis Entrée|arrow keys, then Enter|Votre réponse|Your answer")
        )
        results["plain"].append(plain())
    base = statistics.median(results["base"])
    print(f"median of {args.runs} runs")
    print(f"  python -c 'import rich, questionary, yaml': {base * 1000:.0f} ms")
    for key, label in (
        ("tty", "first question on screen, terminal"),
        ("tty_ready", "answer prompt ready, terminal"),
        ("plain", "first question on screen, plain (pipe)"),
    ):
        value = statistics.median(results[key])
        print(f"  {label}: {value * 1000:.0f} ms, ratio {value / base:.2f}")
    print("  targets: first question on screen <= 1.3 x the baseline;")
    print("  plain mode <= 0.6 x, the terminal no slower than before (issue 15)")


if __name__ == "__main__":
    main()
