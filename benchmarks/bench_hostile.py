"""Hostile banks of 16 MiB through every command that reads banks, against a baseline.

Usage: python benchmarks/bench_hostile.py [--mib 16] [--only KIND]

For each kind of hostile bank (the worst cases found for each scanner), runs
the installed `newsquiz` as a user would: `check FILE`, `list`, `play FILE`,
`play ID`, `stats` and `review` with the bank in ./quizzes. Prints the seconds
of each and the ratio to the baseline of the same run: `newsquiz check` on a
valid generated bank of the same size [target: ratio <= 1.5]. Every command
must also come back (a timeout of 120 s counts as a failure).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# The bank generator lives with the tests, which use it too.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from bank_generator import generate_bank

NEWSQUIZ = str(Path(sys.executable).with_name("newsquiz"))
HEAD = "newsquiz: 1\nid: hostile\ntitle: Hostile\nlanguage: en\n"
Q = "  - id: q{i}\n    prompt: p\n    explanation: e\n"


def _fill(head: str, unit: Callable[[int], str], size: int) -> str:
    parts, total, i = [head], len(head), 0
    while True:
        piece = unit(i)
        if total + len(piece.encode()) > size:
            break
        parts.append(piece)
        total += len(piece.encode())
        i += 1
    return "".join(parts)


def flow_list(size: int) -> str:
    head = HEAD + "questions:\n" + Q.format(i=0) + "    type: order\n    items: ["
    return _fill(head, lambda i: "a,", size - 10) + "a]\n"


def cloze_braces(size: int) -> str:
    head = HEAD + "questions:\n" + Q.format(i=0) + '    type: cloze\n    text: "'
    return _fill(head, lambda i: "{{" * 512, size - 10) + '"\n'


def feedback_keys(size: int) -> str:
    choices = "[" + ", ".join(f"choice number {j}" for j in range(26)) + "]"
    keys = "".join(f"      choice numbr {j}x: x\n" for j in range(40))
    unit = (
        Q + f"    type: choice\n    choices: {choices}\n    answer: choice number 0\n"
        "    feedback:\n" + keys
    )
    return _fill(HEAD + "questions:\n", lambda i: unit.format(i=i), size)


def folded_choices(size: int) -> str:
    stem = "Vladimir Poutine et Sergueï Lavrov"
    choices = ", ".join(f"'{stem} {j}'" for j in range(25)) + f", '{stem.upper()} 0.'"
    unit = Q + f"    type: multi\n    answer: ['{stem} 0']\n    choices: [{choices}]\n"
    return _fill(HEAD + "questions:\n", lambda i: unit.format(i=i), size)


def tags_everywhere(size: int) -> str:
    tags = "tags: [" + ", ".join(f"tag-{j}" for j in range(50)) + "]\nquestions:\n"
    unit = (
        "  - {{id: q{i}, type: truefalse, prompt: p, answer: true, explanation: e, tags: [t{i}]}}\n"
    )
    return _fill(HEAD + tags, lambda i: unit.format(i=i), size)


def duplicate_keys(size: int) -> str:
    return _fill(HEAD, lambda i: f"title{i % 7}: x\n", size)


def many_pairs(size: int) -> str:
    pairs = ", ".join(f"Ministre numéro {j}: Homme politique {j}" for j in range(26))
    unit = Q + "    type: match\n    pairs: {" + pairs + "}\n"
    return _fill(HEAD + "questions:\n", lambda i: unit.replace("{i}", str(i)), size)


KINDS: dict[str, Callable[[int], str]] = {
    "flow list": flow_list,
    "cloze braces": cloze_braces,
    "feedback keys": feedback_keys,
    "folded choices": folded_choices,
    "tags everywhere": tags_everywhere,
    "duplicate keys": duplicate_keys,
    "many pairs": many_pairs,
}

COMMANDS: list[tuple[str, ...]] = [
    ("check", "quizzes/b.yaml"),
    ("list",),
    ("play", "quizzes/b.yaml", "--plain"),
    ("play", "hostile", "--plain"),
    ("stats", "--plain"),
    ("review", "--plain"),
]


def timed(args: tuple[str, ...], cwd: Path, data: Path) -> float:
    env = {**os.environ, "NEWSQUIZ_DATA_DIR": str(data), "NEWSQUIZ_PATH": ""}
    start = time.perf_counter()
    try:
        subprocess.run(
            [NEWSQUIZ, *args], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
            capture_output=True, timeout=120, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return float("inf")
    return time.perf_counter() - start


def valid_bank(size: int) -> str:
    count = 100
    while len(generate_bank(count * 2).encode()) < size:
        count *= 2
    text = generate_bank(count)
    while len(text.encode()) < size * 0.97:
        count = int(count * 1.02)
        text = generate_bank(count)
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=float, default=16)
    parser.add_argument("--only", choices=sorted(KINDS))
    args = parser.parse_args()
    size = int(args.mib * 1024 * 1024) - 1024
    with tempfile.TemporaryDirectory() as folder:
        cwd = Path(folder)
        (cwd / "quizzes").mkdir()
        data = cwd / "data"
        bank = cwd / "quizzes" / "b.yaml"
        bank.write_text(valid_bank(size), encoding="utf-8")
        baseline = timed(("check", "quizzes/b.yaml"), cwd, data)
        print(
            f"baseline: check of a valid {bank.stat().st_size / 2**20:.1f} MiB bank: {baseline:.2f} s"
        )
        kinds = [args.only] if args.only else list(KINDS)
        for kind in kinds:
            bank.write_text(KINDS[kind](size), encoding="utf-8")
            print(f"{kind} ({bank.stat().st_size / 2**20:.1f} MiB):")
            for command in COMMANDS:
                seconds = timed(command, cwd, data)
                print(f"  {' '.join(command):32} {seconds:6.2f} s  ratio {seconds / baseline:.2f}")


if __name__ == "__main__":
    main()
