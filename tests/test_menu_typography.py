"""Arrow-key menus and the answers they leave on screen keep French punctuation
with its word, as the rest of the screen does: no line of a menu ends with « or
starts with ?, !, :, ; or », whatever the terminal's width."""

from __future__ import annotations

import os
import shutil

import pytest

from newsquiz.interface.arrow_keys import fit

TEXTS = [
    "Qu’est-ce qui vient en position 2 ? ↩ Reprendre « Entretien entre les deux dirigeants »",
    "Qui a dit : « Je suis convaincu que nos relations vont se renforcer » ? Un choix !",
    "Quel mode ; et pourquoi pas : l’examen, ou l’entraînement ? Répondez vite !",
]


@pytest.mark.parametrize("text", TEXTS)
def test_french_punctuation_stays_with_its_word_at_every_width(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for width in range(24, 90):
        monkeypatch.setattr(
            shutil, "get_terminal_size", lambda *_, w=width: os.terminal_size((w, 24))
        )
        lines = fit(text, 2).split("\n")
        for line in lines:
            assert not line.rstrip().endswith("«"), (width, lines)
            assert line.strip()[:1] not in ("?", "!", ":", ";", "»"), (width, lines)
        assert all(len(line) < width for line in lines)
        assert " ".join(" ".join(lines).split()).replace("\u00a0", " ").replace(
            "\u202f", " "
        ) == " ".join(text.split())
