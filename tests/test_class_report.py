"""`newsquiz report`: the figures of a class whose answers are known, worked out by hand."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from class_results import ANSWERS, START, session_document, write_class
from newsquiz.class_report import Flag, build_reports
from newsquiz.cli import main
from newsquiz.context import Environment
from newsquiz.results_reading import Refusal, expand_paths, read_class


def run(*args: str, cwd: Path, lang: str = "en") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    env = Environment(stdin=io.StringIO(), stdout=out, stderr=err, environ={"LANG": lang}, cwd=cwd)
    code = main(list(args), env)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def class_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "class"
    folder.mkdir()
    write_class(folder)
    return folder


def report_of(folder: Path) -> Any:
    files = [(p, p.name) for p in expand_paths([folder])]
    sessions, refused = read_class(files)
    (report,) = build_reports(sessions)
    return report, refused


def test_facility_and_discrimination_are_the_hand_computed_figures(class_folder: Path) -> None:
    report, refused = report_of(class_folder)
    assert refused == []
    items = {item.id: item for item in report.items}
    assert [item.id for item in report.items] == ["capital", "letters", "mali", "four"]
    # capital: right for s0 s1 s2 s4 (4 of 10); top 3 all right, bottom 3 all wrong.
    assert items["capital"].facility == pytest.approx(0.4)
    assert items["capital"].discrimination == pytest.approx(1.0)
    # letters: 1 + .5 + 1 + 1 + 0 + .5 + 0 + .5 + 0 + 0 = 4.5; top 2.5/3, bottom .5/3.
    assert items["letters"].facility == pytest.approx(0.45)
    assert items["letters"].discrimination == pytest.approx(2 / 3)
    # mali: Bamako for s0 s1 s3 s5 (bamako counts); top 2/3, bottom 0.
    assert items["mali"].facility == pytest.approx(0.4)
    assert items["mali"].discrimination == pytest.approx(2 / 3)
    assert items["mali"].skipped == 1
    assert items["four"].facility == pytest.approx(0.5)
    assert items["four"].discrimination == pytest.approx(1.0)


def test_wrong_choices_are_counted_in_the_banks_order(class_folder: Path) -> None:
    report, _ = report_of(class_folder)
    items = {item.id: item for item in report.items}
    assert [(d.choice, d.count) for d in items["capital"].distractors] == [
        ("Lyon", 4),
        ("Nice", 1),
        ("Lille", 1),
    ]
    # Every response that ticked c or d, partly right or not.
    assert [(d.choice, d.count) for d in items["letters"].distractors] == [("c", 4), ("d", 2)]


def test_the_most_common_wrong_typed_answers(class_folder: Path) -> None:
    report, _ = report_of(class_folder)
    items = {item.id: item for item in report.items}
    # "Dakar " with a trailing space is the same answer as "Dakar".
    assert [(w.text, w.count) for w in items["mali"].wrong_answers] == [("Dakar", 4), ("Ségou", 1)]
    assert [(w.text, w.count) for w in items["four"].wrong_answers] == [("5", 3), ("3", 2)]
    assert items["capital"].wrong_answers == ()


def test_students_and_class_figures(class_folder: Path) -> None:
    report, _ = report_of(class_folder)
    by_name = {row.student: row for row in report.students}
    assert [by_name[f"s{i}"].score for i in range(10)] == [4, 3.5, 3, 2, 2, 1.5, 1, 0.5, 0, 0]
    assert by_name["s1"].percent == pytest.approx(87.5)
    assert by_name["s0"].seconds == pytest.approx(40.0)
    figures = report.figures
    assert figures.sessions == 10
    assert figures.mean == pytest.approx(43.75)
    assert figures.median == pytest.approx(43.75)
    assert figures.lowest == 0 and figures.highest == 100
    assert figures.histogram == (2, 1, 1, 1, 0, 2, 0, 1, 1, 1)
    tags = {tag.tag: tag for tag in report.tags}
    assert tags["geo"].accuracy == pytest.approx(0.4)
    assert tags["geo"].questions == 2


def test_flags_too_easy_too_hard_and_negative_discrimination(tmp_path: Path) -> None:
    # Four students, groups of one: s0 (2 points) on top, s3 (1.5) at the bottom.
    # s3 alone answers `mali` right, with the hint (half the points).
    plan = [
        ("s0", "Paris", ("a", "b"), "Dakar", "3"),
        ("s1", "Paris", ("a", "b"), "Dakar", "3"),
        ("s2", "Paris", ("a", "b"), "Dakar", "3"),
        ("s3", "Paris", ("c",), "Bamako", "3"),
    ]
    for minutes, (student, *responses) in enumerate(plan):
        hints = frozenset({2}) if student == "s3" else frozenset()
        document = session_document(student, list(responses), minutes=minutes, hints=hints)
        (tmp_path / f"{student}.json").write_text(json.dumps(document), encoding="utf-8")
    report, _ = report_of(tmp_path)
    items = {item.id: item for item in report.items}
    assert items["capital"].facility == pytest.approx(1.0)
    assert items["capital"].flags == (Flag.TOO_EASY,)
    assert items["letters"].facility == pytest.approx(0.75)
    assert items["letters"].discrimination == pytest.approx(1.0)
    assert items["letters"].flags == ()
    assert items["mali"].facility == pytest.approx(0.125)
    assert items["mali"].discrimination == pytest.approx(-0.5)
    assert items["mali"].flags == (Flag.TOO_HARD, Flag.NEGATIVE)
    assert items["four"].flags == (Flag.TOO_HARD,)
    _code, out, _ = run("report", str(tmp_path), cwd=tmp_path)
    assert "too easy" in out and "too hard" in out and "negative" in out


def test_broken_files_are_reported_with_the_reason_and_skipped(class_folder: Path) -> None:
    (class_folder / "a-truncated.json").write_text('{"newsquiz_results": 1, "bank', "utf-8")
    future = session_document("future", ["Paris"])
    future["newsquiz_results"] = 2
    (class_folder / "b-future.json").write_text(json.dumps(future), "utf-8")
    renamed = session_document("renamed", ["Paris", ["a", "b"], "Bamako", "4"])
    renamed["bank"]["questions"][3] = "four-v2"
    renamed["questions"][3]["id"] = "four-v2"
    (class_folder / "c-renamed.json").write_text(json.dumps(renamed), "utf-8")
    (class_folder / "d-list.json").write_text("[1, 2]", "utf-8")
    code, out, err = run("report", str(class_folder), "--json", cwd=class_folder.parent)
    assert code == 0
    lines = err.splitlines()
    assert "class/a-truncated.json: skipped: not JSON (error at line:column 1:25)" in lines
    assert any(
        line.startswith("class/b-future.json: skipped: results format version 2") for line in lines
    )
    assert any(
        line.startswith("class/c-renamed.json: skipped: written for another version of the bank")
        for line in lines
    )
    assert "class/d-list.json: skipped: not a newsquiz results file" in lines
    document = json.loads(out)
    assert [r["reason"] for r in document["refused"]] == [
        Refusal.NOT_JSON,
        Refusal.VERSION,
        Refusal.OTHER_BANK_VERSION,
        Refusal.NOT_RESULTS,
    ]
    (bank,) = document["banks"]
    assert bank["sessions"] == len(ANSWERS)
    assert bank["questions"][0]["facility"] == pytest.approx(0.4)


def test_nothing_readable_is_an_invalid_input_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text("\x00\xff", "latin-1")
    code, _out, err = run("report", "x.json", cwd=tmp_path)
    assert code == 1
    assert "x.json: skipped: not JSON" in err
    assert "Nothing to report" in err
    assert "Traceback" not in err


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("report", "nowhere", cwd=tmp_path)
    assert code == 2
    assert "no such file or folder: nowhere" in err


def test_banks_mixed_are_reported_bank_by_bank(class_folder: Path) -> None:
    other = session_document("t0", ["Paris"])
    other["bank"]["id"] = "other-bank"
    other["bank"]["title"] = "Other bank"
    (class_folder / "other.json").write_text(json.dumps(other), "utf-8")
    code, out, _ = run("report", str(class_folder), cwd=class_folder.parent)
    assert code == 0
    assert "Class report: Class bank (class-bank)" in out
    assert "Class report: Other bank (other-bank)" in out
    assert "10 sessions" in out and "1 session\n" in out


def test_files_of_the_first_form_are_still_read(class_folder: Path) -> None:
    old = {
        "newsquiz_results": 1,
        "bank": {"id": "class-bank", "title": "Class bank", "language": "en"},
        "student": "old",
        "mode": "practice",
        "started_at": "2026-03-02T08:00:00Z",
        "finished_at": "2026-03-02T08:01:00Z",
        "complete": True,
        "questions_asked": 2,
        "score": 0.0,
        "max_score": 2.0,
        "questions": [
            {"id": "capital", "type": "choice", "tags": ["geo"], "response": "Nice",
             "correct": False, "points": 0.0, "max_points": 1.0, "hint_used": False,
             "seconds": 3.0},
            {"id": "letters", "type": "multi", "tags": [], "response": "c; d",
             "correct": False, "points": 0.0, "max_points": 1.0, "hint_used": False,
             "seconds": 3.0},
        ],
    }  # fmt: skip
    (class_folder / "old.json").write_text(json.dumps(old), "utf-8")
    report, refused = report_of(class_folder)
    assert refused == []
    assert len(report.students) == 11
    items = {item.id: item for item in report.items}
    assert [(d.choice, d.count) for d in items["capital"].distractors] == [
        ("Lyon", 4),
        ("Nice", 2),
        ("Lille", 1),
    ]
    assert [(d.choice, d.count) for d in items["letters"].distractors] == [("c", 5), ("d", 3)]


def test_the_terminal_shows_names_as_data(class_folder: Path) -> None:
    hostile = session_document("[bold]x[/bold]\x1b[31mred\u202e", ["Paris"])
    (class_folder / "hostile.json").write_text(json.dumps(hostile), "utf-8")
    code, out, _ = run("report", str(class_folder), cwd=class_folder.parent)
    assert code == 0
    assert "\x1b" not in out and "\u202e" not in out
    assert "[bold]x[/bold]\\x1b[31mred\\u202e" in out


def test_the_report_speaks_french_for_french_banks(class_folder: Path) -> None:
    code, out, _ = run("report", str(class_folder), "--lang", "fr", cwd=class_folder.parent)
    assert code == 0
    assert "Bilan de la classe : Class bank (class-bank)" in out
    assert "moyenne 44\u00a0%" in out
    assert "Mauvais choix retenus : Lyon (4) ; Nice (1) ; Lille (1)" in out


def test_csv_has_one_row_per_student_and_question(class_folder: Path) -> None:
    import csv

    code, _, err = run("report", "class", "--csv", "class.csv", cwd=class_folder.parent)
    assert code == 0
    assert "Table written to class.csv." in err
    with (class_folder.parent / "class.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 10 * 4
    first = rows[0]
    assert (first["student"], first["question"], first["response"], first["points"]) == (
        "s0",
        "capital",
        "Paris",
        "1",
    )
    letters = next(r for r in rows if r["student"] == "s5" and r["question"] == "letters")
    assert json.loads(letters["response"]) == ["a", "b", "c"]
    assert letters["points"] == "0.5"


def test_a_formula_typed_as_a_name_stays_text_in_the_csv(tmp_path: Path) -> None:
    document = session_document("=HYPERLINK(1)", ["Paris"])
    (tmp_path / "x.json").write_text(json.dumps(document), "utf-8")
    code, _, _ = run("report", "x.json", "--csv", "x.csv", cwd=tmp_path)
    assert code == 0
    assert "'=HYPERLINK(1)" in (tmp_path / "x.csv").read_text(encoding="utf-8")


def test_json_output_is_for_scripts(class_folder: Path) -> None:
    code, out, _ = run("report", str(class_folder), "--json", cwd=class_folder.parent)
    assert code == 0
    (bank,) = json.loads(out)["banks"]
    questions = {q["id"]: q for q in bank["questions"]}
    assert questions["capital"]["distractors"] == [
        {"choice": "Lyon", "count": 4},
        {"choice": "Nice", "count": 1},
        {"choice": "Lille", "count": 1},
    ]
    assert questions["four"]["discrimination"] == pytest.approx(1.0)
    assert bank["class"]["median"] == pytest.approx(43.75)
    assert bank["students"][0]["started_at"].startswith(START.date().isoformat())


def test_a_file_named_twice_counts_once(class_folder: Path) -> None:
    (first,) = sorted(class_folder.iterdir())[:1]
    code, out, _ = run("report", "class", f"class/{first.name}", cwd=class_folder.parent)
    assert code == 0
    assert "10 sessions" in out


def test_a_deeply_nested_response_is_refused_not_a_crash(class_folder: Path) -> None:
    document = session_document("deep", ["Paris"])
    document["questions"][0]["response"] = json.loads("[" * 500 + "]" * 500)
    (class_folder / "deep.json").write_text(json.dumps(document), "utf-8")
    code, _, err = run("report", "class", cwd=class_folder.parent)
    assert code == 0
    assert "class/deep.json: skipped: not a valid results file: questions[0].response" in err


def test_questions_an_exam_never_reached_count_as_nothing_earned(tmp_path: Path) -> None:
    from newsquiz.session import Mode

    # Both stopped after two questions; only the exam's score counts the last two (as 0).
    exam = session_document("exam", ["Paris", ["a", "b"]], mode=Mode.EXAM)
    practice = session_document("practice", ["Paris", ["a", "b"]], minutes=1)
    right = session_document("right", ["Paris", ["a", "b"], "Bamako", "4"], minutes=2)
    for name, document in (("a", exam), ("b", practice), ("c", right)):
        (tmp_path / f"{name}.json").write_text(json.dumps(document), "utf-8")
    assert (exam["score"], exam["max_score"]) == (2, 4)
    assert (practice["score"], practice["max_score"]) == (2, 2)
    report, _ = report_of(tmp_path)
    items = {item.id: item for item in report.items}
    assert items["capital"].facility == pytest.approx(1.0)
    # mali: the exam's 0, the whole session's 1; the stopped practice does not count.
    assert items["mali"].facility == pytest.approx(0.5)
    assert items["mali"].reached == 1
    assert [row.percent for row in report.students] == [50, 100, 100]


def test_wrong_answers_that_are_the_same_number_or_date_are_counted_together(
    tmp_path: Path,
) -> None:
    from newsquiz.model import Bank, DateQuestion, NumberQuestion, PartialDate

    bank = Bank(
        id="forms",
        title="Forms",
        language="en",
        questions=(
            NumberQuestion(id="n", prompt="Half of 7?", answer=3.5),
            DateQuestion(id="d", prompt="When?", answer=PartialDate(2025, 6, 23)),
        ),
    )
    typed = [("2,5", "24/06/2025"), ("2.5", "24 June 2025"), ("two", "June 24, 2025")]
    for minutes, responses in enumerate(typed):
        document = session_document(f"s{minutes}", list(responses), bank=bank, minutes=minutes)
        (tmp_path / f"s{minutes}.json").write_text(json.dumps(document), "utf-8")
    report, _ = report_of(tmp_path)
    number, date = report.items
    assert [(w.text, w.count) for w in number.wrong_answers] == [("2,5", 2), ("two", 1)]
    assert [(w.text, w.count) for w in date.wrong_answers] == [("24/06/2025", 3)]


def test_a_fifo_or_a_folder_named_like_a_results_file_is_skipped_without_hanging(
    class_folder: Path,
) -> None:
    import os

    os.mkfifo(class_folder / "pipe.json")
    (class_folder / "folder.json").mkdir()
    code, _, err = run("report", "class", cwd=class_folder.parent)
    assert code == 0
    assert "class/pipe.json: skipped: not a regular file" in err
    assert "class/folder.json: skipped: not a regular file" in err


@pytest.mark.parametrize(
    ("field", "value", "named"),
    [
        ("points", "1", "questions[1].points"),
        ("max_points", None, "questions[1].max_points"),
        ("seconds", float("inf"), None),
        ("tags", ["geo", 3], "questions[1].tags"),
        ("id", 7, "questions[1].id"),
        ("parts", [1], "questions[1].parts"),
        ("correct_answer", {"a": ["b"]}, "questions[1].correct_answer"),
    ],
)
def test_a_malformed_record_names_its_field(field: str, value: object, named: str | None) -> None:
    from newsquiz.results_reading import Refused, parse_results

    document = session_document("x", ["Paris", ["a"]])
    document["questions"][1][field] = value
    refused = parse_results(json.dumps(document), "x.json")
    assert isinstance(refused, Refused)
    if named is None:
        # 1e999 and the like: JSON numbers Python reads as infinite.
        assert refused.reason in (Refusal.INVALID, Refusal.NOT_JSON)
    else:
        assert (refused.reason, refused.detail) == (Refusal.INVALID, named)


def test_a_lone_surrogate_in_a_name_is_shown_as_a_replacement_character(
    class_folder: Path,
) -> None:
    document = session_document("Ada", ["Paris"])
    text = json.dumps(document).replace('"Ada"', '"Ada \\ud800"')
    (class_folder / "surrogate.json").write_text(text, "utf-8")
    for output in ("--json", "--html=x.html", "--csv=x.csv"):
        code, _, err = run("report", "class", output, cwd=class_folder.parent)
        assert code == 0, err
    assert "Ada \ufffd" in (class_folder.parent / "x.html").read_text(encoding="utf-8")


def test_dates_at_the_ends_of_the_calendar_are_shown_not_a_crash(class_folder: Path) -> None:
    early = session_document("early", ["Paris"])
    early["started_at"], early["finished_at"] = "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"
    (class_folder / "early.json").write_text(json.dumps(early), "utf-8")
    for output in ("--json", "--html=x.html", "--csv=x.csv", "--plain"):
        code, out, err = run("report", "class", output, cwd=class_folder.parent)
        assert code == 0, err
    assert "0001-01-01" in out


def test_a_score_counts_in_the_bar_of_the_percentage_shown(tmp_path: Path) -> None:
    # 4.5/46 is 9.78 %, shown 10 %: its bar is 10-19 %, not 0-9 %. 19.5/100 is shown
    # 20 % (halves round up), in 20-29 %; 99.6/100 is shown 100 %, in 90-100 %.
    for student, score, max_score in [("Ana", 4.5, 46), ("Bo", 19.5, 100), ("Cy", 99.6, 100)]:
        document = session_document(student, ["Paris", ("a", "b"), "Bamako", "4"])
        document.update(score=score, max_score=max_score)
        (tmp_path / f"{student}.json").write_text(json.dumps(document), encoding="utf-8")
    expected = (0, 1, 1, 0, 0, 0, 0, 0, 0, 1)

    code, out, _ = run("report", str(tmp_path), "--plain", "--lang", "fr", cwd=tmp_path)
    assert code == 0
    rows = {line.split()[0]: line.split()[1:4] for line in out.splitlines() if "/" in line}
    assert rows["Ana"] == ["4,5/46", "10", "%"]
    assert rows["Bo"] == ["19,5/100", "20", "%"] and rows["Cy"] == ["99,6/100", "100", "%"]
    bars = [
        (line.split("%")[0].strip(), int(line.split()[-1]))
        for line in out.splitlines()
        if "–" in line
    ]
    labels = [f"{low}–{low + 9}" for low in range(0, 90, 10)] + ["90–100"]
    assert bars == list(zip(labels, expected, strict=True))

    code, out, _ = run("report", str(tmp_path), "--json", cwd=tmp_path)
    assert code == 0
    (bank,) = json.loads(out)["banks"]
    assert tuple(bank["class"]["histogram"]) == expected

    code, _, _ = run("report", str(tmp_path), "--html", "page.html", cwd=tmp_path)
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert code == 0
    assert "<title>0–9 %: 0</title>" in page and "<title>10–19 %: 1</title>" in page
    assert "<title>20–29 %: 1</title>" in page and "<title>90–100 %: 1</title>" in page
