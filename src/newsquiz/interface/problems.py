"""A problem found in a bank, said in the user's language.

The loader, the lint and the grounding write each problem in English and keep
its message key and values; here it is said again with the session's locale.
"""

from __future__ import annotations

from dataclasses import replace

from newsquiz.diagnostics import Problem
from newsquiz.interface.messages import Messages


def localize(problem: Problem, say: Messages) -> Problem:
    """The problem with its message in ``say``'s language (as it was, without a key)."""
    if not problem.key:
        return problem
    values = {
        name: term(value, say) if name in ("what", "found") else value
        for name, value in problem.values
    }
    return replace(problem, message=say(problem.key, **values))


def term(words: str, say: Messages) -> str:
    """The loader's words for a field (`the prompt`) in the language of ``say``, when known."""
    key = f"term.{words}"
    return say(key) if say.knows(key) else words
