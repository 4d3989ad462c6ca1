"""The results file: structured responses and answers, every question listed, --results-dir."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from newsquiz.cli import main
from newsquiz.context import Environment

BANK = """\
newsquiz: 1
id: every-type
title: Every type
language: en
questions:
  - {id: c, type: choice, prompt: Capital of Mali?, choices: [Bamako, Dakar], answer: Bamako}
  - {id: m, type: multi, prompt: Tick a and b, choices: [a, b, c], answer: [a, b]}
  - {id: t, type: truefalse, prompt: Mali is in Africa., answer: true}
  - {id: s, type: short, prompt: Who?, answer: Goïta}
  - {id: n, type: number, prompt: 2 + 2?, answer: 4}
  - {id: d, type: date, prompt: When?, answer: 2025-06-23}
  - {id: o, type: order, prompt: Order them, items: [one, two, three]}
  - {id: p, type: match, prompt: Match, pairs: {Paris: France, Bamako: Mali}}
  - {id: z, type: cloze, prompt: Fill in, text: "{{Bamako}} is the capital of {{Mali}}."}
  - {id: last, type: short, prompt: Never reached, answer: x}
"""

# In plain mode, without shuffling: order items and match rights are shown sorted
# (or reversed when already sorted), so the numbers below are worked out from that.
ANSWERS = "1\n1 3\nt\ngoita\n\n23 June 2025\n1 3 2\n2 1\nBamako\nMoscow\n"


def play(tmp_path: Path, *args: str, environ: dict[str, str] | None = None) -> tuple[int, str]:
    (tmp_path / "bank.yaml").write_text(BANK, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    env = Environment(
        stdin=io.StringIO(ANSWERS),
        stdout=out,
        stderr=err,
        environ=environ if environ is not None else {"LOGNAME": "ada"},
        cwd=tmp_path,
    )
    code = main(["play", "bank.yaml", "--no-shuffle", "--no-save", *args], env)
    return code, out.getvalue() + err.getvalue()


def records(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {q["id"]: q for q in document["questions"]}


def test_responses_and_answers_keep_their_structure(tmp_path: Path) -> None:
    code, output = play(tmp_path, "--results", "r.json")
    assert code == 0, output
    document = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert document["newsquiz_results"] == 1
    q = records(document)
    assert (q["c"]["response"], q["c"]["correct_answer"]) == ("Bamako", "Bamako")
    assert (q["m"]["response"], q["m"]["correct_answer"]) == (["a", "c"], ["a", "b"])
    assert (q["t"]["response"], q["t"]["correct_answer"]) == (True, True)
    assert (q["s"]["response"], q["s"]["correct_answer"]) == ("goita", "Goïta")
    assert q["n"]["response"] is None and q["n"]["skipped"] is True and q["n"]["reached"] is True
    assert q["n"]["correct_answer"] == 4
    assert (q["d"]["response"], q["d"]["correct_answer"]) == ("23 June 2025", "2025-06-23")
    assert isinstance(q["o"]["response"], list) and sorted(q["o"]["response"]) == [
        "one",
        "three",
        "two",
    ]
    assert q["o"]["correct_answer"] == ["one", "two", "three"]
    assert isinstance(q["p"]["response"], dict)
    assert set(q["p"]["response"]) == {"Paris", "Bamako"}
    assert q["p"]["correct_answer"] == {"Paris": "France", "Bamako": "Mali"}
    assert q["z"]["response"] == ["Bamako", "Moscow"]
    assert q["z"]["correct_answer"] == ["Bamako", "Mali"]
    assert q["z"]["parts"] == [True, False]
    assert q["c"]["prompt"] == "Capital of Mali?"
    assert q["z"]["prompt"] == "Fill in\n____ is the capital of ____."
    assert q["c"]["choices"] == ["Bamako", "Dakar"]
    assert all(q[k]["skipped"] is False for k in "cmtsdopz")


def test_questions_not_reached_are_listed(tmp_path: Path) -> None:
    code, _ = play(tmp_path, "--results", "r.json")
    assert code == 0
    document = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert [q["id"] for q in document["questions"]] == [*list("cmtsndopz"), "last"]
    last = records(document)["last"]
    # On screen when the input ended: reached, not answered, not skipped by the student.
    assert (last["reached"], last["response"], last["skipped"]) == (True, None, False)
    assert last["points"] == 0 and last["max_points"] == 1
    assert document["complete"] is False
    assert document["bank"]["questions"] == [*list("cmtsndopz"), "last"]


def test_results_dir_writes_a_new_file_per_session_named_after_the_student(
    tmp_path: Path,
) -> None:
    (tmp_path / "class").mkdir()
    outputs = ""
    for _ in range(2):
        code, output = play(tmp_path, "--results-dir", "class", "--seed", "1")
        assert code == 0, output
        outputs += output
    names = sorted(p.name for p in (tmp_path / "class").iterdir())
    assert len(names) == 2 and names[0] != names[1]
    for name in names:
        student, bank, stamp, suffix = name.removesuffix(".json").split("_")
        assert (student, bank) == ("ada", "every-type")
        assert len(stamp) == len("20260302T090000Z") and stamp.endswith("Z")
        assert len(suffix) == 6
        assert f"Results written to class/{name}." in outputs
    document = json.loads((tmp_path / "class" / names[0]).read_text(encoding="utf-8"))
    assert document["student"] == "ada"


def test_a_students_name_cannot_lead_the_file_elsewhere(tmp_path: Path) -> None:
    (tmp_path / "class").mkdir()
    code, _ = play(tmp_path, "--results-dir", "class", "--student", "../../evil\x1b name")
    assert code == 0
    (written,) = (tmp_path / "class").iterdir()
    assert written.name.startswith("evil-name_every-type_")
    assert json.loads(written.read_text(encoding="utf-8"))["student"] == "../../evil\x1b name"


def test_a_results_dir_that_is_missing_stops_before_the_first_question(tmp_path: Path) -> None:
    code, output = play(tmp_path, "--results-dir", "nowhere")
    assert code == 2
    assert "cannot write results to nowhere: no such folder" in output
    assert "Capital of Mali?" not in output


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write in any folder")
def test_a_results_dir_that_cannot_be_written_stops_before_the_first_question(
    tmp_path: Path,
) -> None:
    (tmp_path / "locked").mkdir(mode=0o500)
    code, output = play(tmp_path, "--results-dir", "locked")
    assert code == 2
    assert "not writable" in output


def test_results_files_are_readable_by_others_as_the_umask_allows(tmp_path: Path) -> None:
    (tmp_path / "class").mkdir()
    previous = os.umask(0o022)
    try:
        play(tmp_path, "--results-dir", "class")
    finally:
        os.umask(previous)
    (written,) = (tmp_path / "class").iterdir()
    assert written.stat().st_mode & 0o777 == 0o644


def test_a_results_dir_that_fails_at_the_end_is_reported_and_results_still_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    import newsquiz.results

    def full(*args: object, **kwargs: object) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(newsquiz.results, "write_new_results", full)
    (tmp_path / "class").mkdir()
    code, output = play(tmp_path, "--results-dir", "class", "--results", "r.json")
    assert code == 1
    assert "The results could not be written to class: No space left on device." in output
    assert "Results written to r.json." in output
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["student"] == "ada"


THREE = """\
newsquiz: 1
id: three
title: Three
language: en
tag_labels: {securite: Sécurité, economie: Économie}
questions:
  - {id: first, type: short, prompt: First?, answer: x, tags: [securite]}
  - {id: second, type: short, prompt: Second?, answer: y, tags: [economie, other]}
  - {id: third, type: short, prompt: Third?, answer: z}
