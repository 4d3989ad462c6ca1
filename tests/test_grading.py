"""Grading as a learner meets it: what a typed or picked response earns."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsquiz.grading import (
    Grade,
    grade,
    match_text,
    measure_distance,
    normalize_text,
    parse_date,
    parse_number,
    typo_budget,
)
from newsquiz.model import (
    Blank,
    ChoiceQuestion,
    ClozeQuestion,
    DateQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    PartialDate,
    Question,
    ShortQuestion,
    TrueFalseQuestion,
)


def short(answer: str, *accept: str, exact: bool = False, points: float = 1.0) -> ShortQuestion:
    return ShortQuestion(
        id="q", prompt="?", answer=answer, accept=accept, exact=exact, points=points
    )


def choice(points: float = 1.0) -> ChoiceQuestion:
    return ChoiceQuestion(
        id="q",
        prompt="Qui dirige la junte malienne ?",
        choices=("Assimi Goïta", "Ibrahim Traoré", "Abdourahamane Tiani", "Mamadi Doumbouya"),
        answer="Assimi Goïta",
        points=points,
    )


def multi(choices: tuple[str, ...], answers: tuple[str, ...]) -> MultiQuestion:
    return MultiQuestion(id="q", prompt="?", choices=choices, answers=answers)


def number(
    answer: float, tolerance: float = 0.0, unit: str | None = None, points: float = 1.0
) -> NumberQuestion:
    return NumberQuestion(
        id="q", prompt="?", answer=answer, tolerance=tolerance, unit=unit, points=points
    )


def date(answer: PartialDate, points: float = 1.0) -> DateQuestion:
    return DateQuestion(id="q", prompt="?", answer=answer, points=points)


ORDER = OrderQuestion(id="q", prompt="?", items=("a", "b", "c", "d"))
MATCH = MatchQuestion(
    id="q",
    prompt="?",
    pairs=(
        ("Mali", "Bamako"),
        ("Niger", "Niamey"),
        ("Burkina Faso", "Ouagadougou"),
        ("Tchad", "N'Djamena"),
    ),
    distractors=("Dakar",),
)
CLOZE = ClozeQuestion(
    id="q",
    prompt="?",
    text="[[Assimi Goïta]] dirige le [[Mali|le Mali]] depuis [[2021]].",
    segments=(
        Blank(("Assimi Goïta", "Goïta")),
        " dirige le ",
        Blank(("Mali", "le Mali")),
        " depuis ",
        Blank(("2021",)),
        ".",
    ),
)


# ------------------------------------------------------------------ choice, truefalse


def test_choice_right_pick_earns_the_points() -> None:
    result = grade(choice(points=2), "Assimi Goïta")
    assert result == Grade(fraction=1.0, points=2.0, max_points=2.0, correct=True)


def test_choice_wrong_pick_earns_nothing_without_negative_marking() -> None:
    result = grade(choice(points=2), "Ibrahim Traoré")
    assert (result.fraction, result.points, result.correct) == (0.0, 0.0, False)


def test_negative_marking_costs_a_third_on_a_four_choice_question() -> None:
    assert grade(choice(), "Ibrahim Traoré", negative=True).points == -0.33
    assert grade(choice(points=3), "Ibrahim Traoré", negative=True).points == -1.0


def test_negative_marking_leaves_right_picks_and_skips_alone() -> None:
    assert grade(choice(), "Assimi Goïta", negative=True).points == 1.0
    assert grade(choice(), None, negative=True).points == 0.0


def test_negative_marking_is_not_halved_by_a_hint() -> None:
    assert grade(choice(points=3), "Ibrahim Traoré", hint_used=True, negative=True).points == -1.0


def test_truefalse_is_all_or_nothing() -> None:
    question = TrueFalseQuestion(id="q", prompt="?", answer=False)
    assert grade(question, False).correct
    assert grade(question, False).points == 1.0
    assert not grade(question, True).correct
    assert grade(question, True).points == 0.0


def test_truefalse_negative_marking_costs_the_full_points() -> None:
    question = TrueFalseQuestion(id="q", prompt="?", answer=True, points=2)
    assert grade(question, False, negative=True).points == -2.0


def test_negative_marking_does_not_apply_to_other_types() -> None:
    assert grade(short("Mali"), "Niger", negative=True).points == 0.0


# ------------------------------------------------------------------------ multi

FOUR = ("Mali", "Niger", "Sénégal", "Burkina Faso")


def test_multi_all_right_picks_earn_full_marks() -> None:
    result = grade(multi(FOUR, ("Mali", "Niger")), {"Mali", "Niger"})
    assert (result.fraction, result.correct) == (1.0, True)
    assert result.parts == (True, True, True, True)


def test_multi_ticking_every_box_earns_nothing_with_half_the_choices_right() -> None:
    result = grade(multi(FOUR, ("Mali", "Niger")), list(FOUR))
    assert (result.fraction, result.points, result.correct) == (0.0, 0.0, False)


def test_multi_ticking_every_box_never_earns_full_marks() -> None:
    result = grade(multi(FOUR, ("Mali", "Niger", "Burkina Faso")), list(FOUR))
    assert result.fraction == pytest.approx(2 / 3)
    assert result.points == 0.67
    assert not result.correct


def test_multi_ticking_every_box_is_right_when_every_choice_is() -> None:
    assert grade(multi(FOUR, FOUR), list(FOUR)).correct


def test_multi_wrong_pick_cancels_a_right_one() -> None:
    result = grade(multi(FOUR, ("Mali", "Niger")), ["Mali", "Sénégal"])
    assert result.fraction == 0.0
    assert result.parts == (True, False, False, True)


def test_multi_missing_a_right_pick_earns_the_share_found() -> None:
    assert grade(multi(FOUR, ("Mali", "Niger")), ["Niger"]).fraction == 0.5


def test_multi_floors_at_zero() -> None:
    result = grade(multi(FOUR, ("Mali",)), ["Niger", "Sénégal", "Burkina Faso"])
    assert (result.fraction, result.points) == (0.0, 0.0)


def test_multi_counts_a_repeated_pick_once() -> None:
    assert grade(multi(FOUR, ("Mali", "Niger")), ["Mali", "Mali"]).fraction == 0.5


def test_multi_rejects_a_bare_string_response() -> None:
    with pytest.raises(TypeError):
        grade(multi(FOUR, ("Mali",)), "Mali")


# --------------------------------------------------------------------- short text


@pytest.mark.parametrize(
    ("answer", "typed"),
    [
        ("Goïta", "Goita"),
        ("Poutine", "poutine"),
        ("Poutine", "  POUTINE  "),
        ("Mali", "le Mali"),
        ("le Mali", "Mali"),
        ("Africa Corps", "l’Africa Corps"),
        ("Africa Corps", "L'Africa corps"),
        ("l’Africa Corps", "Africa Corps"),
        ("Jean-Luc Mélenchon", "jean luc melenchon"),
        ("Côte d’Ivoire", "Cote d'Ivoire"),
        ("Côte d'Ivoire", "cote d`ivoire"),
        ("« Wagner »", "Wagner"),
        ("The Guardian", "Guardian"),
        ("Œuvre", "oeuvre"),
        ("Sahel", "Sahel."),
        ("États-Unis", "Etats   Unis"),
    ],
)
def test_short_forgives_case_accents_quotes_punctuation_spaces_and_articles(
    answer: str, typed: str
) -> None:
    result = grade(short(answer), typed)
    assert (result.fraction, result.points, result.correct) == (1.0, 1.0, True)
    assert result.near_miss is None


def test_short_accepts_an_accept_entry() -> None:
    assert grade(short("Poutine", "Vladimir Poutine"), "vladimir poutine").correct


def test_short_without_the_accept_entry_refuses_the_full_name() -> None:
    assert not grade(short("Poutine"), "Vladimir Poutine").correct


def test_short_wrong_answer_earns_nothing() -> None:
    result = grade(short("Mali"), "Niger")
    assert (result.fraction, result.points, result.correct) == (0.0, 0.0, False)


def test_short_empty_answer_earns_nothing() -> None:
    assert not grade(short("Mali"), "   ").correct


def test_typo_no_typo_forgiven_below_five_letters() -> None:
    assert not grade(short("Mali"), "Mila").correct
    assert not grade(short("Mali"), "Malli").correct


def test_typo_one_typo_forgiven_at_five_letters() -> None:
    result = grade(short("Goïta"), "Goitta")
    assert (result.fraction, result.correct, result.near_miss) == (1.0, True, "Goïta")
    assert not grade(short("Goïta"), "Gaitta").correct


def test_typo_one_typo_forgiven_at_eight_letters_but_not_two() -> None:
    assert grade(short("Kinshasa"), "Kinshassa").correct
    assert not grade(short("Kinshasa"), "Kinchassa").correct


def test_typo_two_typos_forgiven_beyond_eight_letters_but_not_three() -> None:
    result = grade(short("Mélenchon"), "Melanshon")
    assert (result.correct, result.near_miss) == (True, "Mélenchon")
    assert not grade(short("Mélenchon"), "Malanshon").correct


def test_typo_transposition_counts_as_one() -> None:
    assert grade(short("Poutine"), "Pouitne").correct
    assert measure_distance("poutine", "pouitne") == 1


def test_typo_none_forgiven_when_the_answer_has_digits() -> None:
    assert not grade(short("Rafale F4"), "Rafale F3").correct
    assert not grade(short("Rafale F4"), "Rafalle F4").correct


def test_typo_budget_counts_the_normalised_answer() -> None:
    assert [typo_budget(t) for t in ("Mali", "le Mali", "Goïta", "Kinshasa", "Mélenchon")] == [
        0,
        0,
        1,
        1,
        2,
    ]
    assert typo_budget("G7 summit") == 0


def test_typo_near_miss_names_the_variant_that_was_nearly_typed() -> None:
    result = grade(short("Poutine", "Vladimir Poutine"), "Vladimir Poutin")
    assert (result.correct, result.near_miss) == (True, "Vladimir Poutine")


def test_typo_near_miss_names_the_banks_spelling_not_another_variant() -> None:
    # Close to an accepted misspelling or another language's spelling: the note
    # still names the answer as the bank writes it.
    near_variant = match_text(("Mélenchon", "Melanchon"), "Malanchon")
    assert (near_variant.variant, near_variant.near_miss) == ("Melanchon", "Mélenchon")
    assert match_text(("Mélenchon", "Melanchon"), "Melonchon").near_miss == "Mélenchon"
    english = grade(short("Sergueï Lavrov", "Sergei Lavrov"), "Sergei Lavrof")
    assert (english.correct, english.near_miss) == (True, "Sergueï Lavrov")


def test_an_answer_typed_without_its_accents_is_accepted_and_says_so() -> None:
    result = grade(short("bilatérale"), "bilaterale")
    assert (result.correct, result.accents, result.near_miss) == (True, ("bilatérale",), None)
    assert grade(short("bilatérale"), "Bilatérale").accents == (None,)
    assert grade(short("Goita", "Goïta"), "Goïta").accents == (None,)


def test_typo_an_exact_variant_wins_over_a_typo_on_the_answer() -> None:
    result = match_text(("Traoré", "Traore B."), "traore b")
    assert (result.accepted, result.variant, result.typo) == (True, "Traore B.", False)


def test_exact_mode_only_accepts_the_identical_string() -> None:
    question = short("Goïta", exact=True)
    assert grade(question, "  Goïta ").correct
    assert not grade(question, "Goita").correct
    assert not grade(question, "goïta").correct
    assert not grade(question, "Goïtta").correct


def test_exact_mode_accepts_an_identical_accept_entry() -> None:
    question = short("H2O", "H₂O", exact=True)
    assert grade(question, "H₂O").correct
    assert not grade(question, "h2o").correct


def test_normalize_text_folds_what_a_learner_should_not_lose_points_for() -> None:
    assert normalize_text("  L’«Africa-Corps» ") == "africa corps"
    assert normalize_text("Les  Républicains") == "republicains"
    assert normalize_text("La") == "la"


# ------------------------------------------------------------------------ numbers


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("2021", 2021.0),
        ("2 021", 2021.0),
        ("2\u00a0021", 2021.0),
        ("2\u202f021", 2021.0),
        ("1 000 000", 1_000_000.0),
        ("2,5", 2.5),
        ("2,500", 2.5),
        ("1.5", 1.5),
        ("1,000.5", 1000.5),
        ("1.000,5", 1000.5),
        ("1,000,000", 1_000_000.0),
        ("2 021,5", 2021.5),
        ("+3", 3.0),
        ("-3", -3.0),
        ("\u22123", -3.0),
        ("  42  ", 42.0),
        (",5", 0.5),
    ],
)
def test_parse_number_reads_what_learners_type(typed: str, value: float) -> None:
    assert parse_number(typed) == value


@pytest.mark.parametrize(
    "typed", ["", "abc", "deux", "20 21", "1,00,0", "2,5,", "3 jours", "1e3", "--3", "2.5.1,3"]
)
def test_parse_number_refuses_what_it_cannot_read(typed: str) -> None:
    assert parse_number(typed) is None


def test_parse_number_ignores_the_question_unit_only() -> None:
    assert parse_number("4 jours", unit="jours") == 4.0
    assert parse_number("4 Jours", unit="jours") == 4.0
    assert parse_number("1 jour", unit="jours") == 1.0
    assert parse_number("15 km", unit="km") == 15.0
    assert parse_number("15km", unit="km") == 15.0
    assert parse_number("4 heures", unit="jours") is None


def test_number_with_unit_earns_the_points() -> None:
    assert grade(number(4, unit="jours"), "4 jours").correct


def test_number_with_thousands_space_and_plus_sign() -> None:
    assert grade(number(2021), "2 021").correct
    assert grade(number(3), "+3").correct
    assert grade(number(2.5), "2,5").correct


def test_number_tolerance_boundary_is_included() -> None:
    question = number(100, tolerance=5)
    assert grade(question, "105").correct
    assert grade(question, "95").correct
    assert not grade(question, "105,1").correct
    assert not grade(question, "94.9").correct


def test_number_tolerance_survives_binary_floats() -> None:
    assert grade(number(0.3, tolerance=0.1), "0,4").correct


def test_number_without_tolerance_needs_the_exact_value() -> None:
    assert not grade(number(2021), "2022").correct


def test_number_unreadable_earns_nothing() -> None:
    result = grade(number(4), "quatre")
    assert (result.fraction, result.points, result.correct) == (0.0, 0.0, False)


# -------------------------------------------------------------------------- dates

JUNE_23 = PartialDate(2025, 6, 23)


@pytest.mark.parametrize(
    "typed",
    [
        "2025-06-23",
        "23/06/2025",
        "23-06-2025",
        "23.06.2025",
        "23 juin 2025",
        "lundi 23 juin 2025",
        "Lundi 23 Juin 2025",
        "June 23, 2025",
        "june 23 2025",
        "23 June 2025",
        "Monday, June 23, 2025",
        "the 23rd of June 2025",
        "23/6/2025",
    ],
)
def test_parse_date_reads_a_full_date(typed: str) -> None:
    assert parse_date(typed) == JUNE_23


def test_parse_date_reads_the_french_first() -> None:
    assert parse_date("1er juin 2025") == PartialDate(2025, 6, 1)
    assert parse_date("1ᵉʳ juin 2025") == PartialDate(2025, 6, 1)


@pytest.mark.parametrize(
    ("typed", "month"),
    [
        ("juin 2025", 6),
        ("June 2025", 6),
        ("06/2025", 6),
        ("2025-06", 6),
        ("janv. 2025", 1),
        ("Jan 2025", 1),
        ("janvier 2025", 1),
        ("févr. 2025", 2),
        ("fevrier 2025", 2),
        ("Feb 2025", 2),
        ("mars 2025", 3),
        ("avr. 2025", 4),
        ("mai 2025", 5),
        ("May 2025", 5),
        ("juil. 2025", 7),
        ("août 2025", 8),
        ("aout 2025", 8),
        ("AUGUST 2025", 8),
        ("Sept 2025", 9),
        ("sept. 2025", 9),
        ("oct. 2025", 10),
        ("nov 2025", 11),
        ("décembre 2025", 12),
        ("decembre 2025", 12),
        ("Dec. 2025", 12),
    ],
)
def test_parse_date_reads_a_month(typed: str, month: int) -> None:
    assert parse_date(typed) == PartialDate(2025, month)


def test_parse_date_reads_a_year() -> None:
    assert parse_date("2025") == PartialDate(2025)
    assert parse_date(" 2025 ") == PartialDate(2025)


@pytest.mark.parametrize(
    "typed",
    ["31/02/2025", "29 février 2025", "2025-13", "2025-06-31", "0000", "23/06-2025", "23 juin",
     "juin", "hier", "", "25", "23/06/25", "34 juin 2025"],
)  # fmt: skip
def test_parse_date_refuses_impossible_or_unreadable_dates(typed: str) -> None:
    assert parse_date(typed) is None


def test_parse_date_knows_leap_years() -> None:
    assert parse_date("29/02/2024") == PartialDate(2024, 2, 29)


def test_date_day_answer_right_in_every_form() -> None:
    assert grade(date(JUNE_23), "lundi 23 juin 2025").correct


def test_date_year_answer_accepts_a_full_date_of_that_year() -> None:
    result = grade(date(PartialDate(2021)), "2021-08-14")
    assert (result.fraction, result.correct, result.parts) == (1.0, True, (True,))


def test_date_year_answer_wrong_year_earns_nothing() -> None:
    assert grade(date(PartialDate(2021)), "14 août 2020").fraction == 0.0


def test_date_day_answer_right_year_wrong_day_earns_half() -> None:
    result = grade(date(JUNE_23, points=2), "24/06/2025")
    assert (result.fraction, result.points, result.correct) == (0.5, 1.0, False)
    assert result.parts == (True, True, False)


def test_date_day_answer_right_year_wrong_month_earns_nothing() -> None:
    # Only the finest unit missed earns half: a wrong month on a day question is wrong.
    assert grade(date(JUNE_23), "23/07/2025").fraction == 0.0
    assert grade(date(JUNE_23), "1 janvier 2025").fraction == 0.0


def test_date_day_answer_missing_the_day_earns_half_missing_the_month_nothing() -> None:
    assert grade(date(JUNE_23), "juin 2025").fraction == 0.5
    assert grade(date(JUNE_23), "2025").fraction == 0.0


def test_date_month_answer() -> None:
    question = date(PartialDate(2025, 6))
    assert grade(question, "juin 2025").fraction == 1.0
    assert grade(question, "23 juin 2025").fraction == 1.0
    assert grade(question, "juillet 2025").fraction == 0.5
    assert grade(question, "2025").fraction == 0.5
    assert grade(question, "juin 2024").fraction == 0.0


def test_date_unreadable_earns_nothing() -> None:
    result = grade(date(JUNE_23), "l'été dernier")
    assert (result.fraction, result.points, result.correct) == (0.0, 0.0, False)


# -------------------------------------------------------------------------- order


def test_order_right_order_earns_full_marks() -> None:
    result = grade(ORDER, ["a", "b", "c", "d"])
    assert (result.fraction, result.correct, result.parts) == (1.0, True, (True,) * 4)


def test_order_one_adjacent_swap_of_four_earns_five_sixths() -> None:
    result = grade(ORDER, ["a", "c", "b", "d"])
    assert result.fraction == pytest.approx(5 / 6)
    assert result.points == 0.83
    assert not result.correct
    assert result.parts == (True, False, False, True)


def test_order_reversed_earns_nothing() -> None:
    assert grade(ORDER, ["d", "c", "b", "a"]).fraction == 0.0


def test_order_missing_item_breaks_its_pairs() -> None:
    assert grade(ORDER, ["a", "b", "c"]).fraction == 0.5


# -------------------------------------------------------------------------- match


def test_match_all_pairs_right() -> None:
    response = {
        "Mali": "Bamako",
        "Niger": "Niamey",
        "Burkina Faso": "Ouagadougou",
        "Tchad": "N'Djamena",
    }
    assert grade(MATCH, response).correct


def test_match_half_right_earns_half() -> None:
    response = {
        "Mali": "Bamako",
        "Niger": "Niamey",
        "Burkina Faso": "Dakar",
        "Tchad": "Ouagadougou",
    }
    result = grade(MATCH, response)
    assert (result.fraction, result.points, result.correct) == (0.5, 0.5, False)
    assert result.parts == (True, True, False, False)


def test_match_unanswered_left_is_wrong() -> None:
    assert grade(MATCH, {"Mali": "Bamako"}).fraction == 0.25


# -------------------------------------------------------------------------- cloze


def test_cloze_all_blanks_right_with_folding_and_variants() -> None:
    result = grade(CLOZE, ["goita", "le Mali", "2021"])
    assert (result.fraction, result.correct, result.parts) == (1.0, True, (True, True, True))


def test_cloze_two_of_three_blanks() -> None:
    result = grade(CLOZE, ["Assimi Goïta", "Niger", "2021"])
    assert result.fraction == pytest.approx(2 / 3)
    assert result.points == 0.67
    assert result.parts == (True, False, True)


def test_cloze_typo_in_a_blank_is_forgiven_and_named() -> None:
    result = grade(CLOZE, ["Asimi Goïta", "Mali", "2021"])
    assert result.correct
    assert result.near_misses == ("Assimi Goïta", None, None)


def test_cloze_missing_blanks_are_wrong() -> None:
    assert grade(CLOZE, ["Goïta"]).parts == (True, False, False)


def test_cloze_exact_mode() -> None:
    question = ClozeQuestion(
        id="q", prompt="?", text="[[Goïta]]", segments=(Blank(("Goïta",)),), exact=True
    )
    assert grade(question, ["Goïta"]).correct
    assert not grade(question, ["Goita"]).correct


# -------------------------------------------------------------------------- hints


def test_hint_halves_the_points_but_the_answer_stays_correct() -> None:
    result = grade(short("Goïta", points=3), "Goïta", hint_used=True)
    assert (result.fraction, result.points, result.max_points, result.correct) == (
        1.0,
        1.5,
        3.0,
        True,
    )


def test_hint_halves_partial_credit_and_rounds_points() -> None:
    result = grade(ORDER, ["a", "c", "b", "d"], hint_used=True)
    assert result.points == 0.42


# ------------------------------------------------------------------------ skipped

SKIPPABLE: list[Question] = [
    choice(),
    TrueFalseQuestion(id="q", prompt="?", answer=True),
    multi(FOUR, ("Mali",)),
    short("Mali"),
    number(4),
    date(JUNE_23),
    ORDER,
    MATCH,
    CLOZE,
]


@pytest.mark.parametrize("question", SKIPPABLE, ids=lambda q: q.type.value)
def test_skipped_earns_nothing_and_is_not_correct(question: Question) -> None:
    result = grade(question, None, hint_used=True, negative=True)
    assert (result.fraction, result.points, result.correct) == (0.0, 0.0, False)
    assert result.max_points == 1.0


@pytest.mark.parametrize(
    ("question", "response"),
    [(choice(), True), (TrueFalseQuestion(id="q", prompt="?", answer=True), "vrai"),
     (ORDER, "abcd"), (MATCH, ["Bamako"]), (CLOZE, "Goïta"), (short("Mali"), ["Mali"])],
)  # fmt: skip
def test_a_response_of_the_wrong_form_is_a_programming_error(
    question: Question, response: object
) -> None:
    with pytest.raises(TypeError):
        grade(question, response)  # type: ignore[arg-type]


# ---------------------------------------------------------------------- properties


@given(st.text())
def test_normalize_text_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(st.text(min_size=1).filter(str.strip), st.booleans())
def test_the_answer_itself_always_earns_full_marks_as_short(answer: str, exact: bool) -> None:
    assert grade(short(answer, exact=exact), answer).points == 1.0


@given(st.dates(), st.sampled_from(["year", "month", "day"]))
def test_the_answer_itself_always_earns_full_marks_as_date(day: dt.date, precision: str) -> None:
    answer = PartialDate(
        day.year,
        day.month if precision != "year" else None,
        day.day if precision == "day" else None,
    )
    assert parse_date(answer.isoformat()) == answer
    assert grade(date(answer), answer.isoformat()).correct


@given(st.integers(-(10**12), 10**12), st.booleans())
def test_the_answer_itself_always_earns_full_marks_as_number(cents: int, french: bool) -> None:
    answer = cents / 100
    typed = f"{answer:,.2f}"
    if french:
        typed = typed.replace(",", "\u202f").replace(".", ",")
    assert grade(number(answer), typed).correct


texts = st.text(min_size=1, max_size=12)


@given(st.lists(texts, min_size=1, max_size=6, unique=True), st.data())
def test_the_answer_itself_always_earns_full_marks_for_choices_order_match_cloze(
    items: list[str], data: st.DataObject
) -> None:
    picked = data.draw(st.sampled_from(items))
    answers = tuple(data.draw(st.lists(st.sampled_from(items), min_size=1, unique=True)))
    questions_and_responses: list[tuple[Question, object]] = [
        (ChoiceQuestion(id="q", prompt="?", choices=tuple(items), answer=picked), picked),
        (multi(tuple(items), answers), set(answers)),
        (OrderQuestion(id="q", prompt="?", items=tuple(items)), list(items)),
        (
            MatchQuestion(
                id="q", prompt="?", pairs=tuple(zip(items, reversed(items), strict=True))
            ),
            dict(zip(items, reversed(items), strict=True)),
        ),
        (
            ClozeQuestion(id="q", prompt="?", text="", segments=tuple(Blank((t,)) for t in items)),
            list(items),
        ),
    ]
    for question, response in questions_and_responses:
        result = grade(question, response)  # type: ignore[arg-type]
        assert (result.fraction, result.points, result.correct) == (1.0, 1.0, True)


@given(st.lists(st.sampled_from("abcd"), max_size=6))
def test_order_fraction_stays_between_zero_and_one(response: list[str]) -> None:
    assert 0.0 <= grade(ORDER, response).fraction <= 1.0


@given(st.lists(st.sampled_from(FOUR), max_size=6), st.lists(st.sampled_from(FOUR), min_size=1))
def test_multi_fraction_stays_between_zero_and_one(picks: list[str], answers: list[str]) -> None:
    result = grade(multi(FOUR, tuple(dict.fromkeys(answers))), picks)
    assert 0.0 <= result.fraction <= 1.0
    assert result.correct == (set(picks) == set(answers))


NUMBER_LIKE = st.text(alphabet="0123456789 ,.-+\u2212\u00a0\u202fjours", max_size=24)
DATE_LIKE = st.one_of(
    st.builds(
        lambda day, form: day.strftime(form),
        st.dates(),
        st.sampled_from(["%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%d %B %Y", "%B %d, %Y", "%Y-%m"]),
    ),
    st.text(alphabet="0123456789/.- ,erjuinJuneaoût", max_size=24),
)


@given(st.one_of(st.text(), NUMBER_LIKE, DATE_LIKE))
@example("31/02/2025")
@example("00/00/2025")
@example("9" * 400)
@example("2 021,5 jours")
@example("June 23, 2025")
def test_parsers_never_crash(text: str) -> None:
    """The contract: any text gives None or a value that means something.

    A number is finite, does not depend on blanks around it, and allowing a
    unit never loses a number read without one. A date exists in the calendar,
    has a day only with a month, and reads back from its ISO form.
    """
    number = parse_number(text, unit="jours")
    assert number is None or (type(number) is float and math.isfinite(number))
    assert parse_number(f" \t{text}\u00a0\n", unit="jours") == number
    plain = parse_number(text)
    assert plain is None or plain == number

    date = parse_date(text)
    assert date is None or isinstance(date, PartialDate)
    assert parse_date(f"  {text}\n") == date
    if date is not None:
        dt.date(date.year, date.month or 1, date.day or 1)  # raises if it does not exist
        assert date.day is None or date.month is not None
        assert parse_date(date.isoformat()) == date


def test_a_date_that_only_makes_sense_month_first_is_read_so() -> None:
    assert parse_date("06/23/2025") == PartialDate(2025, 6, 23)
    assert parse_date("06/07/2025") == PartialDate(2025, 7, 6)  # ambiguous: day first
    assert parse_date("13/13/2025") is None
