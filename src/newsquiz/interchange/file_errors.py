"""What went wrong with a file an import reads or an export writes, said by message key."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from newsquiz.interchange.notices import InterchangeError


@contextmanager
def said_as(path: Path, failed: str, known: Mapping[type[OSError], str]) -> Iterator[None]:
    """Turn an ``OSError`` into an :class:`InterchangeError` naming ``path``.

    An error of a kind in ``known`` gets its key there; any other gets ``failed``,
    with the system's reason.
    """
    try:
        yield
    except OSError as exc:
        key = next((key for kind, key in known.items() if isinstance(exc, kind)), None)
        if key is not None:
            raise InterchangeError(key, path=str(path)) from None
        raise InterchangeError(failed, path=str(path), reason=str(exc.strerror)) from None
