"""Play's second edition in a real pseudo-terminal, read as a screen: units, the ticking
countdown, the retry default, French menus, and 60- and 200-column terminals."""

from __future__ import annotations

import os
import pty
import re
import time
from pathlib import Path

import pytest

from screen import NEWSQUIZ, Screen

DOWN = "\x1b[B"

LONG_PROMPT = (
    "Which of these statements about the visit of the head of the Malian junta to Moscou "
    "in June 2025, as the article tells it, is the one that the article supports in full?"
)
BANK_EN = f"""\
newsquiz: 1
id: mini-en
title: A rather long title for a small bank about the visit to the Kremlin
language: en
questions:
  - id: days
    type: number
    prompt: How many days did the stay last?
    answer: 4
    unit: days
    explanation: From Sunday to Thursday.
  - id: long
    type: choice
    prompt: "{LONG_PROMPT}"
    choices:
      - "Goïta travelled to Moscow for an official visit and was received by the head of state himself at the Kremlin"
      - "A summit"
    answer: "Goïta travelled to Moscow for an official visit and was received by the head of state himself at the Kremlin"
    explanation: The article says so.
"""
BANK_FR = """\
newsquiz: 1
id: mini-fr
title: Goïta reçu au Kremlin, une banque courte pour un terminal étroit
language: fr
questions:
  - id: qui
    type: choice
    prompt: Qui a reçu les « chefs de la diplomatie » à Moscou ?
    choices: [Vladimir Poutine, Sergueï Lavrov]
    answer: Vladimir Poutine
    explanation: Le président russe en personne.
    evidence: "« reçu lundi 23 juin 2025 au Kremlin »"
"""

pytestmark = pytest.mark.skipif(not NEWSQUIZ.exists(), reason=f"{NEWSQUIZ} is not installed")


@pytest.fixture
def banks(tmp_path: Path) -> Path:
    folder = tmp_path / "quizzes"
    folder.mkdir()
    (folder / "mini.en.yaml").write_text(BANK_EN, encoding="utf-8")
    (folder / "mini.fr.yaml").write_text(BANK_FR, encoding="utf-8")
    return tmp_path


def test_the_arrow_key_number_prompt_shows_the_unit(banks: Path) -> None:
    screen = Screen("play", "mini-en", "--no-shuffle", "--no-save", cwd=banks, columns=100)
    screen.wait_for("Type a number (in days).")
    screen.send("4\r")
    screen.wait_for("Correct.")
    screen.send("\x03")
    assert screen.finish() == 130


def test_the_exam_countdown_ticks_in_arrow_key_mode(banks: Path) -> None:
    screen = Screen(
        "play", "mini-en", "--exam", "--time", "0.5", "--no-save", cwd=banks, columns=100
    )
    screen.wait_for("s left")
    first = _seconds_left(screen.text())
    time.sleep(2.5)
    later = _seconds_left(screen.text())
    # Nobody typed anything: the bottom line changed by itself.
    assert first - 4 <= later <= first - 1, (first, later)
    screen.send("\x03")
    assert screen.finish() == 130


def _seconds_left(text: str) -> int:
    found = re.findall(r"(\d+) min (\d+) s left", text)
    assert found, text
    minutes, seconds = found[-1]
    return int(minutes) * 60 + int(seconds)


def test_after_an_exam_the_retry_offer_defaults_to_no(banks: Path) -> None:
    screen = Screen(
        "play", "mini-en", "--exam", "--no-shuffle", "--no-save", cwd=banks, columns=100
    )
    screen.wait_for("Type a number (in days).")
    screen.send("5\r")
    screen.wait_for("Answer recorded.")
    screen.send("\r")
    text = screen.wait_for("Retry the missed question?")
    assert re.search(r"»\s*No", text), text
    screen.send("\r")
    assert screen.finish() == 0
    assert "Question 1 of 1" not in screen.text()