"""


class StopAfter(io.StringIO):
    """Piped answers, then Ctrl-C where the next answer would be read."""

    def readline(self, size: int | None = -1) -> str:
        line = super().readline()
        if not line:
            raise KeyboardInterrupt
        return line


@pytest.mark.parametrize("stdin", [io.StringIO("x\n"), StopAfter("x\n")], ids=["eof", "ctrl-c"])
def test_the_question_on_screen_when_the_session_stops_was_reached(
    tmp_path: Path, stdin: io.StringIO
) -> None:
    (tmp_path / "bank.yaml").write_text(THREE, encoding="utf-8")
    out = io.StringIO()
    env = Environment(stdin=stdin, stdout=out, stderr=out, environ={}, cwd=tmp_path)
    main(["play", "bank.yaml", "--no-shuffle", "--no-save", "--results", "r.json"], env)
    document = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    q = records(document)
    assert "Second?" in out.getvalue()
    assert (q["first"]["reached"], q["first"]["response"]) == (True, "x")
    assert (q["second"]["reached"], q["second"]["response"], q["second"]["skipped"]) == (
        True,
        None,
        False,
    )
    assert (q["third"]["reached"], q["third"]["skipped"]) == (False, False)


def test_the_results_file_carries_the_banks_tag_labels(tmp_path: Path) -> None:
    (tmp_path / "bank.yaml").write_text(THREE, encoding="utf-8")
    out = io.StringIO()
    env = Environment(stdin=io.StringIO("x\n"), stdout=out, stderr=out, environ={}, cwd=tmp_path)
    main(["play", "bank.yaml", "--no-shuffle", "--no-save", "--results", "r.json"], env)
    document = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert document["newsquiz_results"] == 1
    assert document["bank"]["tag_labels"] == {"securite": "Sécurité", "economie": "Économie"}
