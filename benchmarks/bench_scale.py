"""A 50,000-question bank against a 13-question one, with the bank cache: time and memory.

Usage: python benchmarks/bench_scale.py [--questions 50000] [--repeat 5]

Runs the installed `newsquiz` command, each time in a process of its own with
an empty cache folder of the benchmark's own (NEWSQUIZ_CACHE_DIR), and prints,
in the same run, with the goals in brackets:

- `play BANK -n 1 --plain --no-save`: the first run (it compiles the bank into
  the cache) and the second (median of --repeat runs), big bank / small bank
  [second run: <= 2]
- `list` over a folder holding the big bank / over a folder of small banks
  (the banks installed with newsquiz are listed too): the first run, which
  compiles each bank, then later runs [<= 2]
- the peak memory of each run (ru_maxrss from resource.getrusage(RUSAGE_CHILDREN),
  taken in a small go-between process), and what the big bank adds over the
  small one against the text its questions hold [<= about 2 x the text]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

# The bank generator lives with the tests, which use it too.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from bank_generator import generate_bank

NEWSQUIZ = Path(sys.executable).with_name("newsquiz")
SMALL = 13
SMALL_BANKS = 5


# Each run goes through this small go-between: a child's peak memory counts the
# pages of the process that forked it, so forking straight from this benchmark
# (which holds the generated bank) would add the benchmark's own size to every run.
MEASURE = """
import os, resource, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    quiet = os.open(os.devnull, os.O_RDWR)
    os.dup2(quiet, 0)
    os.dup2(quiet, 1)
    os.execv(sys.argv[1], sys.argv[1:])
_, status = os.waitpid(pid, 0)
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(elapsed, peak, os.waitstatus_to_exitcode(status))
"""


def measure(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time (s) and peak resident memory (bytes) of one run of the command."""
    result = subprocess.run(
        [sys.executable, "-S", "-c", MEASURE, *command],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    elapsed, peak, status = result.stdout.split()
    if status != "0":
        raise SystemExit(f"{' '.join(command)} failed ({status}): {result.stderr}")
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS.
    factor = 1 if sys.platform == "darwin" else 1024
    return float(elapsed), int(peak) * factor


def interleaved(
    commands: list[tuple[list[str], dict[str, str]]], repeat: int
) -> list[tuple[float, int]]:
    """Median time and peak memory of each command, run in turn so that load hits all alike."""
    runs: list[list[tuple[float, int]]] = [[] for _ in commands]
    for _ in range(repeat):
        for number, (command, env) in enumerate(commands):
            runs[number].append(measure(command, env))
    return [(statistics.median(t for t, _ in r), max(m for _, m in r)) for r in runs]


def question_text_bytes(path: Path, cache: Path) -> int:
    """The UTF-8 size of every text the bank's questions hold (ids, prompts, answers...)."""
    from newsquiz.bank_cache import BankCache

    bank = BankCache(cache).read(path).bank
    assert bank is not None
    total = 0
    pending: list[object] = list(bank.questions)
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            total += len(value.encode("utf-8"))
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            pending.extend(getattr(value, f.name) for f in dataclasses.fields(value))
        elif isinstance(value, (tuple, list)):
            pending.extend(value)
        elif isinstance(value, dict):
            pending.extend(value.keys())
            pending.extend(value.values())
    return total


def line(label: str, seconds: float, memory: int) -> str:
    return f"  {label:<44} {seconds * 1000:7.0f} ms  {memory / 2**20:6.1f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "big").mkdir()
        (root / "small").mkdir()
        big = root / "big" / "big.yaml"
        big.write_text(generate_bank(args.questions), encoding="utf-8")
        small = root / "small" / "small-0.yaml"
        for number in range(SMALL_BANKS):
            text = generate_bank(SMALL).replace("id: generated", f"id: generated-{number}")
            (root / "small" / f"small-{number}.yaml").write_text(text, encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(
            NO_COLOR="1", NEWSQUIZ_CACHE_DIR=str(root / "cache"), NEWSQUIZ_DATA_DIR=str(root)
        )

        def play(path: Path) -> list[str]:
            return [str(NEWSQUIZ), "play", str(path), "-n", "1", "--plain", "--no-save"]

        measure([str(NEWSQUIZ), "--version"], env)  # warm-up: bytecode written
        first_big = measure(play(big), env)
        first_small = measure(play(small), env)
        second_big, second_small = interleaved([(play(big), env), (play(small), env)], args.repeat)

        listing = [str(NEWSQUIZ), "list"]
        # A cache of its own: the first `list` compiles every bank it shows.
        listed = dict(env, NEWSQUIZ_CACHE_DIR=str(root / "list-cache"))
        env_big = dict(listed, NEWSQUIZ_PATH=str(root / "big"))
        env_small = dict(listed, NEWSQUIZ_PATH=str(root / "small"))
        list_big_first = measure(listing, env_big)
        list_small_first = measure(listing, env_small)
        list_big, list_small = interleaved([(listing, env_big), (listing, env_small)], args.repeat)
        text = question_text_bytes(big, root / "cache")
        size = big.stat().st_size

    print(
        f"big bank: {args.questions} questions, {size / 1e6:.1f} MB of YAML, "
        f"{text / 1e6:.1f} MB of question text; small bank: {SMALL} questions"
    )
    print(f"play -n 1 --plain --no-save (second runs: median of {args.repeat})")
    print(line("big, first run (compiles into the cache)", *first_big))
    print(line("small, first run", *first_small))
    print(line("big, second run", *second_big))
    print(line("small, second run", *second_small))
    print(f"  ratio second runs big / small: {second_big[0] / second_small[0]:.2f}  [<= 2]")
    added = second_big[1] - second_small[1]
    print(
        f"  memory the big bank adds: {added / 2**20:.1f} MB = "
        f"{added / text:.2f} x its question text  [<= about 2]"
    )
    print(f"list (installed banks too; the later runs: median of {args.repeat})")
    print(line("folder with the big bank, first run", *list_big_first))
    print(line(f"folder of {SMALL_BANKS} small banks, first run", *list_small_first))
    print(line("folder with the big bank", *list_big))
    print(line(f"folder of {SMALL_BANKS} small banks", *list_small))
    print(f"  ratio big / small: {list_big[0] / list_small[0]:.2f}  [<= 2]")


if __name__ == "__main__":
    main()
