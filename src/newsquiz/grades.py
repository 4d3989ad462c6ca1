"""What grading hands back, and the arithmetic every question type's grading shares.

Each type grades itself in its module of :mod:`newsquiz.questions`;
:func:`newsquiz.grading.grade` picks the module. No learner-facing text here.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from newsquiz.model import Question

Response = str | bool | Collection[str] | Mapping[str, str] | Sequence[str] | None


@dataclass(frozen=True)
class Grade:
    """What a response earned, as plain data for the interface to word."""

    fraction: float
    """Share of the question earned, 0..1, before the hint and negative marking."""
    points: float
    """Points earned after hint halving and negative marking, rounded to 2 decimals.
    Negative only with negative marking."""
    max_points: float
    """The question's points."""
    correct: bool
    """Fully right (``fraction == 1``); stays true when a hint halved the points."""
    near_miss: str | None = None
    """Short answers accepted thanks to the typo budget: the spelling to show."""
    parts: tuple[bool, ...] = ()
    """Per-part correctness for feedback: multi, one per choice in ``choices``
    order (ticked exactly when it should be); order, one per item in the right
    order (at its right place); match, one per pair; cloze, one per blank; date,
    year/month/day up to the answer's precision."""
    near_misses: tuple[str | None, ...] = ()
    """Cloze only: per blank, the spelling to show when a typo was forgiven."""
    accents: tuple[str | None, ...] = ()
    """Short (one entry) and cloze (one per blank): the spelling accepted though it
    was typed without its accents (``bilaterale`` for ``bilatérale``), else None."""


def finish(
    question: Question,
    fraction: float,
    *,
    hint_used: bool,
    penalty: float = 0.0,
    parts: tuple[bool, ...] = (),
    near_miss: str | None = None,
    near_misses: tuple[str | None, ...] = (),
    accents: tuple[str | None, ...] = (),
) -> Grade:
    fraction = min(1.0, max(0.0, fraction))
    earned = fraction * question.points
    if hint_used:
        earned /= 2
    points = -penalty if penalty else earned
    return Grade(
        fraction=fraction,
        # Adding 0.0 turns a rounded -0.0 into 0.0.
        points=round(points, 2) + 0.0,
        max_points=question.points,
        correct=fraction >= 1.0,
        near_miss=near_miss,
        parts=parts,
        near_misses=near_misses,
        accents=accents,
    )


def share(good: int, total: int) -> float:
    return 1.0 if total == 0 else good / total


def credit(fraction: float, *, partial: bool) -> float:
    """With ``partial: false`` a question is all or nothing."""
    return fraction if partial or fraction >= 1.0 else 0.0


def skipped(question: Question, parts: int = 0) -> Grade:
    return Grade(
        fraction=0.0,
        points=0.0,
        max_points=question.points,
        correct=False,
        parts=(False,) * parts,
    )


def grade_pick(
    question: Question, right: bool | None, choice_count: int, *, hint_used: bool, negative: bool
) -> Grade:
    """One pick among ``choice_count``, all or nothing (``right`` is None: skipped)."""
    if right is None:
        return skipped(question)
    penalty = 0.0
    if negative and not right and choice_count > 1:
        penalty = question.points / (choice_count - 1)
    return finish(question, 1.0 if right else 0.0, hint_used=hint_used, penalty=penalty)


def as_text(response: Response, question: Question) -> str | None:
    if response is None or isinstance(response, str):
        return response
    raise TypeError(f"a {question.type.value} question takes a str, got {response!r}")


def as_bool(response: Response, question: Question) -> bool | None:
    if response is None or isinstance(response, bool):
        return response
    raise TypeError(f"a {question.type.value} question takes a bool, got {response!r}")


def as_texts(response: Response, question: Question) -> Sequence[str] | None:
    # A bare str is a collection of characters: accepting it would grade
    # "Paris" as the picks P, a, r, i, s.
    if response is None:
        return None
    if isinstance(response, Collection) and not isinstance(response, (str, Mapping)):
        texts = list(response)
        if all(isinstance(text, str) for text in texts):
            return texts
    raise TypeError(f"a {question.type.value} question takes a collection of str, got {response!r}")


def as_mapping(response: Response, question: Question) -> Mapping[str, str] | None:
    if response is None or isinstance(response, Mapping):
        return response
    raise TypeError(f"a {question.type.value} question takes a mapping, got {response!r}")
