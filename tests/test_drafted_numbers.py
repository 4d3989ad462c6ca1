"""Numbers written with spaces between their thousands (`400 000 tonnes`,
`1 500 soldats`, `2 300 000 habitants`) are drafted whole: the answer is the
number the article gives, never its last group of digits."""

from __future__ import annotations

import yaml

from newsquiz.drafting.assemble import draft_bank

ARTICLE = """\
La pêche au Sénégal

Par Claire Dubois, le 12 mars 2024

Le pays exporte 400 000 tonnes de poisson par an, selon le ministère.
L'armée a déployé 1 500 soldats dans la région, et la ville compte 2 300 000 habitants.
"""


def test_thousands_written_with_spaces_are_one_number() -> None:
    bank = yaml.safe_load(draft_bank(ARTICLE, name="peche", source_file="peche.txt").text)
    answers = {q["answer"] for q in bank["questions"] if q["type"] == "number"}
    assert {400000, 1500, 2300000} <= answers
    assert not answers & {0, 500, 300000, 300}
    evidence = [e for q in bank["questions"] if q["type"] == "number" for e in q["evidence"]]
    assert any("400 000 tonnes" in e for e in evidence)
