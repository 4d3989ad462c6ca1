"""Where banks are found: installed with the package, ./quizzes, NEWSQUIZ_PATH."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from newsquiz.bank_files import Skipped, iter_bank_files, path_kind, read_regular

TYPE_CHECKING = False
if TYPE_CHECKING:
    from newsquiz.bank_cache import BankSummary
    from newsquiz.loader import Report

# The loader is imported when a bank is read from its YAML, not before: a bank
# read from the cache starts without it.

Summarize = Callable[[Path], "BankSummary | None"]

# The bank a new user plays when they name none: the article's own language.
DEFAULT_BANK_ID = "goita-kremlin-2025-fr"


class BankIsFolder(LookupError):
    """A bank named by a path that is a folder: a bank is a file."""

    def __init__(self, reference: str) -> None:
        self.reference = reference
        super().__init__(reference)


class BankNotFound(LookupError):
    def __init__(self, reference: str, known: tuple[str, ...]) -> None:
        self.reference = reference
        self.known = known
        super().__init__(reference)


@dataclass(frozen=True)
class Found:
    """A bank file found in one of the folders, with what reading it gave."""

    path: Path
    report: Report


@dataclass(frozen=True)
class Listed:
    """A bank file found, with what `newsquiz list` shows of it (None: not a valid bank)."""

    path: Path
    summary: BankSummary | None


def _read(path: Path) -> Report:
    from newsquiz.loader import read_bank

    return read_bank(path)


def _summarize(path: Path) -> BankSummary | None:
    """Without a cache: read the whole bank."""
    from newsquiz.bank_cache import BankCache

    return BankCache(None).summary(path)


def installed_folder() -> Path | None:
    """The banks shipped with the package (a wheel), or the checkout's (an editable install)."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "quizzes", package.parents[1] / "quizzes"):
        if candidate.is_dir():
            return candidate
    return None


def bank_folders(environ: Mapping[str, str], cwd: Path) -> list[Path]:
    """Folders to search, the user's own choices first."""
    folders = [Path(p) for p in environ.get("NEWSQUIZ_PATH", "").split(os.pathsep) if p]
    folders.append(cwd / "quizzes")
    installed = installed_folder()
    if installed is not None:
        folders.append(installed)
    unique: dict[Path, Path] = {}
    for folder in folders:
        if path_kind(folder) == "folder":
            unique.setdefault(folder.resolve(), folder)
    return list(unique.values())


def _bank_files(folders: list[Path], skipped: list[Skipped] | None) -> Iterator[Path]:
    """Every bank file in the folders, each file once.

    What could not be looked at (see bank_files.py) is added to ``skipped``.
    """
    seen_files: set[Path] = set()
    for folder in folders:
        for path in iter_bank_files(folder, skipped):
            if path.resolve() in seen_files:
                continue
            seen_files.add(path.resolve())
            yield path


def discover(
    folders: list[Path],
    skipped: list[Skipped] | None = None,
    read: Callable[[Path], Report] = _read,
) -> list[Found]:
    """Every bank file in the folders; a bank id found twice keeps its first place.

    What could not be looked at (see bank_files.py) is added to ``skipped``.
    """
    found: list[Found] = []
    ids: set[str] = set()
    for path in _bank_files(folders, skipped):
        report = read(path)
        if report.bank is not None:
            if report.bank.id in ids:
                continue
            ids.add(report.bank.id)
        found.append(Found(path, report))
    return found


def survey(
    folders: list[Path], skipped: list[Skipped] | None = None, summarize: Summarize = _summarize
) -> list[Listed]:
    """Like :func:`discover`, reading only what a list of banks shows."""
    listed: list[Listed] = []
    ids: set[str] = set()
    for path in _bank_files(folders, skipped):
        summary = summarize(path)
        if summary is not None:
            if summary.id in ids:
                continue
            ids.add(summary.id)
        listed.append(Listed(path, summary))
    return listed


_TOP_LEVEL_ID = re.compile(r"""^id:[ \t]*["']?([a-z0-9-]+)["']?[ \t]*(?:#.*)?$""", re.MULTILINE)


def _written_id(path: Path) -> str | None:
    """The bank id as written near the top of the file, without loading the bank."""
    try:
        head = read_regular(path, 8191).decode("utf-8", "replace")
    except (OSError, ValueError):
        return None
    found = _TOP_LEVEL_ID.search(head)
    return found.group(1) if found else None


def resolve_bank(
    reference: str,
    folders: list[Path],
    cwd: Path,
    skipped: list[Skipped] | None = None,
    summarize: Summarize = _summarize,
) -> Path:
    """The bank file a user means by ``reference``: a path, else a bank id.

    Raises BankIsFolder for a folder and BankNotFound (with the ids found) when
    neither a file nor a bank id matches. A path that names something other than
    a folder (a pipe, a device) is returned too: reading it then says plainly
    what it is.
    """
    candidate = Path(reference)
    if not candidate.is_absolute():
        candidate = cwd / candidate
    kind = path_kind(candidate)
    if kind == "folder":
        raise BankIsFolder(reference)
    if kind in ("file", "other"):
        return candidate
    return _by_id(reference, folders, skipped, summarize)


def _by_id(
    reference: str, folders: list[Path], skipped: list[Skipped] | None, summarize: Summarize
) -> Path:
    """The bank whose id is ``reference``; BankNotFound, with the ids found, when none is."""
    # Loading every bank to find one is slow; the id is nearly always written
    # plainly at the top, and the bank found is loaded and checked anyway.
    for folder in folders:
        for path in iter_bank_files(folder, skipped):
            if _written_id(path) == reference:
                return path
    known: list[str] = []
    for item in survey(folders, summarize=summarize):
        if item.summary is not None:
            if item.summary.id == reference:
                return item.path
            known.append(item.summary.id)
    raise BankNotFound(reference, tuple(known))


def default_bank(
    folders: list[Path], skipped: list[Skipped] | None = None, summarize: Summarize = _summarize
) -> Path | None:
    valid = [item for item in survey(folders, skipped, summarize) if item.summary is not None]
    for item in valid:
        if item.summary is not None and item.summary.id == DEFAULT_BANK_ID:
            return item.path
    return valid[0].path if valid else None
