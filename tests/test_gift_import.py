"""`newsquiz import` reads GIFT as Moodle's importer does.

The GIFT texts below are the examples of Moodle's documentation page on the
GIFT format (docs.moodle.org, "GIFT format"), one test per construct the issue
lists; each checks what a teacher would see in the bank written.
"""

from __future__ import annotations

import io
import os
import textwrap
from pathlib import Path

import pytest

from newsquiz.cli import main
from newsquiz.context import Environment
from newsquiz.interchange.importing import ImportResult, import_text
from newsquiz.loader import parse_bank
from newsquiz.model import (
    Blank,
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    Question,
    ShortQuestion,
    TrueFalseQuestion,
)


def gift(text: str) -> ImportResult:
    return import_text(textwrap.dedent(text), name="docs", fmt="gift", language="en")


def only(text: str) -> Question:
    result = gift(text)
    assert len(result.bank.questions) == 1, result.notices
    return result.bank.questions[0]


def skipped(result: ImportResult) -> list[tuple[int, str]]:
    return [(n.line, n.key) for n in result.notices if n.skipped]


def test_multiple_choice() -> None:
    question = only("Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}")
    assert isinstance(question, ChoiceQuestion)
    assert question.prompt == "Who's buried in Grant's tomb?"
    assert question.choices == ("Grant", "Jefferson", "no one")
    assert question.answer == "no one"


def test_answers_on_separate_lines_with_title_and_per_answer_feedback() -> None:
    question = only(
        """\
        // question: 1 name: Grants tomb
        ::Grants tomb::Who is buried in Grant's tomb in New York City? {
        =Grant
        ~No one
        #Was true for 12 years, but Grant's remains were buried in the tomb in 1897
        ~Napoleon
        #He was buried in France
        ~Churchill
        #He was buried in England
        ~Mother Teresa
        #She was buried in India
        }
        """
    )
    assert isinstance(question, ChoiceQuestion)
    assert question.id == "grants-tomb"
    assert question.answer == "Grant"
    assert question.feedback["Napoleon"] == "He was buried in France"
    assert question.feedback["No one"].startswith("Was true for 12 years")
    assert "Grant" not in question.feedback


def test_multiple_choice_with_weights_including_negative_ones_is_a_multi() -> None:
    question = only(
        """\
        What two people are entombed in Grant's tomb? {
           ~%-100%No one
           ~%50%Grant
           ~%50%Grant's wife
           ~%-100%Grant's father
        }
        """
    )
    assert isinstance(question, MultiQuestion)
    assert question.choices == ("No one", "Grant", "Grant's wife", "Grant's father")
    assert question.answers == ("Grant", "Grant's wife")


def test_thirds_as_moodle_writes_them_are_equal_shares() -> None:
    question = only("Pick the primes {~%33.33333%2 ~%33.33333%3 ~%33.33333%5 ~%-100%4 ~%-100%6}")
    assert isinstance(question, MultiQuestion)
    assert question.answers == ("2", "3", "5")


def test_partial_weights_newsquiz_cannot_express_are_skipped_with_their_line() -> None:
    result = gift(
        """\
        Two plus two is {=four}

        ::Jesus' hometown::Jesus Christ was from {
            ~Jerusalem#This was an important city, but the wrong answer.
            ~%25%Bethlehem#He was born here, but not raised here.
            ~%50%Galilee#You need to be more specific.
            =Nazareth#Yes! That's right!
        }.

        Which are primes? {~%70%2 ~%30%3 ~%-100%4}
        """
    )
    assert skipped(result) == [(3, "skip.partial"), (10, "skip.partial")]
    assert [q.id for q in result.bank.questions] == ["two-plus-two-is"]


def test_true_false_and_its_two_feedbacks() -> None:
    result = gift(
        """\
        // question: 0 name: TrueStatement using {T} style
        ::TrueStatement about Grant::Grant was buried in a tomb in New York City.{T}

        // question: 0 name: FalseStatement using {FALSE} style
        ::FalseStatement about sun::The sun rises in the West.{FALSE}

        Grant is buried in Grant's tomb.{FALSE#No one is buried in Grant's tomb.#Right: no one.}
        """
    )
    first, second, third = result.bank.questions
    assert isinstance(first, TrueFalseQuestion) and first.answer is True
    assert isinstance(second, TrueFalseQuestion) and second.answer is False
    assert second.prompt == "The sun rises in the West."
    assert isinstance(third, TrueFalseQuestion) and third.answer is False
    # newsquiz shows one explanation whatever the pick: both feedbacks are kept in it.
    assert third.explanation == "No one is buried in Grant's tomb. Right: no one."


