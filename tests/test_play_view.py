"""A session played by a fake prompter, rendered to a recording console at width 80."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import random
from collections.abc import Iterator, Sequence

import pytest
from rich.console import Console

from newsquiz.interface.console import make_console
from newsquiz.interface.messages import Messages
from newsquiz.interface.play import PlainMessages, PlayView, describe_answer
from newsquiz.interface.prompting import HINT, SKIP, Action, Reply
from newsquiz.loader import parse_bank
from newsquiz.model import (
    Bank,
    ChoiceQuestion,
    ClozeQuestion,
    DateQuestion,
    Evidence,
    PartialDate,
    ShortQuestion,
    Source,
)
from newsquiz.session import Item, Mode, Options, start_session

T0 = dt.datetime(2025, 6, 23, 9, 0, tzinfo=dt.timezone.utc)


class Clock:
    def __init__(self) -> None:
        self.now = T0
        self.ticks = 0.0

    def __call__(self) -> dt.datetime:
        return self.now

    def monotonic(self) -> float:
        self.ticks += 2.0
        return self.ticks


class FakePrompter:
    """Answers from a script; records which questions were asked and when a hint was offered."""

    def __init__(self, replies: Sequence[Reply | Action], clock: Clock | None = None) -> None:
        self.replies: Iterator[Reply | Action] = iter(replies)
        self.asked: list[tuple[str, bool]] = []
        self.clock = clock

    def ask(
        self, item: Item, *, hint_available: bool, time_left: float | None = None
    ) -> Reply | Action:
        """Each answer takes the learner 20 seconds."""
        self.asked.append((item.question.id, hint_available))
        if self.clock is not None:
            self.clock.now += dt.timedelta(seconds=20)
        try:
            return next(self.replies)
        except StopIteration:
            raise EOFError from None

    def confirm(self, message: str) -> bool:
        return False

    def select(self, message: str, options: Sequence[str]) -> int:
        return 0


BANK = Bank(
    id="b",
    title="Goïta [bold]au[/] Kremlin",
    language="fr",
    source=Source(author="Médard Clobechi", published=dt.date(2025, 6, 23)),
    questions=(
        ChoiceQuestion(
            id="qui",
            prompt="Qui a reçu Goïta ?",
            choices=("Vladimir Poutine", "Sergueï Lavrov"),
            answer="Vladimir Poutine",
            feedback={"Sergueï Lavrov": "Lavrov était là, mais il n'a pas reçu Goïta."},
            explanation="Le président russe en personne.",
            evidence=(Evidence("reçu lundi 23 juin 2025 au Kremlin"),),
            tags=("diplomatie",),
        ),
        ShortQuestion(
            id="nom",
            prompt="Nom du chef de la junte ?",
            answer="Goïta",
            hint="Assimi…",
            explanation="Assimi Goïta.",
            tags=("personnes",),
        ),
        DateQuestion(id="quand", prompt="Quand ?", answer=PartialDate(2025, 6, 23), points=2),
    ),
)


def play(
    replies: Sequence[Reply | Action], *, mode: Mode = Mode.PRACTICE, plain: bool = False
) -> tuple[str, FakePrompter, object]:
    console = Console(record=True, width=80, file=io.StringIO(), color_system=None, markup=False)
    say = PlainMessages("fr") if plain else Messages("fr")
    clock = Clock()
    prompter = FakePrompter(replies, clock)
    session = start_session(BANK, Options(mode=mode, shuffle=False), random.Random(0), clock())
    view = PlayView(console, prompter, say, clock=clock, monotonic=clock.monotonic, plain=plain)
    with contextlib.suppress(EOFError):
        view.run(session)
    interrupted = session.current() is not None
    session.finish(clock.now)
    view.show_summary(session, session.summary(), interrupted=interrupted)
    return console.export_text(), prompter, session


def test_practice_run_shows_verdict_points_answer_explanation_and_evidence() -> None:
    text, prompter, _ = play(
        [
            Reply("Sergueï Lavrov", "Sergueï Lavrov"),
            HINT,
            Reply("goita", "goita"),
            Reply("22/06/2025", "22/06/2025"),
        ]
    )
    assert [line.rstrip() for line in text.splitlines()] == (
        """\

Goïta [bold]au[/] Kremlin
Entraînement : correction après chaque réponse.
3 questions, 4 points.
Flèches et Entrée pour répondre. Ctrl-C pour arrêter.

