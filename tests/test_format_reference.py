"""docs/format.md is generated from the field tables, so it cannot drift from the loader."""

from __future__ import annotations

import io
from pathlib import Path

from newsquiz import fields as F
from newsquiz.cli import main
from newsquiz.context import Environment
from newsquiz.format_reference import render_reference, undocumented

REPO = Path(__file__).resolve().parents[1]


def test_every_field_of_the_format_is_documented() -> None:
    assert undocumented() == []


def test_the_committed_reference_is_current() -> None:
    committed = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    assert committed == render_reference(), "run: newsquiz schema --markdown > docs/format.md"


def test_schema_markdown_prints_the_reference() -> None:
    out = io.StringIO()
    assert main(["schema", "--markdown"], Environment(stdout=out)) == 0
    text = out.getvalue()
    for name in (
        *F.BANK_FIELDS,
        *F.COMMON_FIELDS,
        "tolerance",
        "unit",
        "partial",
        "accept",
        "match",
    ):
        assert f"| `{name}` |" in text, name
    assert "{{answer\\|other accepted}}" in text
