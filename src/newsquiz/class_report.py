"""A class's results, summed up: scores per student, class figures, item analysis, tags.

Pure computation over :class:`~newsquiz.results_reading.SessionResult` (no I/O,
no printing). Definitions:

* A student's percentage is ``100 * max(score, 0) / max_score``, as the quiz shows it.
* Facility: the share of the available points earned on a question
  (``sum(max(points, 0)) / sum(max_points)``) over the sessions where it counted
  in the score: those that reached it, and every exam (an exam stopped early or
  out of time scores the questions it never reached as 0).
* Discrimination: the mean fraction of the question's points earned by the top
  27% of sessions ranked by total score, minus that of the bottom 27%. The
  groups hold ``round(0.27 * n)`` sessions (at least 1; half up), ties in score
  keep the order of the files. Undefined with fewer than 2 sessions, or when
  the question counted in no session of a group.
* Flags: facility above 0.9 (too easy), below 0.2 (too hard), discrimination
  below 0 (negative).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from newsquiz.reading import parse_date, parse_number
from newsquiz.results_reading import QuestionResult, SessionResult
from newsquiz.rounding import half_up
from newsquiz.text import normalize_text

GROUP_SHARE = 0.27
TOO_EASY = 0.9
TOO_HARD = 0.2
WRONG_ANSWERS_SHOWN = 5
HISTOGRAM_BINS = 10
TYPED = ("short", "number", "date")
PICKED = ("choice", "multi")


class Flag(str, Enum):
    TOO_EASY = "too_easy"
    TOO_HARD = "too_hard"
    NEGATIVE = "negative_discrimination"


@dataclass(frozen=True, kw_only=True)
class StudentRow:
    student: str | None
    path: str
    score: float
    max_score: float
    percent: float
    seconds: float | None
    started_at: str | None


@dataclass(frozen=True, kw_only=True)
class ClassFigures:
    """The class's figures; None where there is no session to take them from."""

    sessions: int
    mean: float | None = None
    median: float | None = None
    spread: float | None = None
    """Standard deviation of the percentages (population)."""
    lowest: float | None = None
    highest: float | None = None
    histogram: tuple[int, ...]
    """Sessions per tenth of the scale: 0-9%, 10-19%… 90-100%."""


@dataclass(frozen=True, kw_only=True)
class ChoiceCount:
    choice: str
    count: int


@dataclass(frozen=True, kw_only=True)
class WrongAnswer:
    text: str
    count: int
    blank: int | None = None
    """Cloze: the number of the blank (from 1)."""


@dataclass(frozen=True, kw_only=True)
class ItemRow:
    number: int
    id: str
    type: str
    prompt: str | None
    tags: tuple[str, ...]
    correct_answer: Any
    max_points: float
    reached: int
    skipped: int
    facility: float | None
    discrimination: float | None
    distractors: tuple[ChoiceCount, ...]
    wrong_answers: tuple[WrongAnswer, ...]
    flags: tuple[Flag, ...]


@dataclass(frozen=True, kw_only=True)
class TagRow:
    tag: str
    label: str
    """How the bank names the tag (its ``tag_labels``), else the tag itself."""
    questions: int
    responses: int
    accuracy: float | None


@dataclass(frozen=True, kw_only=True)
class BankReport:
    bank_id: str
    title: str
    language: str
    students: tuple[StudentRow, ...]
    figures: ClassFigures
    items: tuple[ItemRow, ...]
    tags: tuple[TagRow, ...]
    sessions: tuple[SessionResult, ...]


def build_reports(sessions: Sequence[SessionResult]) -> list[BankReport]:
    """One report per bank, banks in the order their first file came."""
    by_bank: dict[str, list[SessionResult]] = {}
    for session in sessions:
        by_bank.setdefault(session.bank_id, []).append(session)
    return [bank_report(group) for group in by_bank.values()]


def bank_report(sessions: Sequence[SessionResult]) -> BankReport:
    first = sessions[0]
    students = tuple(_student(s) for s in sessions)
    top, bottom = (_by_id(group) for group in discrimination_groups(sessions))
    counting = _records_by_question(sessions, counted_only=True)
    items = tuple(
        _item(number, qid, records, counting.get(qid, []), top, bottom)
        for number, (qid, records) in enumerate(_records_by_question(sessions).items(), start=1)
    )
    return BankReport(
        bank_id=first.bank_id,
        title=first.bank_title,
        language=first.bank_language,
        students=students,
        figures=class_figures([s.percent for s in students]),
        items=items,
        tags=tag_rows(sessions),
        sessions=tuple(sessions),
    )


def percent(score: float, max_score: float) -> float:
    return 100 * max(score, 0.0) / max_score if max_score > 0 else 0.0


def _student(session: SessionResult) -> StudentRow:
    return StudentRow(
        student=session.student,
        path=session.path,
        score=session.score,
        max_score=session.max_score,
        percent=percent(session.score, session.max_score),
        seconds=session.seconds,
        started_at=session.started_at.isoformat() if session.started_at else None,
    )


