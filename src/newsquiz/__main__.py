"""Allow ``python -m newsquiz``."""

import _signal  # type: ignore[import-not-found]  # no stubs; built in, costs nothing
import os

# First: Ctrl-C while the rest loads exits 130, without a traceback.
_signal.signal(_signal.SIGINT, lambda signum, frame: os._exit(128 + signum))

import sys  # noqa: E402

from newsquiz.cli import main  # noqa: E402

sys.exit(main())