Question 1 sur 3 · 1 pt
Qui a reçu Goïta ?
Mauvaise réponse. 0 point sur 1.
La réponse : Vladimir Poutine
Sergueï Lavrov : Lavrov était là, mais il n'a pas reçu Goïta.
Pourquoi : Le président russe en personne.
Dans l’article (23 juin 2025) :
  « reçu lundi 23 juin 2025 au Kremlin »

Question 2 sur 3 · 1 pt
Nom du chef de la junte ?
Indice : Assimi…
Indice affiché : la question vaut maintenant moitié moins.
Bonne réponse. 0,5 point sur 1. (divisé par deux : l’indice a été utilisé)
Acceptée ; cela s’écrit « Goïta », avec les accents.
Pourquoi : Assimi Goïta.

Question 3 sur 3 · 2 pts
Quand ?
En partie juste. 1 point sur 2.
La réponse : 23 juin 2025

Résultats
Score : 1,5 point sur 4 (38\u00a0%).
Questions répondues : 3 sur 3.
Durée : 1 min 20 s.
Par thème
 thème        questions    points      %
─────────────────────────────────────────
 diplomatie           1     0 / 1    0\u00a0%
 personnes            1   0,5 / 1   50\u00a0%
À revoir (manquées ou en partie justes)
- Qui a reçu Goïta ? — la réponse : Vladimir Poutine
- Quand ? — la réponse : 23 juin 2025
""".splitlines()
    )
    assert prompter.asked == [("qui", False), ("nom", True), ("nom", False), ("quand", False)]


def test_exam_gives_no_feedback_until_the_end() -> None:
    text, _, _ = play(
        [Reply("Sergueï Lavrov", "x"), SKIP, Reply("2025-06-23", "x")], mode=Mode.EXAM
    )
    assert "Mauvaise réponse" not in text
    assert "Pourquoi" not in text
    assert text.count("Réponse enregistrée.") == 2
    assert text.count("Question passée.") == 1
    assert "Score : 2 points sur 4 (50\u00a0%)." in text
    assert "- Nom du chef de la junte ? — la réponse : Goïta" in text


def test_end_of_input_sums_up_what_was_answered() -> None:
    text, _, _ = play([Reply("Vladimir Poutine", "Vladimir Poutine")])
    assert "Session interrompue." in text
    assert "Score : 1 point sur 1 (100\u00a0%)." in text
    assert "Aucune question manquée. Bravo !" in text


def test_plain_mode_uses_ascii_decorations_and_keeps_french_quotation_marks() -> None:
    text, _, _ = play([SKIP, SKIP, SKIP], plain=True)
    assert "Question 1 sur 3 - 1 pt" in text
    # « » are how French quotes: `"` would be English typography in a French session.
    assert "« reçu lundi 23 juin 2025 au Kremlin »" in text
    assert '"' not in text
    assert "- Qui a reçu Goïta ? - la réponse : Vladimir Poutine" in text
    assert not set(text) & set("→—…“”’·│─┼")


def test_markup_and_control_text_from_a_bank_is_shown_literally() -> None:
    report = parse_bank(
        'newsquiz: 1\nid: x\ntitle: "[link=http://evil]click[/link] [/foo]"\nlanguage: en\n'
        "questions:\n  - {id: q, type: truefalse, prompt: '[red]x[/red]', answer: true, explanation: e}\n"
    )
    assert report.bank is not None
    console = make_console(io.StringIO(), color=True, width=80)
    console.record = True
    session = start_session(report.bank, Options(shuffle=False), random.Random(0), T0)
    clock = Clock()
    view = PlayView(
        console,
        FakePrompter([Reply(True, "true")]),
        Messages("en"),
        clock=clock,
        monotonic=clock.monotonic,
        plain=False,
    )
    view.run(session)
    text = console.export_text()
    assert "[link=http://evil]click[/link] [/foo]" in text
    assert "[red]x[/red]" in text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (DateQuestion(id="d", prompt="p", answer=PartialDate(2021)), "2021"),
        (DateQuestion(id="d", prompt="p", answer=PartialDate(2021, 8)), "août 2021"),
        (
            ClozeQuestion(
                id="c",
                prompt="",
                text="x",
                segments=(
                    "Le groupe ",
                    __import__("newsquiz.model").model.Blank(("Wagner", "wagner")),
                    ".",
                ),
            ),
            "Le groupe Wagner.",
        ),
    ],
)
def test_describe_answer(question: object, expected: str) -> None:
    assert describe_answer(question, Messages("fr")) == expected  # type: ignore[arg-type]


def test_stopping_before_any_answer_says_so_without_a_score() -> None:
    text, _, _ = play([])
    assert text.rstrip().endswith("Session interrompue.\nRésultats\nAucune question répondue.")
    assert "Score" not in text
