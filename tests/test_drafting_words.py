"""The words `newsquiz new` reads articles with (drafting/lexicon.yaml) are read as words."""

from __future__ import annotations

import pytest

from newsquiz.drafting.phrasing import blanked
from newsquiz.drafting.text import sentences


@pytest.mark.parametrize(
    ("article", "shown"),
    [
        # YAML would read an unquoted `on` as true: the list keeps it as the word it is.
        (
            "The city hired 350 people along the river on Monday.",
            "The city hired ___ people along the river …",
        ),
        (
            "La ville a recruté 350 personnes pour le long du fleuve.",
            "La ville a recruté ___ personnes pour le long …",
        ),
    ],
)
def test_a_blanks_context_never_ends_on_a_word_that_announces_more(
    article: str, shown: str
) -> None:
    (sentence,) = sentences(article)
    number = next(i for i, token in enumerate(sentence.tokens) if token.text == "350")
    assert blanked(sentence, number, number) == shown
