"""`newsquiz report` with files it cannot use: each one is skipped with what is wrong
with it, and the class's other files are still reported."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from class_results import ANSWERS, session_document, write_class
from newsquiz.cli import main
from newsquiz.context import Environment


def run(*args: str, cwd: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    env = Environment(stdin=io.StringIO(), stdout=out, stderr=err, environ={}, cwd=cwd)
    return main(list(args), env), out.getvalue(), err.getvalue()


def _report_with(tmp_path: Path, name: str, content: bytes) -> tuple[int, str, str]:
    folder = tmp_path / "class"
    folder.mkdir()
    write_class(folder)
    (folder / name).write_bytes(content)
    return run("report", "class", "--json", cwd=tmp_path)


def _sessions_reported(out: str) -> int:
    (bank,) = json.loads(out)["banks"]
    return int(bank["sessions"])


def test_a_file_over_16_mib_is_skipped_unread(tmp_path: Path) -> None:
    code, out, err = _report_with(tmp_path, "huge.json", b" " * (16 * 1024 * 1024 + 1))
    assert code == 0
    assert "class/huge.json: skipped: larger than 16 MiB" in err.splitlines()
    assert _sessions_reported(out) == len(ANSWERS)


def _set(key: str, value: object) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        document[key] = value

    return change


def _repeat_first_id(document: dict[str, Any]) -> None:
    document["questions"][1]["id"] = document["questions"][0]["id"]


def _bank_field(key: str, value: object) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        document["bank"][key] = value

    return change


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (_set("started_at", "yesterday"), "started_at"),
        (_set("finished_at", 20250623), "finished_at"),
        (_set("bank", ["not", "a", "mapping"]), "bank"),
        (_set("questions", {"q": 1}), "questions"),
        (_set("score", "ten"), "score"),
        (_set("student", 7), "student"),
        (_repeat_first_id, "questions[].id"),
        (_bank_field("questions", ["capital", 2]), "bank.questions"),
        (_bank_field("tag_labels", {"geo": 1}), "bank.tag_labels"),
    ],
)
def test_a_malformed_file_is_skipped_naming_the_field(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], named: str
) -> None:
    document = session_document("zz", ["Paris", ["a"]])
    change(document)
    code, out, err = _report_with(tmp_path, "odd.json", json.dumps(document).encode())
    assert code == 0
    expected = f"class/odd.json: skipped: not a valid results file: {named} is missing or of the wrong type"
    assert expected in err.splitlines()
    assert _sessions_reported(out) == len(ANSWERS)


def test_a_timestamp_without_a_zone_is_read_as_utc(tmp_path: Path) -> None:
    document = session_document("zz", ["Paris", ["a"]])
    document["started_at"] = "2025-06-23T09:00:00"
    code, out, err = _report_with(tmp_path, "odd.json", json.dumps(document).encode())
    assert code == 0
    assert "odd.json" not in err
    students = {row["student"]: row for row in json.loads(out)["banks"][0]["students"]}
    assert students["zz"]["started_at"] == "2025-06-23T09:00:00+00:00"
