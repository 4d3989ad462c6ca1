"""A path as the user would type it: relative to the current folder when inside it."""

from __future__ import annotations

from newsquiz.visible import visible

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path


def shown_path(path: Path, cwd: Path) -> str:
    """``path`` relative to ``cwd`` when inside it, else as it is (not escaped: see visible)."""
    try:
        return str(path.relative_to(cwd))
    except ValueError:
        return str(path)


def printable_path(path: Path, cwd: Path) -> str:
    """``shown_path`` with any control character in a file name made visible, safe to print."""
    return visible(shown_path(path, cwd))
