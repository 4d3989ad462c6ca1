"""The `newsquiz` command as a user runs it: exit statuses, messages, no tracebacks."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsquiz import __version__
from newsquiz.cli import main
from newsquiz.context import Environment

REPO = Path(__file__).resolve().parents[1]
GOOD = """\
newsquiz: 1
id: good
title: Good bank
language: en
questions:
  - {id: q, type: truefalse, prompt: The sky is blue., answer: true, explanation: Mostly.}
"""


def run(argv: list[str], cwd: Path, environ: dict[str, str] | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    env = Environment(stdin=io.StringIO(), stdout=out, stderr=err, environ=environ or {}, cwd=cwd)
    code = main(argv, env)
    return code, out.getvalue(), err.getvalue()


def test_check_reports_ok_with_the_question_count(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    code, out, _ = run(["check", "good.yaml"], tmp_path)
    assert code == 0
    assert out.splitlines() == [
        "ok  good.yaml  (1 question)",
        "1 bank checked: 0 errors, 0 warnings",
    ]


def test_check_lists_every_problem_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        GOOD.replace("answer: true", "answer: yes").replace("id: q,", "id: Q,"), encoding="utf-8"
    )
    code, out, _ = run(["check", "bad.yaml"], tmp_path)
    assert code == 1
    lines = out.splitlines()
    source = (tmp_path / "bad.yaml").read_text(encoding="utf-8").splitlines()[5]
    assert lines[0].startswith(
        f"bad.yaml:6:{source.index('Q') + 1}: error: the question id `Q` must be lowercase"
    )
    assert lines[1].startswith(
        f"bad.yaml:6:{source.index('yes') + 1}: error: the answer of a truefalse question must be"
    )
    assert lines[-1] == "1 bank checked: 2 errors, 0 warnings"


def test_warnings_fail_only_with_strict(tmp_path: Path) -> None:
    (tmp_path / "w.yaml").write_text(GOOD.replace(", explanation: Mostly.", ""), encoding="utf-8")
    assert run(["check", "w.yaml"], tmp_path)[0] == 0
    code, out, _ = run(["check", "--strict", "w.yaml"], tmp_path)
    assert code == 1
    assert "w.yaml:6:5: warning: question `q` has no explanation" in out


def test_check_json_for_editors(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        GOOD.replace("answer: true", "answer: maybe"), encoding="utf-8"
    )
    code, out, _ = run(["check", "--format", "json", "."], tmp_path)
    assert code == 1
    report = json.loads(out)
    assert report["errors"] == 1
    assert report["banks"][0]["ok"] is False
    assert report["banks"][0]["problems"][0]["line"] == 6


def test_check_a_folder_and_two_banks_sharing_an_id(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOOD, encoding="utf-8")
    code, out, _ = run(["check", "."], tmp_path)
    assert code == 1
    assert "b.yaml:1:1: error: the bank id `good` is also used by a.yaml" in out


def test_check_missing_path_is_usage_error(tmp_path: Path) -> None:
    code, _, err = run(["check", "nope.yaml"], tmp_path)
    assert code == 2
    assert err == "newsquiz check: no such file or folder: nope.yaml\n"


def test_shipped_banks_pass_strict_check() -> None:
    code, out, _ = run(["check", "--strict", "quizzes"], REPO)
    assert code == 0, out
    assert out.count("ok  ") >= 1


def test_schema_command_prints_the_shipped_schema() -> None:
    code, out, _ = run(["schema"], REPO)
    assert code == 0
    assert out == (REPO / "schema" / "newsquiz-bank.schema.json").read_text(encoding="utf-8")
    assert json.loads(out)["properties"]["newsquiz"] == {
        "const": 1,
        "description": "The format version.",
    }


def test_list_finds_installed_local_and_path_banks(tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "good.yaml").write_text(GOOD, encoding="utf-8")
    code, out, _ = run(["list", "--format", "json"], tmp_path, {"NEWSQUIZ_PATH": str(extra)})
    assert code == 0
    ids = [bank["id"] for bank in json.loads(out)]
    assert ids[0] == "good"
    assert "goita-kremlin-2025-fr" in ids
    code, out, _ = run(["list"], tmp_path, {"NEWSQUIZ_PATH": str(extra)})
    lines = out.splitlines()
    assert lines[:2] == ["good  Good bank  (en, 1 question)", "    extra/good.yaml"]
    sample = "goita-kremlin-2025-fr  Mali–Russie : une visite en juin 2025  (fr, 35 questions)"
    assert sample in lines
    assert lines[lines.index(sample) + 1] == "    installed"


def test_list_marks_broken_banks(tmp_path: Path) -> None:
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "quizzes" / "broken.yaml").write_text("newsquiz: [\n", encoding="utf-8")
    code, out, _ = run(["list"], tmp_path)
    assert code == 0
    assert "quizzes/broken.yaml: invalid bank (run: newsquiz check quizzes/broken.yaml)" in out


def _command(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsquiz", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )


def test_version_and_module_entry_point() -> None:
    result = _command("--version")
    assert (result.returncode, result.stdout) == (0, f"newsquiz {__version__}\n")


def test_version_does_not_import_heavy_modules() -> None:
    code = (
        "import sys; from newsquiz.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('rich', 'questionary', 'yaml') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("command", [[], ["check"], ["schema"], ["list"]])
def test_help_on_every_command_shows_an_example(command: list[str]) -> None:
    result = _command(*command, "--help")
    assert result.returncode == 0
    assert "example" in result.stdout


def test_unknown_option_is_usage_error_without_traceback() -> None:
    result = _command("check", "--bogus", "x")
    assert result.returncode == 2
    assert "unrecognized arguments: --bogus" in result.stderr
    assert "Traceback" not in result.stderr


def test_internal_error_is_one_line_unless_debug(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import newsquiz.schema

    def broken() -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(newsquiz.schema, "render_schema", broken)
    code, _, err = run(["schema"], tmp_path)
    assert code == 70
    assert err.startswith("newsquiz: internal error (RuntimeError: boom). This is a bug")
    assert len(err.splitlines()) == 1
    with pytest.raises(RuntimeError):
        run(["--debug", "schema"], tmp_path)
