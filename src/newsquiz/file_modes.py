"""The permissions of a file newsquiz writes through a temporary file.

``tempfile.mkstemp`` makes owner-only files; a bank, an export or a worksheet
must instead get what any editor would give it: the mode of the file it
replaces, or the usual mode under the user's umask for a new file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def mode_for(path: Path) -> int:
    """The mode ``path`` should have once written (``path`` may not exist yet)."""
    try:
        info = os.stat(path)
    except OSError:
        info = None
    if info is not None and stat.S_ISREG(info.st_mode):
        return stat.S_IMODE(info.st_mode)
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask
