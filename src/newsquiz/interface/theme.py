"""Named styles: code says what a piece of text is, the theme says how it looks."""

from __future__ import annotations

from rich.theme import Theme

STYLES = {
    "quiz.title": "bold",
    "quiz.progress": "dim",
    "quiz.prompt": "bold",
    "quiz.choice.number": "cyan",
    "quiz.instruction": "dim",
    "quiz.correct": "bold green",
    "quiz.partial": "bold yellow",
    "quiz.wrong": "bold red",
    "quiz.answer": "bold",
    "quiz.explanation": "",
    "quiz.evidence": "italic",
    "quiz.context": "",
    "quiz.source": "dim",
    "quiz.hint": "magenta",
    "quiz.points": "cyan",
    "quiz.bar": "green",
    "quiz.bar.empty": "dim",
    "check.ok": "bold green",
    "check.error": "bold red",
    "check.warning": "yellow",
    "check.location": "bold",
    "list.id": "cyan",
    "error": "bold red",
}

THEME = Theme(STYLES)
