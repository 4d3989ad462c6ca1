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

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsquiz.cli import main
from newsquiz.context import Environment

REPO = Path(__file__).resolve().parents[1]
ANSWERS = REPO / "tests" / "data" / "goita-fr-plain-answers.txt"
BANK_ID = "goita-kremlin-2025-fr"

# (question id, lines typed, points expected, why), in the bank's order.
HAND_SCORED: list[tuple[str, list[str], float, str]] = [
    ("recu-par", ["2"], 1.0, "choice: 2 is « Le président russe Vladimir Poutine », the answer"),
    ("lieu-rencontre", ["3"], 0.0, "choice: 3 is Bamako, the answer is 4 « Au Kremlin »"),
    ("cadre-visite", ["3"], 1.0, "choice: 3 is « En visite officielle », the answer"),
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
        "date: 25 June for 26 June 2025, right month and year, wrong day: half",
    ),
    (
        "ordre-sejour",
        ["1 2 4 3"],
        2.0,
        "order: shown 1 Annonce, 2 Arrivée, 3 Dernier jour, 4 Entretien; right is 1 2 4 3",
    ),
    ("grade-goita", ["Général"], 1.0, "choice typed as its text instead of its number 4"),
    ("titre-transition", ["1"], 1.0, "choice: 1 « Président de la transition malienne »"),
    (
        "qui-est-qui",
        ["1 3 2"],
        1.33,
        "match: right side is 1 chef de la junte, 2 ministre malien des Affaires "
        "étrangères, 3 ministre russe de l'Énergie, 4 Premier ministre russe, "
        "5 vice-ministre; the answer is 1 3 5, so Goïta and Tsiviliov right, "
        "Ievkourov wrong: 2/3 of 2 = 1.333… -> 1.33",
    ),
    (
        "presents",
        ["2 3 6"],
        0.67,
        "multi: 2 of the 3 right ones (2, 3, 5) and 1 wrong (6, the minister himself): "
        "(2 - 1)/3 of 2 = 0.666… -> 0.67",
    ),
    ("responsables-nommes", ["2"], 1.0, "number: 2 people, exact"),
    (
        "qui-a-dit",
        ["4 1"],
        2.0,
        "match: right side is 1 Goïta, 2 Ievkourov, 3 Tsiviliov, 4 Poutine; « grand "
        "plaisir » is Poutine's, « renforcer nos relations » Goïta's: both right",
    ),
    ("moment-declaration", [""], 0.0, "choice: skipped with an empty line"),
    (
        "consolidation",
        ["bilatérale", "tactiques"],
        1.0,
        "cloze: blank 1 right, blank 2 (« stratégiques ») wrong: 1/2 of 2 points",
    ),
    (
        "poutine-satisfait",
        ["content", "perspectives"],
        1.0,
        "cloze: « content » is not the article's word and no longer accepted; "
        "blank 2 right: 1/2 of 2",
    ),
    (
        "secteurs",
        ["2 3 5 7 9 10 1"],
        1.67,
        "multi: the 6 right sectors plus 1 « la santé »: (6 - 1)/6 of 2 = 1.666… -> 1.67",
    ),
    ("nombre-secteurs", ["6"], 1.0, "number: 6 sectors, exact"),
    ("partenaire-central", ["oui"], 1.0, "truefalse: oui for vrai, the answer"),
    ("nature-attaques", ["1"], 0.0, "choice: 1 « Séparatistes », the answer is 4 « Jihadistes »"),
    ("cibles-attaques", ["1 4"], 2.0, "multi: exactly the 2 right targets"),
    ("insecurite-depuis", ["2012"], 1.0, "date at year precision: the right year"),
    ("insecurite-avant-wagner", ["vrai"], 0.0, "truefalse: the answer is false"),
    ("wagner-nature", ["2"], 1.0, "choice: 2 « Groupe paramilitaire russe »"),
    ("wagner-depuis", ["2020"], 0.0, "date at year precision: the wrong year"),
    ("wagner-annonce", ["3"], 1.0, "choice: 3 « Quelques jours »"),
    (
        "remplacant-wagner",
        ["le corps africain"],
        1.0,
        "short: the accepted « Corps africain », lower case, after a leading article",
    ),
    ("tutelle", ["1"], 0.0, "choice: 1 « c'est un groupe privé », the answer is 3 Défense"),
    ("statut-successeur", ["faux"], 1.0, "truefalse: faux, the answer"),
    ("reorganisation", ["v"], 0.0, "truefalse: v for vrai, the answer is false"),
    (
        "coups-annees",
        ["2020", "2022"],
        1.0,
        "cloze: 2020 right, 2022 for 2021 wrong (digits: no typo forgiven): 1/2 of 2",
    ),
    (
        "virage",
        ["strategique", "résolument"],
        2.0,
        "cloze: « stratégique » typed without its accent, « résolument » right: 2/2 of 2",
    ),
    (
        "rupture-france",
        ["Frence"],
        1.0,
        "short: one substituted letter in « France » (6 letters, budget 1)",
    ),
    (
        "ordre-histoire",
        ["4 3 2 1"],
        1.67,
        "order: shown 1 Annonce du départ, 2 Arrivée de Wagner, 3 Début de l'insécurité, "
        "4 Le premier des deux coups d'État; right is 3 4 2 1; typed with the first two "
        "swapped, only 1 of the 6 pairs is inverted: 5/6 of 2 = 1.666… -> 1.67",
    ),
    (
        "auteur",
        ["medard clobechi"],
        1.0,
        "short: « Médard Clobechi » typed in lower case, without the accent",
    ),
]

