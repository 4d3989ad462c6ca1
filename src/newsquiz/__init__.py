"""newsquiz: learn from the news at the terminal.

Importing the package stays cheap on purpose: ``newsquiz --version`` must not
pay for rich, questionary or PyYAML.
"""

import _signal  # type: ignore[import-not-found]  # built in, already loaded: costs nothing
import os
import sys

__version__ = "0.1.0"


def _leave_quietly(signum: int, frame: object) -> None:
    """Ctrl-C while the program starts or ends: exit as a shell reports it, no traceback."""
    os._exit(128 + signum)


def _guard_start() -> None:
    """When this import starts the `newsquiz` program, Ctrl-C from this first line on
    exits 130 without a traceback; `cli.main` then takes over Ctrl-C for itself.

    The installed command is pip's launcher (``import re, sys`` then this package),
    run by a Python that has started before either. So the wheel also ships
    ``00-newsquiz-signals.pth`` (src/), which does the same as this function from
    the moment Python reads site-packages, its first file there: sys.argv is
    already set, so it acts only in the `newsquiz` command and costs another
    program one string test (about 45 µs, like setuptools' own .pth line).
    Chosen over a launcher of our own (pip writes the script; a shell script
    cannot block signals across exec) and over sitecustomize (one per Python, and
    read after the .pth files). What remains is Python's own start-up before
    site-packages (a few ms): a signal there kills Python silently (-2, -15, -1)
    or, once Python handles SIGINT, shows its traceback from io/os/site; no
    package can run code earlier. This function stays for the other ways in:
    ``python -S``, a source checkout on PYTHONPATH, an installer that skips .pth.
    """
    if os.path.basename(sys.argv[0] if sys.argv else "") not in ("newsquiz", "newsquiz.exe"):
        return  # imported as a library (tests, scripts): leave their handlers alone
    try:
        if _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler:
            _signal.signal(_signal.SIGINT, _leave_quietly)
        for name in ("SIGTERM", "SIGHUP"):  # the same exit status as once main is running
            number = getattr(_signal, name, None)
            if number is not None and _signal.getsignal(number) == _signal.SIG_DFL:
                _signal.signal(number, _leave_quietly)
    except ValueError:  # not the main thread
        pass


_guard_start()