def test_short_answer_with_several_answers() -> None:
    question = only("Who's buried in Grant's tomb?{=Grant =Ulysses S. Grant =Ulysses Grant}")
    assert isinstance(question, ShortQuestion)
    assert question.answer == "Grant"
    assert question.accept == ("Ulysses S. Grant", "Ulysses Grant")


def test_missing_word_short_answer_is_a_cloze() -> None:
    question = only("Two plus two equals {=four =4}.")
    assert isinstance(question, ClozeQuestion)
    assert question.text == "Two plus two equals {{four|4}}."
    assert question.segments == ("Two plus two equals ", Blank(("four", "4")), ".")


def test_missing_word_choice_is_a_cloze_whose_distractors_are_noted() -> None:
    result = gift(
        "Moodle costs {~lots of money =nothing ~a small amount} to download from moodle.org."
    )
    question = result.bank.questions[0]
    assert isinstance(question, ClozeQuestion)
    assert question.text == "Moodle costs {{nothing}} to download from moodle.org."
    assert [(n.key, n.skipped) for n in result.notices] == [("kept.choices_to_blank", False)]


def test_matching() -> None:
    question = only(
        """\
        Match the following countries with their corresponding capitals. {
           =Canada -> Ottawa
           =Italy  -> Rome
           =Japan  -> Tokyo
           =India  -> New Delhi
           ####It's good to know the capitals
           }
        """
    )
    assert isinstance(question, MatchQuestion)
    assert question.pairs == (
        ("Canada", "Ottawa"),
        ("Italy", "Rome"),
        ("Japan", "Tokyo"),
        ("India", "New Delhi"),
    )
    assert question.explanation == "It's good to know the capitals"


def test_matching_extra_answers_are_distractors() -> None:
    question = only("Which animal eats which food? { =cat -> cat food =dog -> dog food = -> hay }")
    assert isinstance(question, MatchQuestion)
    assert question.distractors == ("hay",)


@pytest.mark.parametrize(
    ("text", "answer", "tolerance"),
    [
        ("When was Ulysses S. Grant born?{#1822:5}", 1822, 5),
        ("What is the value of pi (to 3 decimal places)? {#3.14159:0.0005}", 3.14159, 0.0005),
        ("What is the value of pi (to 3 decimal places)? {#3.141..3.142}", 3.1415, 0.0005),
        ("In what year did the visit take place? {#2025:1}", 2025, 1),
        ("In which decade? {#2020..2030}", 2025, 5),
        ("When was Ulysses S. Grant born? {#\n=1822:0\n=1822:2\n}", 1822, 2),
    ],
)
def test_numerical_with_tolerance_ranges_and_several_answers(
    text: str, answer: float, tolerance: float
) -> None:
    question = only(text)
    assert isinstance(question, NumberQuestion)
    assert question.answer == pytest.approx(answer)
    assert question.tolerance == pytest.approx(tolerance)


def test_numerical_answers_far_apart_or_partly_right_are_skipped() -> None:
    result = gift(
        """\
        When was Ulysses S. Grant born? {#
            =1822:0      # Correct! Full credit.
            =%50%1822:2  # He was born in 1822. Half credit for being close.
        }

        Name a prime below 10 {# =3 =7}
        """
    )
    assert skipped(result) == [(1, "skip.partial"), (6, "skip.several_numbers")]
    assert result.bank.questions == ()


def test_general_feedback_is_the_explanation() -> None:
    question = only("How many heads does a Hydra have? {#9 ####Heracles had to cut them all.}")
    assert question.explanation == "Heracles had to cut them all."


def test_escapes_are_the_characters_themselves() -> None:
    question = only(
        """\
        Which answer equals 5? {
            ~ \\= 2 + 2
            = \\= 2 + 3
            ~ \\= 2 + 4
        }
        """
    )
    assert isinstance(question, ChoiceQuestion)
    assert question.answer == "= 2 + 3"
    other = only("::GIFT\\: colon::Braces \\{ and \\} and a \\# and a \\~ here\\nnext line {T}")
    assert other.prompt == "Braces { and } and a # and a ~ here\nnext line"
    assert other.id == "gift-colon"


