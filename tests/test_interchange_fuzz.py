"""Any text given to `newsquiz import`: a bank that loads, or a reason, never a crash."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsquiz.interchange.importing import import_text
from newsquiz.interchange.notices import InterchangeError
from newsquiz.loader import parse_bank

PIECES = st.sampled_from(
    [
        "{", "}", "~", "=", "#", "####", ":", "::", "->", "..", "%50%", "%-100%", "\\",
        "\\=", "\\n", "\n", "\n\n", "//", "// [id:x]", "[tag:y]", "$CATEGORY: a/b", "[html]",
        "[plain]", "<p>", "&amp;", "T", "FALSE", "1822", "3.5", "*", " ", "A. ", "B) ",
        "ANSWER: A", "ANSWER: Z", "x", "=x", "~x", "{=x ~x}", "{=x -> y =z -> y}", "Qui ?", "Who?", "Goïta", "\x1b", "\u00a0", "\u2028",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@example(["Who?", "{=x ~x}", "\n\n", "Ok", "{", "T", "}"], "gift")
@example(["Who?", "\n", "A. ", "x", "\n", "B) ", "x", "\n", "ANSWER: A"], None)
@given(st.lists(PIECES, max_size=40), st.sampled_from(["gift", "aiken", None]))
def test_import_gives_a_valid_bank_or_a_reason(pieces: list[str], fmt: str | None) -> None:
    text = "".join(pieces)
    try:
        result = import_text(text, name="fuzz", fmt=fmt)
    except InterchangeError as error:
        refused: str = error.key
    else:
        refused = ""
    if refused:
        assert refused.startswith("error.")
        return
    if result.bank.questions:
        report = parse_bank(result.yaml)
        assert report.bank is not None, report.problems
        assert len(report.bank.questions) == len(result.bank.questions)
    for notice in result.notices:
        assert notice.key
