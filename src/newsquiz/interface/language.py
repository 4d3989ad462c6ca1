"""Which language the interface speaks, before and after a bank is chosen.

``--lang``, else the banks at hand when they share a language the interface
knows, else the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``: the first one
set, as POSIX reads them), else English. The rule lives with the registry of
languages, in ``newsquiz.locales``; reading it loads no catalogue.
"""

from __future__ import annotations

from newsquiz.locales import CODES as CATALOGUES
from newsquiz.locales import LOCALE_VARIABLES, choose_language, locale_language

__all__ = ["CATALOGUES", "LOCALE_VARIABLES", "choose_language", "locale_language"]