def test_comments_are_ignored_and_id_and_tag_are_read() -> None:
    result = gift(
        """\
        // A comment that newsquiz ignores
        // [id:capital-q] [tag:geography] [tag:europe]
        ::Q1:: What is the capital of France? {=Paris}
        """
    )
    question = result.bank.questions[0]
    assert question.id == "capital-q"
    assert question.tags == ("geography", "europe")
    assert "comment" not in question.prompt


def test_category_becomes_tags_for_the_questions_after_it() -> None:
    result = gift(
        """\
        Before any category {T}

        $CATEGORY: $course$/top/Geography/Europe

        What is the capital of France? {=Paris}

        What is the capital of Italy? {=Rome}
        """
    )
    first, second, third = result.bank.questions
    assert first.tags == ()
    assert second.tags == third.tags == ("Geography", "Europe")


@pytest.mark.parametrize(
    ("text", "prompt"),
    [
        ("[html]<p>What is <b>2 &amp; 2</b>?</p>{=four}", "What is 2 & 2?"),
        ("[moodle]What is 2 &lt; 3? {T}", "What is 2 < 3?"),
        ("[markdown]What is *2 + 2*? {=four}", "What is *2 + 2*?"),
        ("[plain]Is <b> a tag? {T}", "Is <b> a tag?"),
    ],
)
def test_format_markers_give_plain_text(text: str, prompt: str) -> None:
    assert only(text).prompt == prompt


def test_html_answers_and_feedback_are_plain_text_too() -> None:
    question = only("[html]<p>Pick</p>{=<b>yes</b>#<i>right</i> ~no#&eacute;chec}")
    assert isinstance(question, ChoiceQuestion)
    assert question.choices == ("yes", "no")
    assert question.feedback == {"yes": "right", "no": "échec"}


def test_what_newsquiz_cannot_grade_is_skipped_with_its_line_and_the_rest_imported() -> None:
    result = gift(
        """\
        Write a short biography of Dag Hammarskjöld. {}

        You can use your pencil and paper for these next math questions.

        Who's buried in Grant's tomb?{=*}

        Grant is {~buried =entombed ~living} in Grant's tomb.
        """
    )
    assert skipped(result) == [(1, "skip.essay"), (3, "skip.description"), (5, "skip.wildcard")]
    assert len(result.bank.questions) == 1


def test_a_brace_without_its_pair_is_skipped() -> None:
    result = gift("Broken {=yes\n\nFine {T}")
    assert skipped(result) == [(1, "skip.braces")]


def test_ids_are_unique_slugs() -> None:
    result = gift("::Q::Là? {T}\n\n::Q::Ici? {F}\n\nQuelle est la capitale ? {=Paris}")
    assert [q.id for q in result.bank.questions] == ["q", "q-2", "quelle-est-la-capitale"]


def test_a_question_newsquiz_would_refuse_is_skipped_with_the_reason() -> None:
    result = gift("Pick {=same ~same}\n\nFine {T}")
    assert [(n.line, n.key) for n in result.notices] == [(1, "skip.invalid")]
    assert "twice" in result.notices[0].values["reason"]


