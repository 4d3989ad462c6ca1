"""Grading: how much of a question a learner's response earns.

Everything here is a pure function of its arguments: no I/O, no clock, no
randomness. The interface collects a response, hands it over in the form below
and turns the returned :class:`Grade` into words; no learner-facing text lives
here.

Response forms, by question type (``None`` always means "skipped" and earns 0):

============  ===============================================================
choice        ``str``: the chosen choice text, as it appears in ``choices``.
multi         a collection of chosen choice texts (``set``, ``list``...; not
              a bare ``str``). Duplicates count once.
truefalse     ``bool``.
short         ``str`` as typed.
number        ``str`` as typed; read with :func:`parse_number`.
date          ``str`` as typed; read with :func:`parse_date`.
order         a sequence of item texts in the learner's order (not a ``str``).
match         a mapping ``left -> chosen right`` text; a missing left is wrong.
cloze         a sequence of ``str``, one per blank in order (not a ``str``);
              ``""`` is a blank left empty, missing trailing blanks are wrong.
============  ===============================================================

Decisions where the brief left room:

* Negative marking applies to ``choice`` and ``truefalse`` only (a true/false
  question is a choice between two, so a wrong pick there costs the full
  points). Other types ignore ``negative``. A wrong pick costs the same with or
  without a hint: the hint halves what is earned, not what is lost.
* ``Grade.points`` is rounded to 2 decimals, so a 1/3 penalty is ``-0.33`` and
  three of them sum to ``-0.99``; ``Grade.fraction`` is left unrounded.
* Text matching compares normalised forms with all spaces removed, so
  ``Jean-Luc``, ``Jean Luc`` and ``JeanLuc`` agree, as do ``U.S.A.`` and ``USA``.
  Leading articles are removed repeatedly while another word follows.
* ``near_miss`` is set only when the typo budget was needed (``Goïtta`` for
  ``Goïta``), not for case or accent differences. It names the answer as the
  bank writes it, or the ``accept`` entry nearly typed when that entry is a
  longer or shorter form of the answer (``Vladimir Poutine`` for ``Poutine``),
  never an unrelated spelling (an English ``Sergei`` for ``Sergueï``).
* ``accents`` names the variant accepted when it was typed with fewer of its
  accents (``bilaterale`` for ``bilatérale``).
* Numbers: a lone comma or dot is the decimal mark (``2,500`` is 2.5 and
  ``1.000`` is 1); with both a dot and a comma, the last one is the decimal
  mark (``1,000.5``, ``1.000,5``); two or more of the same mark are thousands
  separators (``1,000,000``). Thousands separators, including spaces, must
  split groups of exactly three digits (``20 21`` is unreadable). A trailing
  unit is accepted when it equals the question's unit, ignoring case and accents
  and a final ``s`` (``4 jour`` for ``jours``); any other trailing text makes
  the number unreadable. A tolerance is met up to a tiny relative slack so that
  ``0.4`` is within ``0.1`` of ``0.3`` despite binary floats.
* Dates: numeric forms are day first (``06/07/2025`` is 6 July); years have
  four digits; weekday names (full, and English/French abbreviations except the
  ambiguous French ``mar.``) and the filler words ``le the of de du on en in``
  are ignored.
"""

from __future__ import annotations

from newsquiz import model
from newsquiz.date_credit import date_credit
from newsquiz.grades import Grade as Grade
from newsquiz.grades import Response as Response
from newsquiz.grades import as_bool, as_mapping, as_text, as_texts
from newsquiz.model import PartialDate, Question
from newsquiz.questions.choice import grade_choice as grade_choice
from newsquiz.questions.cloze import grade_cloze as grade_cloze
from newsquiz.questions.date import grade_date as grade_date
from newsquiz.questions.match import grade_match as grade_match
from newsquiz.questions.multi import grade_multi as grade_multi
from newsquiz.questions.number import grade_number as grade_number
from newsquiz.questions.order import grade_order as grade_order
from newsquiz.questions.short import grade_short as grade_short
from newsquiz.questions.truefalse import grade_truefalse as grade_truefalse
from newsquiz.reading import missing_year as missing_year
from newsquiz.reading import parse_date as parse_date
from newsquiz.reading import parse_number as parse_number
from newsquiz.text import TextMatch as TextMatch
from newsquiz.text import match_text as match_text
from newsquiz.text import measure_distance as measure_distance
from newsquiz.text import normalize_text as normalize_text
from newsquiz.text import typo_budget as typo_budget

__all__ = [
    "Grade",
    "Response",
    "TextMatch",
    "grade",
    "grade_choice",
    "grade_cloze",
    "grade_date",
    "grade_match",
    "grade_multi",
    "grade_number",
    "grade_order",
    "grade_short",
    "grade_truefalse",
    "match_text",
    "measure_distance",
    "missing_year",
    "normalize_text",
    "parse_date",
    "parse_number",
    "score_date",
    "typo_budget",
]


def score_date(answer: PartialDate, response: PartialDate) -> tuple[float, tuple[bool, ...]]:
    """Share earned and per-part correctness (year, month, day up to the
    answer's precision), by the default rule of :func:`date_credit`.

    Only the answer's precision is compared, so a more precise response is fine
    when it agrees. Half is earned only for the finest unit missed.
    """
    return date_credit(answer, response)


# ------------------------------------------------------------------------ grading


def grade(
    question: Question, response: Response, *, hint_used: bool = False, negative: bool = False
) -> Grade:
    """Grade any question; see the module docstring for the response forms.

    ``negative`` only affects choice and true/false questions. A response of
    the wrong form is a programming error and raises ``TypeError``.
    """
    match question:
        case model.ChoiceQuestion():
            text = as_text(response, question)
            return grade_choice(question, text, hint_used=hint_used, negative=negative)
        case model.TrueFalseQuestion():
            truth = as_bool(response, question)
            return grade_truefalse(question, truth, hint_used=hint_used, negative=negative)
        case model.MultiQuestion():
            return grade_multi(question, as_texts(response, question), hint_used=hint_used)
        case model.ShortQuestion():
            return grade_short(question, as_text(response, question), hint_used=hint_used)
        case model.NumberQuestion():
            return grade_number(question, as_text(response, question), hint_used=hint_used)
        case model.DateQuestion():
            return grade_date(question, as_text(response, question), hint_used=hint_used)
        case model.OrderQuestion():
            return grade_order(question, as_texts(response, question), hint_used=hint_used)
        case model.MatchQuestion():
            return grade_match(question, as_mapping(response, question), hint_used=hint_used)
        case model.ClozeQuestion():
            return grade_cloze(question, as_texts(response, question), hint_used=hint_used)
        case _:
            return model.assert_never(question)