def class_figures(percents: Sequence[float]) -> ClassFigures:
    histogram = [0] * HISTOGRAM_BINS
    for value in percents:
        # The bar of the percentage the table shows: 9.78 % is shown 10 %, counted in 10-19 %.
        bar = half_up(value) * HISTOGRAM_BINS // 100
        histogram[min(max(bar, 0), HISTOGRAM_BINS - 1)] += 1
    if not percents:
        return ClassFigures(sessions=0, histogram=tuple(histogram))
    return ClassFigures(
        sessions=len(percents),
        mean=statistics.fmean(percents),
        median=statistics.median(percents),
        spread=statistics.pstdev(percents),
        lowest=min(percents),
        highest=max(percents),
        histogram=tuple(histogram),
    )


def group_size(count: int) -> int:
    return max(1, half_up(GROUP_SHARE * count))


def discrimination_groups(
    sessions: Sequence[SessionResult],
) -> tuple[list[SessionResult], list[SessionResult]]:
    """The top and bottom 27% by total score (empty when there are fewer than 2 sessions)."""
    size = group_size(len(sessions))
    if 2 * size > len(sessions):
        return [], []
    order = sorted(range(len(sessions)), key=lambda i: (-sessions[i].score, i))
    return [sessions[i] for i in order[:size]], [sessions[i] for i in order[-size:]]


def counted(session: SessionResult) -> list[QuestionResult]:
    """The records that count in the score: those reached, and all of an exam's."""
    exam = session.mode == "exam"
    return [q for q in session.questions if q.reached or exam]


def _records_by_question(
    sessions: Sequence[SessionResult], *, counted_only: bool = False
) -> dict[str, list[QuestionResult]]:
    """The records of each question (all, or those that count), in the bank's order."""
    listed = next((s.bank_questions for s in sessions if s.bank_questions is not None), ())
    found: dict[str, list[QuestionResult]] = {}
    for session in sessions:
        for record in counted(session) if counted_only else session.questions:
            found.setdefault(record.id, []).append(record)
    ordered = {qid: found[qid] for qid in listed if qid in found}
    ordered.update((qid, records) for qid, records in found.items() if qid not in ordered)
    return ordered


def earned(record: QuestionResult) -> float:
    """The fraction of the question's points earned (a penalty counts as nothing earned)."""
    return max(record.points, 0.0) / record.max_points if record.max_points > 0 else 0.0


def facility(records: Sequence[QuestionResult]) -> float | None:
    """Points earned over points available, on the records given (those that count)."""
    available = sum(r.max_points for r in records)
    if not records or available <= 0:
        return None
    return sum(max(r.points, 0.0) for r in records) / available


Group = Sequence[dict[str, QuestionResult]]
"""A group of sessions, each as its records by question id."""


def _by_id(sessions: Sequence[SessionResult]) -> Group:
    return [{q.id: q for q in counted(session)} for session in sessions]


def _group_mean(group: Group, qid: str) -> float | None:
    found = (records.get(qid) for records in group)
    fractions = [earned(q) for q in found if q is not None]
    return statistics.fmean(fractions) if fractions else None


def discrimination(qid: str, top: Group, bottom: Group) -> float | None:
    high, low = _group_mean(top, qid), _group_mean(bottom, qid)
    return None if high is None or low is None else high - low


def flags(easy: float | None, spread: float | None) -> tuple[Flag, ...]:
    found = []
    if easy is not None and easy > TOO_EASY:
        found.append(Flag.TOO_EASY)
    if easy is not None and easy < TOO_HARD:
        found.append(Flag.TOO_HARD)
    if spread is not None and spread < 0:
        found.append(Flag.NEGATIVE)
    return tuple(found)


def _item(
    number: int,
    qid: str,
    records: Sequence[QuestionResult],
    counting: Sequence[QuestionResult],
    top: Group,
    bottom: Group,
) -> ItemRow:
    model = next((r for r in records if r.prompt is not None), records[0])
    share = facility(counting)
    index = discrimination(qid, top, bottom)
    answered = [r for r in records if r.reached and not r.skipped and r.response is not None]
    return ItemRow(
        number=number,
        id=qid,
        type=model.type,
        prompt=model.prompt,
        tags=model.tags,
        correct_answer=model.correct_answer,
        max_points=model.max_points,
        reached=sum(r.reached for r in records),
        skipped=sum(r.skipped for r in records),
        facility=share,
        discrimination=index,
        distractors=distractor_counts(model.type, records, answered),
        wrong_answers=wrong_answers(model.type, answered),
        flags=flags(share, index),
    )


def _picked(record: QuestionResult) -> list[str]:
    """The choices a response picked; a first-form multi response is text joined by ';'."""
    response = record.response
    if isinstance(response, list):
        return [str(r) for r in response]
    if isinstance(response, str):
        return [response] if record.type == "choice" else [p.strip() for p in response.split(";")]
    return []


