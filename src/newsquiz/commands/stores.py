"""The files a command opens for the learner: the progress store and the bank cache."""

from __future__ import annotations

TYPE_CHECKING = False

if TYPE_CHECKING:
    import argparse

    from newsquiz.bank_cache import BankCache
    from newsquiz.context import Environment
    from newsquiz.interface.messages import Messages
    from newsquiz.store import Store, StoreUnavailable
    from newsquiz.store.reasons import StoreReason


def bank_cache(env: Environment) -> BankCache:
    """Banks read through the compiled copies in the user cache folder (`check` never uses it)."""
    from newsquiz.bank_cache import BankCache, cache_folder

    return BankCache(cache_folder(env.environ))


def open_store(
    args: argparse.Namespace, env: Environment, say: Messages, *, warning: str = "store.unavailable"
) -> Store | None:
    """The progress store, or None (--no-save, or a folder we cannot write: warn, go on)."""
    if getattr(args, "no_save", False):
        return None
    from newsquiz.outside_text import visible
    from newsquiz.store import StoreUnavailable, default_data_dir, open_store

    try:
        opened = open_store(default_data_dir(env.environ), now=env.clock())
    except StoreUnavailable as exc:
        env.stderr.write(say(warning, reason=unavailable_reason(exc, say)) + "\n")
        return None
    if opened.moved_aside is not None:
        env.stderr.write(say("store.moved", path=visible(str(opened.moved_aside))) + "\n")
    return opened.store


def store_for_reading(env: Environment, say: Messages, *, warning: str | None) -> Store | None:
    """The store to read from, read-only when the data folder cannot be written."""
    from newsquiz.outside_text import visible
    from newsquiz.store import StoreUnavailable, default_data_dir, open_for_reading

    try:
        opened = open_for_reading(default_data_dir(env.environ), now=env.clock())
    except StoreUnavailable as exc:
        if warning is not None:
            env.stderr.write(say(warning, reason=unavailable_reason(exc, say)) + "\n")
        return None
    if opened.moved_aside is not None:
        env.stderr.write(say("store.moved", path=visible(str(opened.moved_aside))) + "\n")
    return opened.store


def unavailable_reason(error: StoreUnavailable, say: Messages) -> str:
    """Why the store cannot be used, in the session's language (paths and the
    system's own words are values, shown as they are, control characters written out)."""
    from newsquiz.outside_text import visible

    values = {name: visible(value) for name, value in error.values.items()}
    if error.cause is not None:
        values["reason"] = said_reason(error.cause, say)
    return say(error.key, **values)


def said_reason(reason: StoreReason, say: Messages) -> str:
    """Why SQLite refused the store, in the session's language (never SQLite's English)."""
    from newsquiz.outside_text import visible

    return say(reason.key, **{name: visible(value) for name, value in reason.values.items()})
