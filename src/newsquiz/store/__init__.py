"""The learner's progress: every answer, every session, every schedule, in SQLite.

The package's parts, one concept each:

- ``database``: the connection, opening a store whole and up to date, write transactions;
- ``migrations``: the tables and the steps from an older store (``PRAGMA user_version``);
- ``health``: whether a store's contents are what newsquiz writes;
- ``opening``: where the store lives, a damaged one moved aside, a read-only one read;
- ``kept_log``: a damaged store's write-ahead log, kept to go aside with it;
- ``columns`` and ``clauses``: values to and from columns, conditions on banks;
- ``reads`` and ``writes``: the queries, and :class:`Store`, which keeps the progress;
- ``statistics``: the figures of `newsquiz stats` and their types.
"""

from newsquiz.store.columns import local_day
from newsquiz.store.database import StoreUnavailable
from newsquiz.store.health import StoreDamaged
from newsquiz.store.migrations import SCHEMA_VERSION
from newsquiz.store.opening import (
    STORE_NAME,
    OpenedStore,
    connect_read_only,
    default_data_dir,
    open_for_reading,
    open_store,
)
from newsquiz.store.reads import next_due
from newsquiz.store.statistics import (
    Accuracy,
    DayActivity,
    QuestionStanding,
    Statistics,
    gather_statistics,
)
from newsquiz.store.writes import NO_BANK, AnswerRecord, Store

__all__ = [
    "NO_BANK",
    "SCHEMA_VERSION",
    "STORE_NAME",
    "Accuracy",
    "AnswerRecord",
    "DayActivity",
    "OpenedStore",
    "QuestionStanding",
    "Statistics",
    "Store",
    "StoreDamaged",
    "StoreUnavailable",
    "connect_read_only",
    "default_data_dir",
    "gather_statistics",
    "local_day",
    "next_due",
    "open_for_reading",
    "open_store",
]
