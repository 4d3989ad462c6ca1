"""Conditions on which banks a query reads, with their values bound as parameters."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Clause:
    """A piece of a WHERE clause and the values of its ``?`` marks, in order."""

    sql: str
    values: tuple[object, ...]


EVERYTHING = Clause("TRUE", ())


def in_banks(bank_ids: Sequence[str] | None, *, table: str = "") -> Clause:
    """Rows of the banks named, or of every bank when ``bank_ids`` is None.

    ``table`` is the alias of the table whose ``bank_id`` is meant, in a query
    that joins several; it is part of the program's SQL, never a user's value.
    """
    if bank_ids is None:
        return EVERYTHING
    if table and not table.isidentifier():
        raise ValueError(f"not a table alias: {table!r}")
    column = f"{table}.bank_id" if table else "bank_id"
    marks = ", ".join("?" * len(bank_ids))
    return Clause(f"{column} IN ({marks})", tuple(bank_ids))
