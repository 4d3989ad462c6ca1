"""What each field of the bank format means, with an example: the source of docs/format.md.

The entries are data, in ``field_docs.yaml`` beside this module, where a writer
can change them without reading Python. The reference walks the field tables of
fields.py (the ones the loader and the JSON Schema use) and looks each field up
here; a test checks that every field in those tables is documented and that
docs/format.md is current.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from newsquiz.model import QuestionType

# field -> (meaning, example as written in a bank)
Doc = tuple[str, str]

_ENTRIES: Any = yaml.safe_load(
    (Path(__file__).resolve().parent / "field_docs.yaml").read_text(encoding="utf-8")
)


def _docs(fields: Mapping[str, Mapping[str, str]]) -> dict[str, Doc]:
    return {name: (entry["meaning"], entry["example"]) for name, entry in fields.items()}


BANK: Mapping[str, Doc] = _docs(_ENTRIES["bank"])
SOURCE: Mapping[str, Doc] = _docs(_ENTRIES["source"])
EVIDENCE: Mapping[str, Doc] = _docs(_ENTRIES["evidence"])
COMMON: Mapping[str, Doc] = _docs(_ENTRIES["common"])
TYPES: Mapping[QuestionType, str] = {
    QuestionType(name): entry["lead"] for name, entry in _ENTRIES["types"].items()
}
TYPE_FIELDS: Mapping[QuestionType, Mapping[str, Doc]] = {
    QuestionType(name): _docs(entry["fields"]) for name, entry in _ENTRIES["types"].items()
}
