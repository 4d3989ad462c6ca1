"""Every sentence the quiz says, looked up by key in the language's locale.

The sentences themselves are data (src/newsquiz/locales/<language>.po); the
interface asks for them through ``Messages``, a ``Locale``:
``say("feedback.points", points=..., max_points=..., point_word=...)``.
"""

from __future__ import annotations

from collections.abc import Mapping

from newsquiz.locales import LANGUAGES, Locale, catalogue, interface_language

__all__ = ["Messages", "catalogue", "interface_language"]

Messages = Locale


def __getattr__(name: str) -> Mapping[str, str] | Mapping[str, Mapping[str, str]]:
    """``EN``, ``FR`` and ``CATALOGUES``, read only when asked for."""
    if name == "CATALOGUES":
        return {code: catalogue(code) for code in LANGUAGES}
    if name.lower() in LANGUAGES:
        return catalogue(name.lower())
    raise AttributeError(name)
