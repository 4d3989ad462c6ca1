"""Stop requests from outside: Ctrl-C, SIGTERM and SIGHUP all end a command the same way.

A signal handler only raises :class:`Stopped` (a ``KeyboardInterrupt``): every
``finally`` that runs on Ctrl-C (terminal restored, session saved, results
written) runs on SIGTERM and SIGHUP too, and the command exits 128 + the
signal's number, as shells report it (130, 143, 129).
"""

from __future__ import annotations

import signal as _signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

SIGINT: int = _signal.SIGINT
_STOP_SIGNALS: tuple[int, ...] = tuple(
    getattr(_signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(_signal, name)
)


class Stopped(KeyboardInterrupt):
    """The program was asked to stop by a signal other than Ctrl-C."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def exit_status(error: KeyboardInterrupt) -> int:
    """128 + the signal: 130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP."""
    return 128 + (error.signum if isinstance(error, Stopped) else SIGINT)


def _raise_stopped(signum: int, frame: FrameType | None) -> None:
    # One stop is enough: a second signal while the session is being saved would
    # cut the saving short.
    for number in _STOP_SIGNALS:
        _signal.signal(number, _signal.SIG_IGN)
    raise Stopped(signum)


@contextmanager
def stop_signals_raise() -> Iterator[None]:
    """Within: Ctrl-C raises KeyboardInterrupt, SIGTERM and SIGHUP raise Stopped.

    Outside the main thread (tests driving ``main`` from a thread) nothing changes.
    """
    handlers: dict[int, Any] = {}
    try:
        for number in (SIGINT, *_STOP_SIGNALS):
            handlers[number] = _signal.getsignal(number)
        _signal.signal(SIGINT, _signal.default_int_handler)
        for number in _STOP_SIGNALS:
            if handlers[number] != _signal.SIG_IGN:  # nohup: stay deaf to SIGHUP
                _signal.signal(number, _raise_stopped)
    except ValueError:
        handlers.clear()
    try:
        yield
    finally:
        for number, handler in handlers.items():
            if handler is not None:
                _signal.signal(number, handler)
