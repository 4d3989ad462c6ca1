"""A path as the user would type it: relative to the current folder when inside it."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path


def shown_path(path: Path, cwd: Path) -> str:
    """``path`` relative to ``cwd`` when inside it, else as it is (not escaped: see visible)."""
    try:
        return str(path.relative_to(cwd))
    except ValueError:
        return str(path)
