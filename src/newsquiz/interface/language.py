"""Which language the interface speaks, before and after a bank is chosen.

``--lang``, else the banks at hand when they share a language the interface
knows, else the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``: the first one
set, as POSIX reads them), else English.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from newsquiz.locales import CODES

# The languages of the registry (reading it loads no catalogue).
CATALOGUES = CODES
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def _base(tag: str) -> str:
    """``fr_FR.UTF-8``, ``fr-CA``, ``FR`` -> ``fr``."""
    return tag.split(".")[0].split("@")[0].replace("_", "-").split("-")[0].lower()


def locale_language(environ: Mapping[str, str]) -> str | None:
    """The interface language the locale asks for, or None (unset, ``C``, or unknown)."""
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            base = _base(value)
            return base if base in CATALOGUES else None
    return None


def choose_language(
    requested: str | None, bank_languages: Iterable[str], environ: Mapping[str, str]
) -> str:
    """--lang, else the banks' shared language, else the locale's, else English."""
    if requested and _base(requested) in CATALOGUES:
        return _base(requested)
    spoken = {_base(language) for language in bank_languages}
    if len(spoken) == 1 and (only := spoken.pop()) in CATALOGUES:
        return only
    return locale_language(environ) or "en"
