"""Every key the code asks for is in every locale, and every key of a locale is used.

The source is scanned for string literals. A key built at run time (an f-string
such as ``f"report.flag.{flag.value}"``) must belong to a family declared below,
with the values it can take: a new family fails the test until it is declared.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsquiz.class_report import Flag
from newsquiz.interface.class_report_view import ITEM_COLUMNS, STUDENT_COLUMNS, TAG_COLUMNS
from newsquiz.interface.report_exports import CSV_COLUMNS
from newsquiz.interface.theme import STYLES
from newsquiz.loader_texts import TERMS
from newsquiz.locales import LANGUAGES, catalogue
from newsquiz.model import DatePrecision, QuestionType
from newsquiz.results_reading import Refusal
from newsquiz.yaml_syntax import KINDS as SYNTAX_KINDS

SOURCE = Path(__file__).parents[1] / "src" / "newsquiz"
KEY = re.compile(r"^[a-z][a-z_]*(\.[a-z0-9_]+)+$")
PLURAL = ("one", "other")


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _literals(folder: Path = SOURCE) -> set[str]:
    """Whole string literals (not the pieces of f-strings)."""
    found: set[str] = set()
    for path in folder.rglob("*.py"):
        tree = _tree(path)
        pieces = {
            id(value)
            for node in ast.walk(tree)
            if isinstance(node, ast.JoinedStr)
            for value in node.values
        }
        found |= {
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in pieces
        }
    return found


def _built_keys() -> Iterator[tuple[str, str]]:
    """(file, literal start) of every f-string that starts like a message key."""
    namespaces = {key.split(".")[0] for key in catalogue("en")}
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.JoinedStr) and node.values:
                first = node.values[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    start = first.value
                    if "." in start and start.split(".")[0] in namespaces and " " not in start:
                        yield path.name, start


# An import or export names what it could not keep by a key of its own
# (``skip.braces``), which the command says as ``interchange.skip.braces``.
NOTICE = re.compile(r"^(error|skip|kept|aiken|export\.kept|export\.skip)\.[a-z0-9_]+$")


def _interchange_keys() -> set[str]:
    keys = catalogue("en")
    return {text for text in _literals() if NOTICE.match(text) and text not in keys}


def _command_texts() -> set[str]:
    """Each command's help texts: ``help.<name>.summary``, ``.description``, ``.epilog``."""
    from newsquiz.cli import build_parser

    (commands,) = [a for a in build_parser()._actions if a.dest == "command"]
    assert isinstance(commands.choices, dict)
    return {f"{name}.{text}" for name in commands.choices for text in COMMAND_TEXTS}


COMMAND_TEXTS = ("summary", "description", "epilog")

# Keys built at run time: the start of the key, and every ending it can have.
FAMILIES: dict[str, Callable[[], set[str]]] = {
    "help.": _command_texts,
    "term.": lambda: {*TERMS, *(f"a {t.value} question" for t in QuestionType)},
    "report.csv.": lambda: set(CSV_COLUMNS),
    "report.col.": lambda: {*STUDENT_COLUMNS, *ITEM_COLUMNS, *TAG_COLUMNS},
    "report.refusal.": lambda: {reason.value for reason in Refusal},
    "report.flag.": lambda: {flag.value for flag in Flag},
    "files.skipped_": lambda: {"unreadable", "outside", "not_regular"},
    "ask.date_": lambda: {precision.value for precision in DatePrecision},
    "report.written_": lambda: {"csv", "html"},
    "interchange.": _interchange_keys,
    "check.summary.": lambda: set(PLURAL),
    "yaml_syntax.": lambda: set(SYNTAX_KINDS),
    "format.month.": lambda: {str(month) for month in range(1, 13)},
    "word.": lambda: {
        f"{noun}.{form}"
        for noun in ("point", "question", "answer", "session", "bank", "error", "warning", "file")
        for form in PLURAL
    },
}


def _family_keys() -> set[str]:
    return {start + end for start, ends in FAMILIES.items() for end in ends()}


def test_every_key_built_at_run_time_belongs_to_a_declared_family() -> None:
    undeclared = {
        (name, start)
        for name, start in _built_keys()
        if not any(start.startswith(family) for family in FAMILIES)
    }
    assert not undeclared, "declare these in FAMILIES, with the endings they can take"


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_key_of_a_family_is_in_the_locale(language: str) -> None:
    assert sorted(_family_keys() - set(catalogue(language))) == []


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_key_the_code_names_is_in_the_locale(language: str) -> None:
    """A literal shaped like a key of a known group must be a key: a typo fails here,
    not as an internal error in front of a learner."""
    messages = catalogue(language)
    namespaces = {key.split(".")[0] for key in messages}
    interchange = _interchange_keys()
    # `newsquiz new` words its drafts in the article's language with keys of its own
    # (drafting/phrasing.py), next to the code that reads articles in that language.
    drafting = _literals(SOURCE / "drafting")
    missing = {
        text
        for text in _literals() - drafting
        if KEY.match(text)
        and text.split(".")[0] in namespaces
        and text not in messages
        and text not in interchange
        and text not in STYLES
    }
    assert sorted(missing) == []


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_key_of_the_locale_is_used(language: str) -> None:
    used = _literals() | _family_keys()
    assert sorted(set(catalogue(language)) - used) == []


def test_no_code_outside_the_locales_branches_on_a_language() -> None:
    """What differs between languages is in the locales (messages or grammar), so that
    a third language is a data file and a line in the registry. `newsquiz new` reads
    articles with a vocabulary of its own, per language, and is left out."""
    codes = "|".join(LANGUAGES)
    branch = re.compile(
        rf"""[=!]= ["'](?:{codes})["']|["'](?:{codes})["'] [=!]=|\(["'](?:{codes})["'], ["'](?:{codes})["']"""
    )
    found = [
        f"{path.relative_to(SOURCE)}:{number}"
        for path in SOURCE.rglob("*.py")
        if not path.is_relative_to(SOURCE / "drafting")
        and not path.is_relative_to(SOURCE / "locales")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if branch.search(line)
    ]
    assert found == []