def run(argv: list[str], cwd: Path, environ: dict[str, str] | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    env = Environment(stdin=io.StringIO(), stdout=out, stderr=err, environ=environ or {}, cwd=cwd)
    return main(argv, env), out.getvalue(), err.getvalue()


def test_import_writes_a_bank_that_passes_check(tmp_path: Path) -> None:
    (tmp_path / "grant.gift").write_text(
        "::T::Grant was buried in a tomb in New York City.{T}\n\n"
        "Write a short biography of Dag Hammarskjöld. {}\n",
        encoding="utf-8",
    )
    code, out, err = run(["import", "grant.gift", "-o", "grant.yaml"], tmp_path)
    assert code == 0
    assert out == ""
    assert "grant.gift:3: skipped" in err
    assert "Imported from grant.gift (GIFT): 1 question, 1 skipped; written to grant.yaml." in err
    code, out, _ = run(["check", "grant.yaml"], tmp_path)
    assert code == 0, out
    assert parse_bank((tmp_path / "grant.yaml").read_text(encoding="utf-8")).bank is not None


def test_import_to_standard_output_and_never_over_a_file_without_force(tmp_path: Path) -> None:
    (tmp_path / "q.gift").write_text("Is it? {T}\n", encoding="utf-8")
    code, out, _ = run(["import", "q.gift", "--id", "my-bank", "--language", "fr"], tmp_path)
    assert code == 0
    assert "id: my-bank" in out and "language: fr" in out
    (tmp_path / "bank.yaml").write_text("mine\n", encoding="utf-8")
    code, _, err = run(["import", "q.gift", "-o", "bank.yaml"], tmp_path)
    assert code == 2
    assert "--force" in err
    assert (tmp_path / "bank.yaml").read_text(encoding="utf-8") == "mine\n"
    code, _, _ = run(["import", "q.gift", "-o", "bank.yaml", "--force"], tmp_path)
    assert code == 0
    assert "type: truefalse" in (tmp_path / "bank.yaml").read_text(encoding="utf-8")


def test_import_errors_are_messages_in_the_user_language(tmp_path: Path) -> None:
    code, _, err = run(["import", "nope.gift"], tmp_path, {"LANG": "fr_FR.UTF-8"})
    assert (code, err) == (
        2,
        "newsquiz import: fichier introuvable : nope.gift\n".replace(
            "nope.gift", str(tmp_path / "nope.gift")
        ),
    )
    (tmp_path / "essay.gift").write_text("Tell me. {}\n", encoding="utf-8")
    code, _, err = run(["import", "essay.gift"], tmp_path)
    assert code == 1
    assert "no question could be imported" in err
    (tmp_path / "latin1.gift").write_bytes("Où ? {=ici}".encode("latin-1"))
    code, _, err = run(["import", "latin1.gift"], tmp_path)
    assert code == 1
    assert "UTF-8" in err


def test_a_file_as_moodle_exports_it() -> None:
    # The shapes qformat_gift's writer produces: a category switch, names, an
    # [html] question text, weights written out and empty feedback after '#'.
    result = gift(
        """\
        // question: 0  name: Switch category to $course$/top/Default for Geo/Capitals
        $CATEGORY: $course$/top/Default for Geo/Capitals


        // question: 12  name: Capital of France
        ::Capital of France::[html]<p>What is the capital of <b>France</b>?</p>{
        \t=%100%Paris#
        \t=%100%Paris, France#
        }

        // question: 13  name: Grant
        ::Grant::[html]Who is buried in Grant's tomb?{
        \t=<p>Grant</p>
        \t~No one#<p>Was true for 12 years</p>
        \t####<p>He was buried in 1897.</p>
        }

        // question: 14  name: Sun
        ::Sun::The sun rises in the West.{FALSE#Look at a sunrise.#Yes.####It rises in the East.}

        // question: 15  name: Born
        ::Born::When was Grant born?{#
        \t=%100%1822:0#
        }
        """
    )
    assert result.notices == ()
    capital, grant, sun, born = result.bank.questions
    assert isinstance(capital, ShortQuestion)
    assert capital.prompt == "What is the capital of France?"
    assert (capital.answer, capital.accept) == ("Paris", ("Paris, France",))
    assert capital.tags == ("Capitals",)
    assert isinstance(grant, ChoiceQuestion)
    assert grant.choices == ("Grant", "No one")
    assert grant.feedback == {"No one": "Was true for 12 years"}
    assert grant.explanation == "He was buried in 1897."
    assert isinstance(sun, TrueFalseQuestion) and sun.answer is False
    assert sun.explanation == "It rises in the East. Look at a sunrise. Yes."
    assert isinstance(born, NumberQuestion) and (born.answer, born.tolerance) == (1822, 0)


def test_a_bank_id_that_is_not_a_slug_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "q.gift").write_text("Is it? {T}\n", encoding="utf-8")
    code, out, err = run(["import", "q.gift", "--id", "My Bank"], tmp_path)
    assert (code, out) == (2, "")
    assert "lowercase" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_is_refused_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.gift")
    code, _, err = run(["import", "pipe.gift"], tmp_path)
    assert code == 2
    assert "not a regular file" in err


def test_a_category_line_stuck_to_a_question_still_applies_to_it() -> None:
    result = gift("$CATEGORY: geo\nWhat is the capital of Mali? {=Bamako}\n")
    (question,) = result.bank.questions
    assert question.tags == ("geo",)
    assert question.prompt == "What is the capital of Mali?"


def test_html_scripts_are_dropped_images_keep_their_alt_and_breaks_their_line() -> None:
    question = only(
        '[html]<p>Look:<br><img src="m.png" alt="a map of Mali"></p>'
        "<script>alert(1)</script><style>p \\{ color: red \\}</style><p>Which city?</p>{=Bamako}"
    )
    assert question.prompt == "Look:\na map of Mali\nWhich city?"
