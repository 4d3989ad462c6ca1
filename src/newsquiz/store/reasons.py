"""Why SQLite refused to read or write the store, as a message key the session can say.

SQLite's own text is English ("database is locked"): it is never shown as is.
Its result code (locked, busy, full, read-only, I/O error, corrupt, cannot open)
names a message in the catalogue; the code's name is said only when no message
fits, and the system's reason only where SQLite gives nothing better.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field

# SQLite's primary result codes (the low byte of an extended code).
_KEYS = {
    5: "store.sqlite.locked",  # SQLITE_BUSY
    6: "store.sqlite.locked",  # SQLITE_LOCKED
    8: "store.sqlite.read_only",  # SQLITE_READONLY
    10: "store.sqlite.io",  # SQLITE_IOERR
    11: "store.sqlite.corrupt",  # SQLITE_CORRUPT
    13: "store.sqlite.full",  # SQLITE_FULL
    14: "store.sqlite.cannot_open",  # SQLITE_CANTOPEN
    26: "store.sqlite.corrupt",  # SQLITE_NOTADB
}
# When an error carries no code (raised by Python's own sqlite3 module, say): its words.
_WORDS = (
    ("locked", "store.sqlite.locked"),
    ("busy", "store.sqlite.locked"),
    ("disk is full", "store.sqlite.full"),
    ("readonly", "store.sqlite.read_only"),
    ("read-only", "store.sqlite.read_only"),
    ("i/o error", "store.sqlite.io"),
    ("malformed", "store.sqlite.corrupt"),
    ("not a database", "store.sqlite.corrupt"),
    ("unable to open", "store.sqlite.cannot_open"),
)


@dataclass(frozen=True)
class StoreReason:
    """A reason as a message ``key`` and the ``values`` that fill it in."""

    key: str
    values: Mapping[str, str] = field(default_factory=dict)


class StoreRefused(sqlite3.OperationalError):
    """newsquiz's own refusal to use a store file, said by ``key``; ``str()`` is the English."""

    def __init__(self, key: str, **values: str) -> None:
        from newsquiz.locales import Locale

        super().__init__(Locale("en")(key, **values))
        self.key = key
        self.values = values


def sqlite_reason(error: BaseException) -> StoreReason:
    """What to say for ``error``: a message of the catalogue, never SQLite's English."""
    key = getattr(error, "key", None)
    values = getattr(error, "values", None)
    if isinstance(key, str) and isinstance(values, dict):
        return StoreReason(key, values)  # StoreRefused, StoreDamaged: already said by key
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in _KEYS:
        return StoreReason(_KEYS[code & 0xFF])
    text = str(error).lower()
    for words, found in _WORDS:
        if words in text:
            return StoreReason(found)
    name = getattr(error, "sqlite_errorname", None)
    return StoreReason("store.sqlite.other", {"code": str(name or type(error).__name__)})
