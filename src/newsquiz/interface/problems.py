"""A loader's problem said in the reader's language: `check` lists them, and
`play`, `review` and `export` show them when a bank they were given does not load."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsquiz.diagnostics import Problem
    from newsquiz.interface.messages import Messages


def localized(problem: Problem, say: Messages) -> Problem:
    """The same problem, its message taken from the catalogue when it has a key."""
    if not problem.key:
        return problem
    from newsquiz.loader_texts import figures

    values = {
        name: _term(value, say) if name in ("what", "found") else value
        for name, value in figures(problem.values, say).items()
    }
    return replace(problem, message=say(problem.key, **values))


def _term(words: str, say: Messages) -> str:
    """The loader's words for a field (`the prompt`) in the reader's language, when known."""
    key = f"term.{words}"
    return say(key) if say.knows(key) else words
