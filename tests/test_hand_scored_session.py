"""A whole session of the French sample bank, played through `--plain` from a file.

The issue asks that the sample bank can be played from start to end through
`--plain` with a file of answers, and that its score equals the score computed
by hand. The answers are in `tests/data/goita-fr-plain-answers.txt`, one input
line per line, so anyone can replay them:

    newsquiz play goita-kremlin-2025-fr --plain --no-shuffle < tests/data/goita-fr-plain-answers.txt

A line of input cannot carry a comment, so the hand computation lives here, in
`HAND_SCORED`: for every question, in the file's order, the lines typed, the
points they are worth and why. The points were worked out by hand from the
grading rules and from the order in which `--no-shuffle` shows choices, order
items (alphabetical) and match targets (alphabetical), never copied from the
program's output.

The rules applied: choice and truefalse are all or nothing; multi earns
(right picks - wrong picks) / number of right choices, floored at 0; short
answers are compared after folding case, accents, punctuation and a leading
article, and forgive one typo (Damerau-Levenshtein) in 5-8 letters, two beyond,
none below 5 or with digits; a date is judged at the answer's precision, the
right year with a wrong month or day earning half; order earns the share of item
pairs in the right relative order; match the share of pairs right; cloze the
share of blanks right; `?` (the hint) halves the points; every question's points
are rounded to 2 decimals.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
ANSWERS = REPO / "tests" / "data" / "goita-fr-plain-answers.txt"
BANK_ID = "goita-kremlin-2025-fr"

# (question id, lines typed, points expected, why), in the bank's order.
HAND_SCORED: list[tuple[str, list[str], float, str]] = [
    ("cadre-visite", ["3"], 1.0, "choice: 3 is « Une visite officielle », the answer"),
    ("jour-entretien", ["1"], 0.0, "choice: 1 is « Dimanche », the answer is 2 « Lundi »"),
    (
        "date-arrivee",
        ["?", "22 juin 2025"],
        0.5,
        "date: the hint, then the right day written in words: 1 halved",
    ),
    (
        "date-fin-sejour",
        ["25/06/2025"],
        0.5,
        "date: 25 June for 26 June 2025, right year, wrong day: half",
    ),
    ("duree-sejour", ["5"], 1.0, "number: 5 days, exact"),
    (
        "consolidation",
        ["bilatérale", "tactiques"],
        1.0,
        "cloze: blank 1 right, blank 2 (« stratégiques ») wrong: 1/2 of 2 points",
    ),
    (
        "secteurs",
        ["2 3 5 7 9 10 1"],
        1.67,
        "multi: the 6 right sectors plus 1 « la santé »: (6 - 1)/6 of 2 = 1.666… -> 1.67",
    ),
    (
        "presents",
        ["2 3"],
        1.33,
        "multi: 2 of the 3 right ones (2, 3, 5), no wrong pick: 2/3 of 2 = 1.333… -> 1.33",
    ),
    ("grade-goita", ["Général"], 1.0, "choice typed as its text instead of its number 4"),
    (
        "qui-est-qui",
        ["1 5 3 4"],
        1.0,
        "match: right side is 1 chef de la junte, 2 Énergie, 3 Affaires étrangères, "
        "4 Premier ministre malien, 5 président russe, 6 vice-ministre Défense; "
        "the answer is 1 5 2 6, so Goïta and Poutine right, the other two wrong: 2/4 of 2",
    ),
    (
        "qui-a-dit",
        ["?", "1 4"],
        1.0,
        "match: right side is 1 Goïta, 2 Ievkourov, 3 Tsiviliov, 4 Poutine; the hint, "
        "then both pairs right: 2 halved",
    ),
    ("moment-declaration", [""], 0.0, "choice: skipped with an empty line"),
    (
        "poutine-satisfait",
        ["content", "perspectives"],
        2.0,
        "cloze: « content » is the other accepted word of blank 1, blank 2 right: 2/2 of 2",
    ),
    ("nature-attaques", ["1"], 0.0, "choice: 1 « Séparatistes », the answer is 4 « Jihadistes »"),
    ("cibles-attaques", ["1 5"], 2.0, "multi: exactly the 2 right targets"),
    ("insecurite-depuis", ["2012"], 1.0, "date at year precision: the right year"),
    ("annees-insecurite", ["12"], 0.0, "number: 12 for 13, no tolerance"),
    ("wagner-nature", ["2"], 1.0, "choice: 2 « Un groupe paramilitaire russe »"),
    ("wagner-depuis", ["2020"], 0.0, "date at year precision: the wrong year"),
    ("annees-wagner", ["4"], 1.0, "number: 4 years, exact"),
    ("insecurite-avant-wagner", ["vrai"], 0.0, "truefalse: the answer is false"),
    ("wagner-annonce", ["3"], 1.0, "choice: 3 « Quelques jours »"),
    (
        "remplacant-wagner",
        ["le corps africain"],
        1.0,
        "short: the accepted « Corps africain », lower case, after a leading article",
    ),
    ("tutelle", ["2"], 0.0, "choice: 2 Affaires étrangères, the answer is 1 Défense"),
    ("reorganisation", ["v"], 1.0, "truefalse: v for vrai, the answer"),
    (
        "coups-annees",
        ["2020", "2022"],
        1.0,
        "cloze: 2020 right, 2022 for 2021 wrong (digits: no typo forgiven): 1/2 of 2",
    ),
    (
        "rupture-france",
        ["Frence"],
        1.0,
        "short: one substituted letter in « France » (6 letters, budget 1)",
    ),
    ("partenaire-central", ["oui"], 1.0, "truefalse: oui for vrai, the answer"),
    (
        "auteur",
        ["medard clobechi"],
        1.0,
        "short: « Médard Clobechi » typed in lower case, without the accent",
    ),
    (
        "ordre-histoire",
        ["3 2 1 4"],
        1.67,
        "order: shown 1 Arrivée de Wagner, 2 Début de l'insécurité, 3 Premier coup d'État, "
        "4 Réception; right is 2 3 1 4; typed with the first two swapped, only 1 of the "
        "6 pairs is inverted: 5/6 of 2 = 1.666… -> 1.67",
    ),
    (
        "ordre-sejour",
        ["1 2 4 3"],
        2.0,
        "order: shown 1 Annonce, 2 Arrivée, 3 Dernier jour, 4 Entretien; right is 1 2 4 3",
    ),
]

# 21 questions worth 1 point and 10 worth 2 (consolidation, secteurs, presents,
# qui-est-qui, qui-a-dit, poutine-satisfait, cibles-attaques, coups-annees,
# ordre-histoire, ordre-sejour).
TWO_POINTS = {
    "consolidation",
    "secteurs",
    "presents",
    "qui-est-qui",
    "qui-a-dit",
    "poutine-satisfait",
    "cibles-attaques",
    "coups-annees",
    "ordre-histoire",
    "ordre-sejour",
}
HAND_MAX = 41.0
# Sum of the expected points, added up by hand:
# 1 + 0 + 0.5 + 0.5 + 1 + 1 + 1.67 + 1.33 + 1 + 1 + 1 + 0 + 2 + 0 + 2 + 1 + 0 + 1 + 0
# + 1 + 0 + 1 + 1 + 0 + 1 + 1 + 1 + 1 + 1 + 1.67 + 2 = 27.67
HAND_TOTAL = 27.67
HAND_SCORE_LINE = "Score : 27,67 points sur 41"


def test_the_table_covers_the_bank_and_adds_up() -> None:
    ids = [row[0] for row in HAND_SCORED]
    assert len(ids) == 31
    assert len(set(ids)) == 31
    assert set(ids) >= TWO_POINTS
    assert len(ids) - len(TWO_POINTS) + 2 * len(TWO_POINTS) == HAND_MAX
    assert sum(row[2] for row in HAND_SCORED) == pytest.approx(HAND_TOTAL, abs=1e-9)


def test_the_answers_file_is_the_tables_input_lines() -> None:
    expected = "".join(line + "\n" for _, lines, _, _ in HAND_SCORED for line in lines)
    assert ANSWERS.read_text(encoding="utf-8") == expected


def test_a_whole_plain_session_scores_what_the_hand_computed(tmp_path: Path) -> None:
    newsquiz = Path(sys.executable).with_name("newsquiz")
    assert newsquiz.is_file(), f"the installed command is missing: {newsquiz}"
    results = tmp_path / "r.json"
    env = {key: value for key, value in os.environ.items() if key != "NEWSQUIZ_PATH"}
    env["NO_COLOR"] = "1"
    with ANSWERS.open(encoding="utf-8") as answers:
        completed = subprocess.run(
            [
                str(newsquiz),
                "play",
                BANK_ID,
                "--plain",
                "--no-shuffle",
                "--results",
                str(results),
            ],
            stdin=answers,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=tmp_path,
            timeout=60,
            check=False,
        )
    assert completed.returncode == 0, completed.stderr

    report = json.loads(results.read_text(encoding="utf-8"))
    questions = report["questions"]
    assert [q["id"] for q in questions] == [row[0] for row in HAND_SCORED]
    for question, (qid, lines, points, why) in zip(questions, HAND_SCORED, strict=True):
        assert question["points"] == pytest.approx(points, abs=1e-9), (
            f"{qid}: typed {lines!r}, expected {points} by hand ({why}), got {question['points']}"
        )
        assert question["max_points"] == (2.0 if qid in TWO_POINTS else 1.0), qid
        assert question["hint_used"] is ("?" in lines), qid
    assert report["score"] == pytest.approx(HAND_TOTAL, abs=1e-9)
    assert report["max_score"] == HAND_MAX

    summary = [line.strip() for line in completed.stdout.splitlines()]
    assert any(line.startswith(HAND_SCORE_LINE) for line in summary), completed.stdout[-2000:]
