"""What makes a bank unfair to learners, found without reading the article.

Each rule returns findings (a question, a key of the message catalogue and its
values); `check` turns them into warnings, and `--strict` into failures.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newsquiz.folding import fold
from newsquiz.model import (
    Bank,
    Blank,
    ChoiceQuestion,
    ClozeQuestion,
    DatePrecision,
    DateQuestion,
    MultiQuestion,
    Question,
    ShortQuestion,
)

MIN_LEAK_LENGTH = 5
# Longer answers are not looked for in prompts: a search for a long answer in a
# long prompt of repeated letters would take time in the product of the two.
MAX_LEAK_LENGTH = 200
# Places an answer is tried at in one prompt (each a whole-word check).
MAX_LEAK_TRIES = 1000
MIN_CHOICE_QUESTIONS = 3
STALE_AFTER = dt.timedelta(days=365)


@dataclass(frozen=True)
class Finding:
    question: Question | None  # None: about the whole bank
    key: str
    values: tuple[tuple[str, str], ...] = ()


def lint(bank: Bank, today: dt.date) -> list[Finding]:
    findings: list[Finding] = []
    findings += answers_in_own_prompt(bank.questions)
    findings += [
        Finding(q, "lint.leak", (("other", o.id), ("answer", a)))
        for q, o, a in leaks(bank.questions)
    ]
    findings += duplicates(bank.questions)
    findings += duplicate_choices(bank.questions)
    findings += answer_patterns(bank.questions)
    findings += outdated(bank, today)
    return findings


def hidden_answers(question: Question) -> tuple[str, ...]:
    """What a learner must find, and so must not read elsewhere: long enough to give it away."""
    found: tuple[str, ...] = ()
    match question:
        case ChoiceQuestion():
            found = (question.answer,)
        case ShortQuestion():
            found = (question.answer, *question.accept)
        case ClozeQuestion():
            found = tuple(a for blank in question.blanks for a in blank.answers)
        case DateQuestion() if question.answer.precision is DatePrecision.YEAR:
            found = (str(question.answer.year),)
        case _:
            found = ()
    return tuple(
        a
        for a in found
        if MIN_LEAK_LENGTH <= len(fold(a)) <= MAX_LEAK_LENGTH or re.fullmatch(r"\d{4}", a)
    )


def shown(question: Question) -> str:
    """What the learner reads before answering, folded: the prompt, a cloze's text without its answers."""
    parts = [question.prompt]
    if isinstance(question, ClozeQuestion):
        parts += ["___" if isinstance(s, Blank) else s for s in question.segments]
    return " " + fold(" ".join(parts)) + " "


def contains(text: str, answer: str) -> bool:
    """Whole words only: `2021` is not in `20210`."""
    folded = fold(answer)
    at = text.find(folded)
    for _ in range(MAX_LEAK_TRIES):
        if at < 0:
            break
        before, after = text[at - 1 : at], text[at + len(folded) : at + len(folded) + 1]
        if not before.isalnum() and not after.isalnum():
            return True
        at = text.find(folded, at + 1)
    return False


def answers_in_own_prompt(questions: Sequence[Question]) -> list[Finding]:
    return [
        Finding(q, "lint.answer_in_prompt", (("answer", a),))
        for q in questions
        for a in hidden_answers(q)[:1]
        if contains(shown(q), a)
    ]


# Prompts looked at for each answer, among those holding its rarest word: enough
# for any real bank, and it keeps `check` linear in a bank of 100,000 questions.
MAX_LEAK_CANDIDATES = 64
_WORD = re.compile(r"\w+")


def leaks(questions: Sequence[Question]) -> list[tuple[Question, Question, str]]:
    """(question, other question whose prompt gives its answer away, the answer).

    Each answer is looked for only in the prompts that hold its rarest word (an
    index of words, built once), not in every prompt of the bank.
    """
    texts = [shown(q) for q in questions]
    holding: dict[str, list[int]] = {}
    for index, text in enumerate(texts):
        for word in set(_WORD.findall(text)):
            holding.setdefault(word, []).append(index)
    found = []
    for position, question in enumerate(questions):
        for answer in hidden_answers(question):
            postings = [holding.get(w, []) for w in set(_WORD.findall(fold(answer)))]
            if not postings:
                continue
            rarest = min(postings, key=len)
            candidates = (i for i in rarest if i != position)
            other = next(
                (
                    questions[i]
                    for _, i in zip(range(MAX_LEAK_CANDIDATES), candidates, strict=False)
                    if contains(texts[i], answer)
                ),
                None,
            )
            if other is not None:
                found.append((question, other, answer))
                break
    return found


def duplicates(questions: Sequence[Question]) -> list[Finding]:
    seen: dict[tuple[str, str], Question] = {}
    found = []
    for question in questions:
        key = (question.type.value, shown(question).strip())
        if key[1] and key in seen:
            found.append(Finding(question, "lint.duplicate", (("other", seen[key].id),)))
        seen.setdefault(key, question)
    return found


def duplicate_choices(questions: Sequence[Question]) -> list[Finding]:
    found = []
    for question in questions:
        if not isinstance(question, (ChoiceQuestion, MultiQuestion)):
            continue
        seen: dict[str, str] = {}
        for choice in question.choices:
            if fold(choice) in seen:
                found.append(
                    Finding(
                        question,
                        "lint.same_choices",
                        (("first", seen[fold(choice)]), ("second", choice)),
                    )
                )
                break
            seen[fold(choice)] = choice
    return found


def answer_patterns(questions: Sequence[Question]) -> list[Finding]:
    """The right choice always in one place, or always the longest: guessable without reading."""
    choice = [q for q in questions if isinstance(q, ChoiceQuestion)]
    if len(choice) < MIN_CHOICE_QUESTIONS:
        return []
    found = []
    position, count = Counter(q.choices.index(q.answer) for q in choice).most_common(1)[0]
    if count * 2 > len(choice):
        values = (
            ("position", str(position + 1)),
            ("count", str(count)),
            ("total", str(len(choice))),
        )
        found.append(Finding(None, "lint.same_position", values))
    longest = sum(len(q.answer) > max(len(c) for c in q.choices if c != q.answer) for q in choice)
    if longest * 2 > len(choice):
        found.append(
            Finding(None, "lint.longest", (("count", str(longest)), ("total", str(len(choice)))))
        )
    return found


def outdated(bank: Bank, today: dt.date) -> list[Finding]:
    found = []
    for question in bank.questions:
        if question.as_of is not None and today - question.as_of > STALE_AFTER:
            found.append(
                Finding(question, "lint.outdated", (("date", question.as_of.isoformat()),))
            )
    return found
