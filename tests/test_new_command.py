"""`newsquiz new` refusing what it cannot use: each refusal says why, with the right exit status."""

from __future__ import annotations

import io
import os
from pathlib import Path

from newsquiz.cli import main
from newsquiz.context import Environment

ARTICLE = (
    "Paris, 3 March 2024. The minister Jane Doe met the mayor of Lyon on 2 March 2024 "
    'to discuss the new tramway. "We will open it in 2026," she said.\n'
)


def run(argv: list[str], cwd: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    env = Environment(stdin=io.StringIO(), stdout=out, stderr=err, environ={}, cwd=cwd)
    return main(argv, env), out.getvalue(), err.getvalue()


def test_template_and_article_together_are_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, out, err = run(["new", "a.txt", "--template"], tmp_path)
    assert code == 2
    assert "--template writes a starting bank without an article" in err
    assert out == ""
    assert not (tmp_path / "a.yaml").exists()


def test_neither_article_nor_template_says_what_to_give(tmp_path: Path) -> None:
    code, _, err = run(["new"], tmp_path)
    assert code == 2
    assert "give the article to draft from" in err


def test_template_without_output_writes_my_bank(tmp_path: Path) -> None:
    code, out, _ = run(["new", "--template"], tmp_path)
    assert code == 0
    assert out.startswith("Wrote my-bank.yaml: a starting bank")
    assert "\nnewsquiz: 1\n" in (tmp_path / "my-bank.yaml").read_text(encoding="utf-8")
    assert run(["check", "my-bank.yaml"], tmp_path)[0] == 0


def test_output_in_a_missing_folder_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(["new", "a.txt", "-o", "nowhere/a.yaml"], tmp_path)
    assert code == 2
    assert "cannot write nowhere/a.yaml: no such folder" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_an_article_in_a_missing_folder_names_the_bank_it_cannot_write(tmp_path: Path) -> None:
    code, _, err = run(["new", "nowhere/a.txt"], tmp_path)
    assert code == 2
    assert "cannot write nowhere/a.yaml: no such folder" in err
    assert list(tmp_path.iterdir()) == []


def test_a_pipe_as_article_is_refused_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "a.txt")
    code, _, err = run(["new", "a.txt"], tmp_path)
    assert code == 1
    assert err.startswith("newsquiz new: cannot read the article a.txt:")
    assert not (tmp_path / "a.yaml").exists()


def test_a_link_loop_as_article_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    code, _, err = run(["new", "a.txt"], tmp_path)
    assert code == 1
    assert "cannot read the article a.txt:" in err
    assert "Traceback" not in err


def test_an_article_over_four_mib_is_refused(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(ARTICLE.encode() * (4 * 1024 * 1024 // len(ARTICLE) + 2))
    code, _, err = run(["new", "big.txt"], tmp_path)
    assert code == 1
    assert "big.txt is larger than 4 MiB" in err
    assert not (tmp_path / "big.yaml").exists()


def test_an_output_name_the_system_refuses_is_said(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    name = "x" * 300 + ".yaml"  # longer than any file system allows a name to be
    code, _, err = run(["new", "a.txt", "-o", name], tmp_path)
    assert code == 1
    assert err.startswith(f"newsquiz new: cannot write {name}: ")
    assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_the_starting_bank_is_in_the_language_the_command_speaks(tmp_path: Path) -> None:
    """--language, else --lang, else the locale: the bank and the confirmation agree."""
    cases = [
        ({"LANG": "fr_FR.UTF-8"}, [], "fr", "écrit"),
        ({"LC_ALL": "fr_CA.UTF-8", "LANG": "en_US.UTF-8"}, [], "fr", "écrit"),
        ({"LANG": "en_US.UTF-8"}, [], "en", "Wrote"),
        ({}, [], "en", "Wrote"),
        ({"LANG": "fr_FR.UTF-8"}, ["--lang", "en"], "en", "Wrote"),
        ({"LANG": "en_US.UTF-8"}, ["--lang", "fr"], "fr", "écrit"),
        # --language names the bank's language; the messages follow --lang or the locale.
        ({"LANG": "fr_FR.UTF-8"}, ["--language", "en"], "en", "écrit"),
        ({"LANG": "en_US.UTF-8"}, ["--language", "fr", "--lang", "en"], "fr", "Wrote"),
    ]
    for number, (environ, options, language, said) in enumerate(cases):
        out, err = io.StringIO(), io.StringIO()
        env = Environment(
            stdin=io.StringIO(), stdout=out, stderr=err, environ=environ, cwd=tmp_path
        )
        name = f"t{number}.yaml"
        code = main(["new", "--template", "-o", name, *options], env)
        assert (code, err.getvalue()) == (0, ""), (environ, options)
        assert said in out.getvalue() and name in out.getvalue(), (environ, options)
        bank = (tmp_path / name).read_text(encoding="utf-8")
        assert f"\nlanguage: {language} " in bank, (environ, options)
        assert run(["check", name], tmp_path)[0] == 0
