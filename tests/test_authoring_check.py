"""`check` for teachers: evidence against the article, lint, YAML hints, French and English."""

from __future__ import annotations

import datetime as dt
import io
import textwrap
from pathlib import Path

import pytest

from newsquiz.cli import main
from newsquiz.context import Environment

REPO = Path(__file__).resolve().parents[1]
SEED_ARTICLE = REPO.parent / "shared" / "articles" / "goita-kremlin-2025.fr.txt"
ARTICLE = "Le général a été reçu lundi 23 juin 2025 au Kremlin par le président russe.\n"


def run(
    argv: list[str], cwd: Path, environ: dict[str, str] | None = None, today: str = "2025-07-01"
) -> tuple[int, str]:
    out = io.StringIO()
    now = dt.datetime.fromisoformat(today + "T12:00:00+00:00")
    env = Environment(
        stdout=out, stderr=io.StringIO(), cwd=cwd, environ=environ or {}, clock=lambda: now
    )
    return main(argv, env), out.getvalue()


def bank(tmp_path: Path, questions: str, name: str = "b.yaml", header: str = "") -> Path:
    text = (
        "newsquiz: 1\nid: b\ntitle: B\nlanguage: fr\n"
        + header
        + "questions:\n"
        + textwrap.dedent(questions)
    )
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


ONE = """\
  - id: q
    type: short
    prompt: "Qui l'a reçu ?"
    answer: "président russe"
    explanation: "x"
    evidence:
      - "reçu lundi 23 juin 2025"
      - "au  Kremlin par le président russe"
"""


