"""Stop requests from outside: Ctrl-C, SIGTERM and SIGHUP all end a command the same way.

A signal handler only raises :class:`Stopped` (a ``KeyboardInterrupt``): every
``finally`` that runs on Ctrl-C (terminal restored, session saved, results
written) runs on SIGTERM and SIGHUP too, and the command exits 128 + the
signal's number, as shells report it (130, 143, 129).
"""

from __future__ import annotations

import signal as _signal
import sys
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


# Stop requests Python could not raise (see `_keep_for_later`), oldest first.
_swallowed: list[KeyboardInterrupt] = []


def interrupt_within(error: BaseException) -> KeyboardInterrupt | None:
    """The stop request behind `error`, if Python wrapped or swallowed one.

    A signal lands between any two bytecodes; when that is inside a class's
    creation (a dataclass field's ``__set_name__``), Python 3.11 reports a
    ``RuntimeError`` caused by the ``KeyboardInterrupt``. It is still a stop request.
    """
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, KeyboardInterrupt):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return _swallowed[0] if _swallowed else None


def _keep_for_later(unraisable: Any, previous: Any = sys.unraisablehook) -> None:
    """A stop request raised where Python cannot raise (a ``__del__``, a weakref
    callback during an import) is not printed as "Exception ignored": the command
    ends with it instead, as soon as it ends or fails."""
    if isinstance(unraisable.exc_value, KeyboardInterrupt):
        _swallowed.append(unraisable.exc_value)
    else:
        previous(unraisable)


@contextmanager
def stop_signals_raise() -> Iterator[None]:
    """Within: Ctrl-C raises KeyboardInterrupt, SIGTERM and SIGHUP raise Stopped.

    Even when Python wraps the request in another exception or swallows it, the
    block ends with the request. Outside the main thread (tests driving ``main``
    from a thread) nothing changes.
    """
    handlers: dict[int, Any] = {}
    hook = sys.unraisablehook
    try:
        for number in (SIGINT, *_STOP_SIGNALS):
            handlers[number] = _signal.getsignal(number)
        _signal.signal(SIGINT, _signal.default_int_handler)
        for number in _STOP_SIGNALS:
            if handlers[number] != _signal.SIG_IGN:  # nohup: stay deaf to SIGHUP
                _signal.signal(number, _raise_stopped)
        sys.unraisablehook = _keep_for_later
    except ValueError:
        handlers.clear()
    _swallowed.clear()
    try:
        yield
    except Exception as error:
        stop = interrupt_within(error)
        if stop is None:
            raise
        raise stop from None
    else:
        if _swallowed:
            raise _swallowed[0]
    finally:
        sys.unraisablehook = hook
        for number, handler in handlers.items():
            if handler is not None:
                _signal.signal(number, handler)
