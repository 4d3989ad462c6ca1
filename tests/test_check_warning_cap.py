"""`newsquiz check` shows at most MAX_PROBLEMS warnings of a bank, then one line
counting the others; the totals and `--format json` keep every one."""

from __future__ import annotations

import io
import json
from pathlib import Path

from newsquiz.cli import main
from newsquiz.context import Environment
from newsquiz.loader import MAX_PROBLEMS


def run(argv: list[str], cwd: Path, lang: str = "en") -> tuple[int, str]:
    out = io.StringIO()
    env = Environment(
        stdin=io.StringIO(),
        stdout=out,
        stderr=io.StringIO(),
        environ={"LANG": "fr_FR.UTF-8" if lang == "fr" else "en_US.UTF-8", "COLUMNS": "300"},
        cwd=cwd,
    )
    return main(argv, env), out.getvalue()


def warned_bank(folder: Path, name: str, count: int) -> Path:
    """A valid bank whose every question gives its answer away in its own prompt."""
    lines = [f"newsquiz: 1\nid: {name}\ntitle: {name}\nlanguage: en\nquestions:"]
    lines += [
        f"  - {{id: q{n}, type: short, prompt: 'Who is Someone{n} really?',"
        f" answer: Someone{n}, explanation: e}}"
        for n in range(count)
    ]
    path = folder / f"{name}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_ten_thousand_warnings_print_the_first_ones_and_a_count(tmp_path: Path) -> None:
    warned_bank(tmp_path, "many", 10_000)
    code, out = run(["check", "many.yaml"], tmp_path)
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "ok  many.yaml  (10000 questions, 10000 warnings)"
    shown = [line for line in lines if "is written in the question's own prompt" in line]
    assert len(shown) == MAX_PROBLEMS
    assert "“Someone0”" in shown[0] and f"“Someone{MAX_PROBLEMS - 1}”" in shown[-1]
    hidden = 10_000 - MAX_PROBLEMS
    assert lines[-2].startswith(f"many.yaml:{MAX_PROBLEMS + 5}:5: warning: and {hidden} more")
    assert "warnings in this file, not shown" in lines[-2]
    assert lines[-1] == "1 bank checked: 0 errors, 10000 warnings"
    assert len(lines) == MAX_PROBLEMS + 3


def test_the_cap_is_per_bank_and_strict_still_fails(tmp_path: Path) -> None:
    warned_bank(tmp_path, "one", MAX_PROBLEMS + 1)
    warned_bank(tmp_path, "two", MAX_PROBLEMS)
    code, out = run(["check", "--strict", "one.yaml", "two.yaml"], tmp_path)
    assert code == 1
    assert out.count("is written in the question's own prompt") == 2 * MAX_PROBLEMS
    assert out.count("more warning") == 1
    assert "one.yaml" in [
        line.split(":")[0] for line in out.splitlines() if "1 more warning" in line
    ]
    assert out.splitlines()[-1] == f"2 banks checked: 0 errors, {2 * MAX_PROBLEMS + 1} warnings"


def test_the_count_line_speaks_french(tmp_path: Path) -> None:
    warned_bank(tmp_path, "beaucoup", MAX_PROBLEMS + 2)
    _, out = run(["check", "beaucoup.yaml"], tmp_path, lang="fr")
    assert "avertissement : et 2 avertissements de plus dans ce fichier, non affichés" in out
    assert "more" not in out


def test_json_lists_every_warning_with_the_true_totals(tmp_path: Path) -> None:
    warned_bank(tmp_path, "many", 3_000)
    warned_bank(tmp_path, "few", 3)
    code, out = run(["check", "--format", "json", "many.yaml", "few.yaml"], tmp_path)
    report = json.loads(out)
    assert code == 0
    assert (report["errors"], report["warnings"]) == (0, 3_003)
    assert [len(bank["problems"]) for bank in report["banks"]] == [3_000, 3]
    assert "Someone2999" in report["banks"][0]["problems"][-1]["message"]