def test_french_menus_under_a_french_locale(banks: Path) -> None:
    # Two banks, two languages: before one is chosen, the locale decides.
    screen = Screen("play", "--no-save", cwd=banks, columns=100, lang="fr_FR.UTF-8")
    text = screen.wait_for("Quelle banque de questions voulez-vous jouer ?")
    assert "(flèches, puis Entrée)" in text
    assert "(mini-fr, 1 question)" in text
    assert "Which bank" not in text
    screen.send(DOWN + "\r")
    text = screen.wait_for("Quel mode ?")
    assert "Entraînement (correction après chaque réponse)" in text
    screen.send("\r")
    screen.wait_for("Question 1 sur 1")
    screen.send("\x03")
    assert screen.finish() == 130


def test_a_200_column_terminal_reads_at_100_columns(banks: Path) -> None:
    screen = Screen("play", "mini-en", "--no-shuffle", "--no-save", cwd=banks, columns=200)
    screen.wait_for("Type a number")
    screen.send("4\r")
    text = screen.wait_for("Question 2 of 2")
    screen.wait_for("A summit")
    lines = screen.lines()
    assert max(len(line) for line in lines) <= 100, "\n".join(lines)
    assert _joined(lines, "Which of these statements") == LONG_PROMPT
    screen.send("\x03")
    assert screen.finish() == 130
    assert "From Sunday to Thursday." in text


def test_a_60_column_terminal_wraps_menus_and_text_between_words(banks: Path) -> None:
    screen = Screen("play", "--no-save", "--no-shuffle", cwd=banks, columns=60, lang="fr_FR.UTF-8")
    screen.wait_for("mini-fr")
    lines = screen.lines()
    # The bank menu wraps instead of being cut: every entry is there whole.
    entry = "Goïta reçu au Kremlin, une banque courte pour un terminal étroit (mini-fr, 1 question)"
    assert _joined(lines, "Goïta reçu au Kremlin") == entry, "\n".join(lines)
    screen.send(DOWN + "\r")
    screen.wait_for("Quel mode")
    screen.send("\r")
    screen.wait_for("Vladimir Poutine")
    screen.send(DOWN + "\r")  # Lavrov: wrong, to see the feedback
    screen.wait_for("Le président russe en personne.")
    lines = screen.lines()
    assert max(len(line) for line in lines) <= 60
    text = "\n".join(lines)
    # French spaces stay with their word (the menu's pointer » aside); the quote is not
    # put in a second pair of « ».
    prose = "\n".join(line for line in lines if not line.startswith(" » "))
    assert not re.search(r"(^|\n)\s*[?!:;»]", prose), text
    assert not re.search(r"«\s*\n", text), text
    # The spaces kept with « » and ? are no-break spaces.
    assert "«\u00a0chefs de la diplomatie\u00a0»" in text and "Moscou\u202f?" in text
    spaced = text.replace("\u00a0", " ").replace("\u202f", " ")
    assert "« « " not in spaced and "« reçu lundi 23 juin 2025 au Kremlin »" in spaced
    words = set(_all_words(BANK_FR))
    on_screen = set(spaced.split())
    assert {"diplomatie", "Moscou", "Poutine"} <= words & on_screen
    screen.send("\x03")
    assert screen.finish() == 130


def _joined(lines: list[str], start: str) -> str:
    """A wrapped paragraph put back on one line: from the line that starts it to the
    first line that does not continue it (indented, or a new sentence)."""
    first = next(i for i, line in enumerate(lines) if start in line)
    text = lines[first][lines[first].index(start) :]
    for line in lines[first + 1 :]:
        if not line.strip() or line.lstrip().startswith(("»", "›")):
            break
        text += " " + line.strip()
        if text.endswith(("?", ")", ".")):
            break
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _all_words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def test_keys_typed_ahead_are_discarded() -> None:
    from newsquiz.interface.arrow_keys import discard_typeahead

    parent, child = pty.openpty()
    try:
        with os.fdopen(os.dup(child), "r") as stream:
            os.write(parent, b"\x1b[B\x1b[B\r")
            time.sleep(0.1)
            discard_typeahead(stream)
            os.set_blocking(child, False)
            with pytest.raises(BlockingIOError):
                os.read(child, 100)
    finally:
        os.close(parent)
        os.close(child)