# 24 questions worth 1 point and 11 worth 2 (the questions in several parts).
TWO_POINTS = {
    "ordre-sejour",
    "qui-est-qui",
    "presents",
    "qui-a-dit",
    "consolidation",
    "poutine-satisfait",
    "secteurs",
    "cibles-attaques",
    "coups-annees",
    "virage",
    "ordre-histoire",
}
HAND_MAX = 46.0
# Sum of the expected points, added up by hand:
# 1 + 0 + 1 + 0 + 0.5 + 0.5 + 2 + 1 + 1 + 1.33 + 0.67 + 1 + 2 + 0 + 1 + 1 + 1.67 + 1
# + 1 + 0 + 2 + 1 + 0 + 1 + 0 + 1 + 1 + 0 + 1 + 0 + 1 + 2 + 1 + 1.67 + 1 = 31.34
HAND_TOTAL = 31.34
HAND_SCORE_LINE = "Score : 31,34 points sur 46"


@pytest.fixture(scope="module")
def played(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The program's own record of the session played in-process from the answers file."""
    folder = tmp_path_factory.mktemp("hand-scored")
    results = folder / "r.json"
    out, err = io.StringIO(), io.StringIO()
    env = Environment(
        stdin=io.StringIO(ANSWERS.read_text(encoding="utf-8")),
        stdout=out,
        stderr=err,
        environ={"NEWSQUIZ_DATA_DIR": str(folder / "data"), "NO_COLOR": "1"},
        cwd=folder,
    )
    argv = ["play", BANK_ID, "--plain", "--no-shuffle", "--no-save", "--results", str(results)]
    assert main(argv, env) == 0, err.getvalue()
    report: dict[str, Any] = json.loads(results.read_text(encoding="utf-8"))
    return report


def test_the_table_follows_the_bank_the_program_asks(played: dict[str, Any]) -> None:
    assert played["bank"]["questions"] == [row[0] for row in HAND_SCORED]
    assert played["questions_asked"] == len(HAND_SCORED)
    worth = {q["id"]: q["max_points"] for q in played["questions"]}
    assert worth == {qid: 2.0 if qid in TWO_POINTS else 1.0 for qid, _, _, _ in HAND_SCORED}
    assert played["max_score"] == HAND_MAX
    assert played["score"] == pytest.approx(sum(row[2] for row in HAND_SCORED), abs=1e-9)


def _meant(question: dict[str, Any], typed: str) -> object:
    """What a line typed at a question means, by the rules the table was written with."""
    kind, choices = question["type"], question.get("choices")
    if kind == "choice" and typed.isdigit():
        return choices[int(typed) - 1]
    if kind == "multi":
        return [choices[int(n) - 1] for n in typed.split()]
    if kind == "truefalse":
        return typed in ("oui", "vrai", "v")
    return typed


def test_the_program_reads_for_each_question_the_lines_the_table_gives(
    played: dict[str, Any],
) -> None:
    for question, (qid, lines, _, _) in zip(played["questions"], HAND_SCORED, strict=True):
        answered = [line for line in lines if line != "?"]
        assert question["hint_used"] is ("?" in lines), qid
        assert question["skipped"] is (answered == [""]), qid
        if question["skipped"] or question["type"] in ("order", "match"):
            continue
        if question["type"] == "cloze":
            assert question["response"] == answered, qid
        else:
            (line,) = answered
            assert question["response"] == _meant(question, line), qid


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
