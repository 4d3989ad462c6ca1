"""Feedback that names the mistake: which picks, pairs, positions or spellings.

Pure functions from a question, the response and its grade to sentences; the
play view prints them under the verdict.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from newsquiz.grading import Grade, Response
from newsquiz.interface.messages import Messages
from newsquiz.locales import grammar
from newsquiz.model import MatchQuestion, MultiQuestion, OrderQuestion, Question


def mistake_notes(question: Question, response: Response, grade: Grade, say: Messages) -> list[str]:
    """What was wrong in a multi, match or order response (nothing when right or skipped)."""
    if grade.correct or response is None:
        return []
    if isinstance(question, MultiQuestion) and isinstance(response, Collection):
        return _multi_notes(question, {str(r) for r in response}, say)
    if isinstance(question, MatchQuestion) and isinstance(response, Mapping):
        return _match_notes(question, response, say)
    if isinstance(question, OrderQuestion):
        return [_order_note(grade.parts, say)]
    return []


def _multi_notes(question: MultiQuestion, picked: set[str], say: Messages) -> list[str]:
    separator = say("answer.list_sep")
    extra = [c for c in question.choices if c in picked and c not in question.answers]
    missed = [c for c in question.choices if c in question.answers and c not in picked]
    notes = []
    if extra:
        notes.append(say("feedback.also_ticked", choices=separator.join(extra)))
    if missed:
        notes.append(say("feedback.not_ticked", choices=separator.join(missed)))
    return notes


def _match_notes(question: MatchQuestion, chosen: Mapping[str, str], say: Messages) -> list[str]:
    wrong = [
        say("feedback.pair", left=left, right=chosen.get(left) or say("answer.none"))
        for left, right in question.pairs
        if chosen.get(left) != right
    ]
    if not wrong:
        return []
    return [say("feedback.wrong_pairs", pairs=say("answer.list_sep").join(wrong))]


def _order_note(parts: tuple[bool, ...], say: Messages) -> str:
    right = [str(position) for position, placed in enumerate(parts, start=1) if placed]
    if not right:
        return say("feedback.order_none")
    return say("feedback.order_right", positions=", ".join(right), count=len(parts))


def spelling_notes(grade: Grade, bank_language: str, say: Messages) -> list[str]:
    """A forgiven typo names the bank's spelling; in a French bank, an answer accepted
    without its accents says how it is written."""
    notes: list[str] = []
    for spelling in (grade.near_miss, *grade.near_misses):
        if spelling:
            notes.append(say("feedback.near_miss", spelling=spelling))
    language = grammar(bank_language)
    if language is not None and language.notes_missing_accents:
        for spelling in grade.accents:
            if spelling:
                notes.append(say("feedback.accents", spelling=spelling))
    return notes
