"""`newsquiz check` on banks whose every question draws a warning: time stays linear
and the text output stays bounded.

Usage: python benchmarks/bench_check_warnings.py [--questions 10000] [--repeat 3]

Checks, in this process and in the same run, a bank of --questions warned
questions and one of a tenth as many (each question's answer is in its own
prompt), as text and as JSON, and prints with the goals in brackets:

- the time per question, big bank / small bank (median of --repeat runs) [<= 2]
- the lines of text output of each, against the questions [about 200, either way]
- the problems the JSON lists [every one]
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import tempfile
import time
from pathlib import Path

from newsquiz.cli import main
from newsquiz.context import Environment


def warned_bank(folder: Path, count: int) -> Path:
    lines = [f"newsquiz: 1\nid: b{count}\ntitle: B\nlanguage: en\nquestions:"]
    lines += [
        f"  - {{id: q{n}, type: short, prompt: 'Who is Someone{n}?', answer: Someone{n},"
        " explanation: e}"
        for n in range(count)
    ]
    path = folder / f"b{count}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def check(path: Path, *extra: str) -> tuple[float, str]:
    out = io.StringIO()
    env = Environment(
        stdin=io.StringIO(), stdout=out, stderr=io.StringIO(), environ={"LANG": "C.UTF-8"}
    )
    start = time.perf_counter()
    main(["check", str(path), *extra], env)
    return time.perf_counter() - start, out.getvalue()


def main_() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        sizes = (args.questions // 10, args.questions)
        banks = [warned_bank(Path(folder), size) for size in sizes]
        per_question = []
        for size, bank in zip(sizes, banks, strict=True):
            seconds = statistics.median(check(bank)[0] for _ in range(args.repeat))
            lines = len(check(bank)[1].splitlines())
            listed = len(json.loads(check(bank, "--format", "json")[1])["banks"][0]["problems"])
            per_question.append(seconds / size)
            print(f"{size:>7} questions: {seconds:.2f} s, {lines} lines of text, {listed} in JSON")
        print(f"  ratio per question big / small: {per_question[1] / per_question[0]:.2f}  [<= 2]")


if __name__ == "__main__":
    main_()
