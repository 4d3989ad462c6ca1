"""The commented starting bank of `newsquiz new --template`: one question of each type.

Each language's starting bank is a plain bank file in ``starting_banks/``, named
by its language code, so that it can be read, checked and translated as a bank.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

_FOLDER = Path(__file__).resolve().parent / "starting_banks"

TEMPLATES: Mapping[str, str] = {
    path.stem: path.read_text(encoding="utf-8") for path in sorted(_FOLDER.glob("*.yaml"))
}
