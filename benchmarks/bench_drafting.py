"""The drafter and the evidence check grow linearly with the article.

Usage: python benchmarks/bench_drafting.py [--repeat 3]

Prints, for an article 10 and 40 times as long as the test article, the time
per kilobyte against the time per kilobyte of the article itself (the baseline
of the same run) [target: <= 3 for both, i.e. no quadratic growth]:
- scanning the article (sentences, people, quotes, dates, lists, numbers)
- finding the closest passage of a quote that is not in the article
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newsquiz.drafting.assemble import find_drafts
from newsquiz.grounding import closest_passage

ARTICLE = Path(__file__).resolve().parents[1] / "tests" / "data" / "articles" / "apollo-11.fr.txt"
QUOTE = "le commandant de la mission a posé le pied sur la Lune"


def best_of(repeat: int, action: object) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def per_kilobyte(text: str, repeat: int) -> tuple[float, float]:
    size = len(text.encode()) / 1024
    drafting = best_of(repeat, lambda: find_drafts(text, "fr")) / size
    passage = best_of(repeat, lambda: closest_passage(QUOTE, text)) / size
    return drafting, passage


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    article = ARTICLE.read_text(encoding="utf-8")
    base_drafting, base_passage = per_kilobyte(article, args.repeat)
    for times in (10, 40):
        drafting, passage = per_kilobyte(article * times, args.repeat)
        print(
            f"article x{times}: drafting {drafting / base_drafting:.2f}, closest passage {passage / base_passage:.2f} [<= 3]"
        )


if __name__ == "__main__":
    main()
