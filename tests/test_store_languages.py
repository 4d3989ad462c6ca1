"""Why the progress store cannot be used, said in the session's language.

A store written by a newer newsquiz, a data folder that cannot be created or
written, a damaged store that can only be read: a French session says each in
French, an English one in English. Only the system's own words (its strerror)
stay as the system gives them.
"""

from __future__ import annotations

import datetime as dt
import errno
import io
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from newsquiz.cli import main
from newsquiz.context import Environment
from newsquiz.store import STORE_NAME, open_store

NOW = dt.datetime(2025, 6, 23, 9, 0, tzinfo=dt.timezone.utc)

WRAPPERS = {
    "fr": {
        "stats": "Aucune progression à montrer : {reason}.\n",
        "review": "La progression ne sera pas enregistrée : {reason}.\n",
    },
    "en": {
        "stats": "No progress to show: {reason}.\n",
        "review": "Progress will not be saved: {reason}.\n",
    },
}
LOCALES = {"fr": "fr_FR.UTF-8", "en": "en_US.UTF-8"}


def run(command: str, data: Path, language: str, cwd: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    env = Environment(
        stdin=io.StringIO(""),
        stdout=out,
        stderr=err,
        environ={"NEWSQUIZ_DATA_DIR": str(data), "LANG": LOCALES[language]},
        cwd=cwd,
        clock=lambda: NOW,
    )
    return main([command], env), out.getvalue(), err.getvalue()


def said(language: str, command: str, reason: str) -> str:
    return WRAPPERS[language][command].format(reason=reason)


def apostrophes(text: str) -> str:
    """Without a terminal, `stats` writes ' for ’ (see PlainMessages)."""
    return text.replace("\N{RIGHT SINGLE QUOTATION MARK}", "'")


def newer_store(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A store written by a newer newsquiz: the data folder, and the reason by language."""
    folder = tmp_path / "data"
    open_store(folder, now=NOW).store.close()
    path = folder / STORE_NAME
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    return folder, {
        "fr": f"{path} a été écrit par une version plus récente de newsquiz"
        " (version 99 du fichier) ; mettez newsquiz à jour",
        "en": f"{path} was written by a newer newsquiz (store version 99): upgrade newsquiz",
    }


def folder_in_a_file(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """Root can write anywhere, but not make a folder inside a regular file."""
    afile = tmp_path / "afile"
    afile.write_text("not a folder", encoding="utf-8")
    folder = afile / "data"
    reason = os.strerror(errno.ENOTDIR)  # the system's own words, kept as they are
    return folder, {
        "fr": f"impossible de créer le dossier de données {folder} ({reason})",
        "en": f"cannot create the data folder {folder}: {reason}",
    }


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("command", ["stats", "review"])
@pytest.mark.parametrize("prepare", [newer_store, folder_in_a_file])
def test_a_store_that_cannot_be_used_is_said_in_the_sessions_language(
    tmp_path: Path,
    language: str,
    command: str,
    prepare: Callable[[Path], tuple[Path, dict[str, str]]],
) -> None:
    folder, reasons = prepare(tmp_path)

    code, _, err = run(command, folder, language, tmp_path)

    assert code == (1 if command == "stats" else 0)
    assert err == said(language, command, reasons[language])
    if (tmp_path / "afile").exists():
        assert (tmp_path / "afile").read_text(encoding="utf-8") == "not a folder"


def nothing_yet(folder: Path) -> Path:
    folder.mkdir()
    return folder


def damaged_store(folder: Path) -> Path:
    open_store(folder, now=NOW).store.close()
    db = sqlite3.connect(folder / STORE_NAME)
    db.execute("ALTER TABLE cards DROP COLUMN lapses")
    db.close()
    return folder / STORE_NAME


# In a read-only folder: nothing to create a store in, or a damaged store that can
# only be read (and is not moved aside).
READ_ONLY = {
    "nothing yet": (
        nothing_yet,
        {
            "fr": "le dossier de données {folder} n’est pas accessible en écriture",
            "en": "the data folder {folder} is not writable",
        },
    ),
    "damaged": (
        damaged_store,
        {
            "fr": "impossible de lire {path} (la colonne lapses manque à la table cards)",
            "en": "cannot read {path}: the table cards lacks the column lapses",
        },
    ),
}


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("case", list(READ_ONLY))
def test_a_read_only_data_folder_is_said_in_the_sessions_language(
    tmp_path: Path, language: str, case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    prepare, reasons = READ_ONLY[case]
    folder = tmp_path / "data"
    path = prepare(folder)
    # As a read-only folder looks to anyone but root.
    monkeypatch.setattr("newsquiz.store.opening.os.access", lambda path, mode: False)

    code, _, err = run("stats", folder, language, tmp_path)

    assert code == 1
    reason = reasons[language].format(folder=folder, path=path)
    assert apostrophes(err) == apostrophes(said(language, "stats", reason))
    assert not [p.name for p in folder.iterdir() if ".corrupt-" in p.name]
