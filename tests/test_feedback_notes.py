"""Feedback names the mistake: wrong and missed picks, wrong pairs, right positions, spellings."""

from __future__ import annotations

from newsquiz.grading import grade
from newsquiz.interface.messages import Messages
from newsquiz.interface.mistakes import mistake_notes, spelling_notes
from newsquiz.model import (
    Blank,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    ShortQuestion,
)

EN, FR = Messages("en"), Messages("fr")


def notes(question: object, response: object, say: Messages = EN) -> list[str]:
    return mistake_notes(question, response, grade(question, response), say)  # type: ignore[arg-type]


def test_multi_names_the_wrong_picks_and_the_missed_ones() -> None:
    question = MultiQuestion(
        id="m",
        prompt="Which domains?",
        choices=("Security", "Tourism", "Energy", "Trade"),
        answers=("Security", "Energy"),
    )
    assert notes(question, ["Security", "Tourism"]) == [
        "You also ticked: Tourism.",
        "You did not tick: Energy.",
    ]
    assert notes(question, ["Security", "Energy", "Trade"], FR) == [
        "Vous avez aussi coché : Trade."
    ]
    assert notes(question, ["Security", "Energy"]) == []


def test_match_names_the_wrong_pairs() -> None:
    question = MatchQuestion(
        id="p", prompt="Match", pairs=(("Goïta", "Mali"), ("Putin", "Russia"), ("Tiani", "Niger"))
    )
    assert notes(question, {"Goïta": "Mali", "Putin": "Niger", "Tiani": "Russia"}) == [
        "Wrong pairs: Putin = Niger; Tiani = Russia."
    ]


def test_order_shows_which_positions_were_right() -> None:
    question = OrderQuestion(id="o", prompt="Order", items=("a", "b", "c", "d"))
    assert notes(question, ["a", "c", "b", "d"]) == ["In the right position: 1, 4 (of 4)."]
    assert notes(question, ["d", "c", "b", "a"], FR) == ["Aucun élément n’était à sa place."]


def test_an_accentless_answer_in_a_french_bank_is_accepted_with_a_note() -> None:
    cloze = ClozeQuestion(
        id="c", prompt="", text="", segments=("la coopération ", Blank(("bilatérale",)))
    )
    result = grade(cloze, ["bilaterale"])
    assert result.correct
    assert spelling_notes(result, "fr", FR) == [
        "Acceptée ; cela s’écrit « bilatérale », avec les accents."
    ]
    # An English bank does not lecture about accents.
    assert spelling_notes(result, "en", EN) == []


def test_a_near_miss_in_a_french_session_names_the_french_spelling() -> None:
    question = ShortQuestion(
        id="s", prompt="Qui ?", answer="Sergueï Lavrov", accept=("Sergei Lavrov",)
    )
    result = grade(question, "Sergei Lavrof")
    assert spelling_notes(result, "fr", FR) == [
        "Acceptée, mais l’orthographe exacte est « Sergueï Lavrov »."
    ]