def _right_choices(records: Sequence[QuestionResult]) -> set[str] | None:
    for record in records:
        answer = record.correct_answer
        if isinstance(answer, str):
            return {answer}
        if isinstance(answer, list):
            return {str(a) for a in answer}
    # First-form files name no correct answer: the fully right responses show it.
    right = [set(_picked(r)) for r in records if r.correct and r.response is not None]
    return right[0] if right else None


def distractor_counts(
    kind: str, records: Sequence[QuestionResult], answered: Sequence[QuestionResult]
) -> tuple[ChoiceCount, ...]:
    """How many responses picked each wrong choice, in the bank's order of the choices."""
    if kind not in PICKED:
        return ()
    right = _right_choices(records)
    if right is None:
        return ()
    choices = list(dict.fromkeys(c for r in records for c in r.choices))
    picks = Counter(choice for r in answered for choice in set(_picked(r)))
    if any(r.choices for r in records):
        return tuple(ChoiceCount(choice=c, count=picks[c]) for c in choices if c not in right)
    seen = [c for c in picks if c not in right]
    return tuple(ChoiceCount(choice=c, count=picks[c]) for c in seen)


def _loose(text: str) -> str:
    return " ".join(text.split()).casefold()


def _same_number(text: str) -> str:
    """2,5 and 2.5 are one answer; text that is not a number is compared as text."""
    value = parse_number(text)
    return _loose(text) if value is None else repr(value)


def _same_date(text: str) -> str:
    """23/06/2025 and 23 June 2025 are one answer."""
    value = parse_date(text)
    return _loose(text) if value is None else value.isoformat()


_SAME_ANSWER: dict[str, Callable[[str], str]] = {
    "short": normalize_text,
    "number": _same_number,
    "date": _same_date,
}


def _most_common(
    typed: Iterable[tuple[int | None, str]], key: Callable[[str], str]
) -> tuple[WrongAnswer, ...]:
    """Group equal answers (by ``key``), show each group by its most frequent spelling."""
    groups: dict[tuple[int | None, str], Counter[str]] = {}
    for blank, text in typed:
        if text.strip():
            groups.setdefault((blank, key(text) or _loose(text)), Counter())[text.strip()] += 1
    ranked = sorted(groups.items(), key=lambda entry: -entry[1].total())
    return tuple(
        WrongAnswer(text=spellings.most_common(1)[0][0], count=spellings.total(), blank=blank)
        for (blank, _), spellings in ranked[:WRONG_ANSWERS_SHOWN]
    )


def wrong_answers(kind: str, answered: Sequence[QuestionResult]) -> tuple[WrongAnswer, ...]:
    """The most common wrong typed answers (short, number, date, and each blank of a cloze)."""
    if kind in TYPED:
        typed = [
            (None, r.response) for r in answered if not r.correct and isinstance(r.response, str)
        ]
        return _most_common(typed, _SAME_ANSWER[kind])
    if kind == "cloze":
        return _most_common(
            (blank for r in answered if not r.correct for blank in _wrong_blanks(r)),
            normalize_text,
        )
    return ()


def _wrong_blanks(record: QuestionResult) -> list[tuple[int | None, str]]:
    response = record.response
    typed = response.split(" | ") if isinstance(response, str) else response
    if not isinstance(typed, list):
        return []
    expected = record.correct_answer if isinstance(record.correct_answer, list) else []
    wrong: list[tuple[int | None, str]] = []
    for index, text in enumerate(typed):
        if index < len(record.parts):
            right = record.parts[index]
        elif index < len(expected):
            right = normalize_text(str(text)) == normalize_text(str(expected[index]))
        else:
            right = False
        if not right:
            wrong.append((index + 1, str(text)))
    return wrong


def tag_rows(sessions: Sequence[SessionResult]) -> tuple[TagRow, ...]:
    """Accuracy per tag: points earned over points available, on the records that count."""
    earned_points: dict[str, float] = defaultdict(float)
    available: dict[str, float] = defaultdict(float)
    responses: dict[str, int] = defaultdict(int)
    questions: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, str] = {}
    for session in sessions:
        for tag, label in session.tag_labels:
            labels.setdefault(tag, label)
        exam = session.mode == "exam"
        for record in session.questions:
            counts = record.reached or exam
            gain = max(record.points, 0.0)
            for tag in record.tags:
                questions[tag].add(record.id)
                responses[tag] += record.reached
                if counts:
                    earned_points[tag] += gain
                    available[tag] += record.max_points
    return tuple(
        TagRow(
            tag=tag,
            label=labels.get(tag, tag),
            questions=len(questions[tag]),
            responses=responses[tag],
            accuracy=earned_points[tag] / available[tag] if available[tag] else None,
        )
        for tag in sorted(questions)
    )