def test_evidence_found_after_folding_spaces_and_quote_marks(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    bank(tmp_path, ONE)
    code, out = run(["check", "--strict", "--article", "a.txt", "b.yaml"], tmp_path)
    assert code == 0, out


def test_a_quote_not_in_the_article_is_an_error_at_its_line_naming_the_closest_passage(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    bank(tmp_path, ONE.replace("au  Kremlin par", "au Kremlin reçu par"))
    code, out = run(["check", "--article", "a.txt", "b.yaml"], tmp_path)
    assert code == 1
    assert "b.yaml:13:7: error:" in out
    assert "Kremlin par le président russe" in out


def test_source_file_is_read_relative_to_the_bank(tmp_path: Path) -> None:
    (tmp_path / "quizzes" / "articles").mkdir(parents=True)
    (tmp_path / "quizzes" / "articles" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    bank(
        tmp_path / "quizzes",
        ONE.replace("reçu lundi", "reçu mardi"),
        header="source: {file: articles/a.txt}\n",
    )
    code, out = run(["check", "quizzes/b.yaml"], tmp_path)
    assert code == 1 and "quizzes/b.yaml:13:7: error:" in out


def test_source_file_out_of_the_banks_folder_is_never_read(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    bank(
        tmp_path / "quizzes",
        ONE.replace("reçu lundi", "reçu mardi"),
        header="source: {file: ../articles/a.txt}\n",
    )
    code, out = run(["check", "quizzes/b.yaml"], tmp_path)
    assert code == 0 and "not in the article" not in out
    code, out = run(["check", "--article", "articles/a.txt", "quizzes/b.yaml"], tmp_path)
    assert code == 1 and "not in the article" in out


def test_an_answer_found_nowhere_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    bank(tmp_path, ONE.replace('answer: "président russe"', 'answer: "Africa Corps"'))
    code, out = run(["check", "--article", "a.txt", "b.yaml"], tmp_path)
    assert code == 0 and "“Africa Corps”" in out and "warning" in out


@pytest.mark.skipif(
    not SEED_ARTICLE.exists(), reason="the seed article is in ../shared, absent here"
)
def test_the_seed_bank_against_its_article_and_a_tampered_copy(tmp_path: Path) -> None:
    code, out = run(
        [
            "check",
            "--article",
            str(SEED_ARTICLE),
            str(REPO / "quizzes" / "goita-kremlin-2025.fr.yaml"),
        ],
        tmp_path,
    )
    assert code == 0, out
    seed = (REPO / "quizzes" / "goita-kremlin-2025.fr.yaml").read_text(encoding="utf-8")
    lines = seed.split("\n")
    target = next(
        i for i, line in enumerate(lines) if "Arrivé la veille dans la capitale russe" in line
    )
    lines[target] = lines[target].replace("Arrivé la veille", "Il cède sa place")
    (tmp_path / "t.yaml").write_text("\n".join(lines), encoding="utf-8")
    code, out = run(["check", "--article", str(SEED_ARTICLE), "t.yaml"], tmp_path)
    assert code == 1
    assert f"t.yaml:{target + 1}:" in out and "Arrivé la veille dans la capitale russe" in out


def choice(qid: str, answer: str, choices: str, prompt: str = "Qui ?", extra: str = "") -> str:
    return f"""\
  - id: {qid}
    type: choice
    prompt: "{prompt}"
    choices: [{choices}]
    answer: "{answer}"
    explanation: "x"
{extra}"""


@pytest.mark.parametrize(
    ("questions", "needle"),
    [
        (
            choice(
                "a",
                "Vladimir Poutine",
                "Vladimir Poutine, Sergueï Lavrov",
                prompt="Vladimir Poutine a-t-il reçu Goïta ?",
            ),
            "own prompt",
        ),
        (
            choice("a", "Vladimir Poutine", "Vladimir Poutine, Sergueï Lavrov")
            + choice("b", "Bamako", "Bamako, Dakar", prompt="Où Vladimir Poutine est-il allé ?"),
            "prompt of question `b`",
        ),
        (choice("a", "Oui", "Oui, Non") + choice("b", "Oui", "Oui, Non"), "repeats question `a`"),
        # Two choices the same once folded are a loader error now (issue 8, item 21):
        # see test_hostile_banks.py.
        (
            choice("a", "Xa", "Xa, B, C")
            + choice("b", "Ya", "Ya, B, C", prompt="Q2")
            + choice("c", "Za", "Za, B, C", prompt="Q3"),
            "choice 1 in 3 of the 3",
        ),
        (
            choice("a", "Ba", "A, Ba, C", prompt="Q1")
            + choice("b", "Bbb", "Bbb, A", prompt="Q2")
            + choice("c", "Bcc", "A, Bcc", prompt="Q3"),
            "longest choice in 3 of the 3",
        ),
        (choice("a", "A", "A, B", extra="    as_of: 2020-01-01\n"), "more than a year ago"),
    ],
    ids=["own-prompt", "leak", "duplicate", "position", "longest", "outdated"],
)
def test_each_lint_rule_warns_and_fails_with_strict(
    tmp_path: Path, questions: str, needle: str
) -> None:
    bank(tmp_path, questions)
    code, out = run(["check", "b.yaml"], tmp_path)
    assert code == 0 and needle in out, out
    assert run(["check", "--strict", "b.yaml"], tmp_path)[0] == 1


def test_outdated_follows_the_clock(tmp_path: Path) -> None:
    bank(tmp_path, choice("a", "A", "A, B", extra="    as_of: 2025-01-01\n"))
    assert "year ago" not in run(["check", "b.yaml"], tmp_path, today="2025-06-01")[1]
    assert "year ago" in run(["check", "b.yaml"], tmp_path, today="2026-06-01")[1]


HEADER = "newsquiz: 1\nid: b\ntitle: B\nlanguage: fr\nquestions:\n  - id: a\n"


@pytest.mark.parametrize(
    ("body", "line", "needle"),
    [
        (
            "    type: truefalse\n    prompt: Vrai ou faux : oui\n    answer: true\n",
            8,
            'prompt: "Vrai ou faux : oui"',
        ),
        (
            '    type: truefalse\n    prompt: "Vrai ou faux\n    answer: true\n',
            10,
            "line 8 is never closed",
        ),
        ("    type: choice\n    choices: [a, b\n    answer: a\n", 9, "End it with `]`"),
        ("\ttype: truefalse\n", 7, "spaces only"),
        ('    type: truefalse\n      prompt: "x"\n', 8, "not indented like"),
    ],
    ids=["colon", "quote", "bracket", "tab", "indent"],
)
def test_yaml_errors_are_explained_with_what_to_write(
    tmp_path: Path, body: str, line: int, needle: str
) -> None:
    (tmp_path / "b.yaml").write_text(HEADER + body, encoding="utf-8")
    code, out = run(["check", "b.yaml"], tmp_path)
    assert code == 1
    assert f"b.yaml:{line}:" in out and needle in out, out


def test_text_cut_by_a_comment_is_a_warning_with_the_quoted_form(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text(
        HEADER
        + '    type: truefalse\n    prompt: Le numéro #1 ?\n    explanation: "x"\n    answer: true\n',
        encoding="utf-8",
    )
    code, out = run(["check", "b.yaml"], tmp_path)
    assert code == 0 and 'prompt: "Le numéro #1 ?"' in out


def test_a_repeated_id_is_reported_with_the_other_errors(tmp_path: Path) -> None:
    bank(
        tmp_path,
        choice("a", "A", "A, B").replace('answer: "A"', 'answer: "Z"')
        + choice("a", "A", "A, B", prompt="Q2"),
    )
    code, out = run(["check", "b.yaml"], tmp_path)
    assert code == 1
    assert "not one of the choices" in out and "already used at line 6" in out


@pytest.mark.parametrize(
    ("environ", "argv", "expected"),
    [
        ({"LANG": "fr_FR.UTF-8"}, [], "Mettez le texte entre guillemets"),
        ({"LC_ALL": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"}, [], "Mettez le texte entre guillemets"),
        ({"LANG": "fr_FR.UTF-8"}, ["--lang", "en"], "Put the text in quotes"),
        ({}, [], "Put the text in quotes"),
    ],
)
def test_check_speaks_the_teachers_language(
    tmp_path: Path, environ: dict[str, str], argv: list[str], expected: str
) -> None:
    (tmp_path / "b.yaml").write_text(
        HEADER + "    type: truefalse\n    prompt: Vrai ou faux : oui\n", encoding="utf-8"
    )
    assert expected in run(["check", *argv, "b.yaml"], tmp_path, environ)[1]


def test_draft_warnings_in_french(tmp_path: Path) -> None:
    bank(tmp_path, choice("a", "A", "A, B", extra="    draft: true\n"))
    code, out = run(["check", "--lang", "fr", "b.yaml"], tmp_path)
    assert code == 0 and "est un brouillon" in out
    assert run(["check", "--strict", "b.yaml"], tmp_path)[0] == 1


def test_the_readme_example_uses_quoted_prompts() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert '    prompt: "Who received Assimi Goïta at the Kremlin?"' in readme


def test_the_loaders_common_messages_in_french_and_english(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text(
        "newsquiz: 1\nid: b\ntitle: T\nlanguage: en\nquestoins: []\nquestions:\n"
        '  - {id: q, type: truefalse, promt: "x", answer: yes}\n'
        '  - {id: q, type: chioce, prompt: "", answer: yes}\n',
        encoding="utf-8",
    )
    english = run(["check", "--lang", "en", "b.yaml"], tmp_path)[1]
    french = run(["check", "--lang", "fr", "b.yaml"], tmp_path)[1]
    for expected in (
        "unknown field `questoins` in the bank: did you mean `questions`?",
        "a truefalse question is missing the required field `prompt`",
        "question id `q` is already used at line 7",
        "the prompt is empty",
        "1 bank checked: 7 errors, 1 warning",
    ):
        assert expected in english
    for expected in (
        "erreur : champ inconnu `questoins` dans la banque : vouliez-vous dire `questions` ?",
        "il manque à une question truefalse le champ obligatoire `prompt`",
        "la réponse d’une question truefalse doit être true ou false",
        "l’identifiant de question `q` est déjà utilisé à la ligne 7",
        "l’énoncé est vide",
        "avertissement : la question `q` n’a pas d’explication",
        "1 banque vérifiée : 7 erreurs, 1 avertissement",
    ):
        assert expected in french


def test_more_loader_messages_in_french(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text(
        "newsquiz: 1\nid: B b\ntitle: T\nlanguage: en\nquestions:\n"
        '  - {id: q, type: choice, prompt: "x", explanation: "y", choices: [a, b], answer: c}\n'
        '  - {id: r, type: number, prompt: "x", explanation: "y", answer: "2,5"}\n',
        encoding="utf-8",
    )
    french = run(["check", "--lang", "fr", "b.yaml"], tmp_path)[1]
    assert "ne doit contenir que des minuscules, des chiffres et des tirets, comme `b-b`" in french
    assert "la réponse `c` ne fait pas partie des choix (`a`, `b`)" in french
    assert "la réponse doit être un nombre écrit avec un point décimal, comme `2.5`" in french
