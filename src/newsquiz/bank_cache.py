"""A compiled form of each bank, kept in the user's cache folder.

A bank is parsed from YAML once; later runs read its compiled form, as long as
the file is exactly the one compiled: same path, size, modification time and
SHA-256 of its content, read by the same version of newsquiz and of the cache
(CACHE_VERSION) with the same model. Anything else (no entry, a damaged or
foreign one, one written by an older newsquiz or by another user, a folder that
cannot be read or written) falls back to the YAML:
the cache only ever costs or saves time.

The bank and its errors depend only on the file; the one warning that looks
at another file (a source.file missing beside the bank) is kept as it was when
the entry was written, which is fine: only `check` shows warnings, and `check`
never uses the cache.

An entry is JSON text, never code: a header line (the key, a summary for
`newsquiz list` and its checksum, a checksum of the rest), a table of strings,
the bank's own fields and problems, where each question starts, then one line
per question, built only when asked for.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import stat
import sys
import time
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsquiz import __version__
from newsquiz.bank_codec import (
    CodecError,
    Decoding,
    Encoding,
    UnsupportedType,
    codec,
    read_json,
    reading,
)
from newsquiz.fields import MAX_BANK_BYTES
from newsquiz.lazy_questions import LazyQuestions
from newsquiz.model import Question
from newsquiz.visible import visible

TYPE_CHECKING = False
if TYPE_CHECKING:
    from newsquiz.diagnostics import Report

FORMAT = "newsquiz-bank-cache"
# Raise this whenever what an entry says changes while the model and the package
# version do not: a problem's wording or its message key (2: loader messages became
# keys). An entry of another cache version is a miss: the bank file is read again.
CACHE_VERSION = 2
MAX_ENTRIES = 200
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_AGE_SECONDS = 60 * 86_400
_MAX_HEADER_BYTES = 64 * 1024
_CHUNK = 1024 * 1024
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_NOCTTY", 0)
)


@dataclass(frozen=True)
class BankSummary:
    """What `newsquiz list` shows of a valid bank."""

    id: str
    title: str
    language: str
    questions: int


def cache_folder(environ: Mapping[str, str]) -> Path:
    """NEWSQUIZ_CACHE_DIR, or else the user cache folder of the platform."""
    override = environ.get("NEWSQUIZ_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("newsquiz", appauthor=False)) / "banks"


class BankCache:
    """Reads banks through the cache in ``folder`` (None: straight from the YAML)."""

    def __init__(self, folder: Path | None, *, max_bytes: int = MAX_BANK_BYTES) -> None:
        self.folder = folder
        self.max_bytes = max_bytes

    def read(self, path: Path, *, shown_as: str | None = None) -> Report:
        """The bank file's report, as :func:`newsquiz.loader.read_bank` gives it."""
        # As the loader names the file in its messages (control characters escaped).
        shown = visible(shown_as or str(path))
        found = self._lookup(path, shown, whole=True)
        if found is not _MISS:
            report: Report = found
            return report
        return self._compile(path, shown)

    def summary(self, path: Path) -> BankSummary | None:
        """Id, title, language and size of a valid bank; None for an invalid one."""
        found = self._lookup(path, visible(str(path)), whole=False)
        if found is not _MISS:
            summary: BankSummary | None = found
            return summary
        return _summarize(self._compile(path, visible(str(path))))

    def _lookup(self, path: Path, shown: str, *, whole: bool) -> Any:
        """The report, or the summary, from a valid entry; _MISS when there is none."""
        if self.folder is None:
            return _MISS
        key = _file_key(path, self.max_bytes)
        if key is None:
            return _MISS
        try:
            entry = self.folder / _entry_name(key["path"])
            if not whole:
                return _read_summary(entry, key)
            fallback = functools.partial(self._questions_again, path, shown)
            return _read_entry(entry, key, shown, fallback)
        except (OSError, CodecError):  # no entry, or a damaged one: read the bank file
            return _MISS

    def _questions_again(self, path: Path, shown: str) -> Sequence[Question]:
        """The questions from the bank file, for an entry found damaged late: rewritten too."""
        bank = self._compile(path, shown).bank
        return () if bank is None else bank.questions

    def _compile(self, path: Path, shown: str) -> Report:
        from newsquiz.loader import read_bank, read_bank_data

        if self.folder is None:
            return read_bank(path, shown_as=shown, max_bytes=self.max_bytes)
        fd = _open_regular(path)
        if fd is None:
            return read_bank(path, shown_as=shown, max_bytes=self.max_bytes)
        with os.fdopen(fd, "rb") as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode):
                return read_bank(path, shown_as=shown, max_bytes=self.max_bytes)
            data = handle.read(self.max_bytes + 1)
        report = read_bank_data(data, path, shown_as=shown, max_bytes=self.max_bytes)
        if len(data) <= self.max_bytes:
            try:
                key = _key(path, status, hashlib.sha256(data).hexdigest())
            except (UnsupportedType, RecursionError):
                return report
            _write_entry(self.folder, key, report, shown)
        return report


class _Miss:
    pass


_MISS = _Miss()


def _summarize(report: Report) -> BankSummary | None:
    bank = report.bank
    if bank is None:
        return None
    return BankSummary(bank.id, bank.title, bank.language, len(bank.questions))


def _key(path: Path, status: os.stat_result, digest: str) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "cache": CACHE_VERSION,
        "version": __version__,
        "codec": codec().fingerprint,
        "path": str(path.resolve()),
        "size": status.st_size,
        "mtime_ns": status.st_mtime_ns,
        "sha256": digest,
    }


def _open_regular(path: Path) -> int | None:
    """A descriptor on the file if it is a regular file (a pipe or a device is never opened)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        return os.open(path, _OPEN_FLAGS)
    except (OSError, ValueError):
        return None


def _file_key(path: Path, max_bytes: int) -> dict[str, Any] | None:
    """The key of the bank file as it is now, hashed a chunk at a time; None if unreadable."""
    fd = _open_regular(path)
    if fd is None:
        return None
    with os.fdopen(fd, "rb", buffering=0) as handle:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode) or status.st_size > max_bytes:
            return None
        digest = hashlib.sha256()
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    try:
        return _key(path, status, digest.hexdigest())
    except (UnsupportedType, RecursionError):
        return None


def _entry_name(resolved: str) -> str:
    return f"bank-{hashlib.sha256(resolved.encode('utf-8', 'surrogatepass')).hexdigest()[:32]}.json"


def _open_entry(entry: Path) -> Any:
    """The entry, opened only if it is a regular file of ours that no one else can write."""
    fd = os.open(entry, _OPEN_FLAGS | getattr(os, "O_NOFOLLOW", 0))
    handle = os.fdopen(fd, "rb")
    status = os.fstat(fd)
    owner = getattr(os, "geteuid", None)
    foreign = owner is not None and status.st_uid != owner()
    # (Windows has neither owners nor these mode bits: there, the folder's own rights protect it.)
    shared = os.name == "posix" and status.st_mode & 0o022
    if not stat.S_ISREG(status.st_mode) or foreign or shared:
        handle.close()
        raise CodecError("not a cache entry of this user")
    return handle


def _read_header(handle: Any, key: dict[str, Any]) -> dict[str, Any] | None:
    """The entry's header when it was written for exactly this file, else None."""
    header = read_json(handle.readline(_MAX_HEADER_BYTES))
    if type(header) is not dict or any(header.get(k) != v for k, v in key.items()):
        return None
    _touch(handle)
    return header


def _touch(handle: Any) -> None:
    """Mark the entry as used, so that pruning takes the ones unused longest."""
    with contextlib.suppress(OSError, NotImplementedError):
        os.utime(handle.fileno())


def _summary_from(raw: Any) -> BankSummary | None:
    if raw is None:
        return None
    if type(raw) is not list or len(raw) != 4:
        raise CodecError("a damaged summary")
    bank_id, title, language, count = raw
    if not all(type(v) is str for v in (bank_id, title, language)) or type(count) is not int:
        raise CodecError("a damaged summary")
    return BankSummary(bank_id, title, language, count)


def _read_summary(entry: Path, key: dict[str, Any]) -> Any:
    """The summary in the entry's header; CodecError if it is damaged, _MISS if stale."""
    with _open_entry(entry) as handle, reading("a damaged cache entry"):
        header = _read_header(handle, key)
        if header is None or zlib.crc32(_json(header["summary"])) != header["summary_crc"]:
            return _MISS
        return _summary_from(header["summary"])


def _read_entry(
    entry: Path, key: dict[str, Any], shown: str, fallback: Callable[[], Sequence[Question]]
) -> Any:
    """The report in the entry; CodecError if it is damaged, _MISS if stale."""
    with _open_entry(entry) as handle, reading("a damaged cache entry"):
        header = _read_header(handle, key)
        if header is None:
            return _MISS
        body = handle.read()
        if zlib.crc32(body) != header["body"]:
            return _MISS
        return _decode_body(body, header, shown, fallback)


def _decode_body(
    body: bytes, header: dict[str, Any], shown: str, fallback: Callable[[], Sequence[Question]]
) -> Report:
    """The lines after the header: the string table, the bank's own fields and
    problems, where each question starts, then one question a line.

    Only the header and this index are checked now; each question is checked
    when it is built (the checksum has already ruled out damage).
    """
    from array import array

    from newsquiz.diagnostics import Report
    from newsquiz.model import Bank

    first = body.index(b"\n")
    second = body.index(b"\n", first + 1)
    third = body.index(b"\n", second + 1)
    strings = read_json(body[:first])
    if type(strings) is not list or not all(type(s) is str for s in strings):
        raise CodecError("a damaged string table")
    decoding = Decoding(strings, {"shown": shown, "resolved": header["path"]})
    head, problems = read_json(body[first + 1 : second])
    if type(problems) is not list:
        raise CodecError("a damaged entry")
    found = tuple(codec().problem[1](p, decoding) for p in problems)
    if head is None:
        return Report(shown, None, found)
    starts = array("I", bytes.fromhex(body[second + 1 : third].decode("ascii")))
    if sys.byteorder == "little":
        starts.byteswap()
    if (
        starts.itemsize != 4
        or len(starts) != header["records"] + 1
        or starts[0] != 0
        or starts[-1] != len(body) - third - 1
    ):
        raise CodecError("a damaged index of questions")
    values = codec().bank_head[1](head, decoding)
    questions = LazyQuestions(
        memoryview(body)[third + 1 :], starts, codec().question[1], decoding, fallback
    )
    return Report(shown, Bank(**values, questions=questions), found)


def _encode_body(report: Report, resolved: str, shown: str) -> tuple[bytes, int]:
    encoding = Encoding({"shown": shown, "resolved": resolved})
    problems = [codec().problem[0](p, encoding) for p in report.problems]
    head = None if report.bank is None else codec().bank_head[0](report.bank, encoding)
    questions = () if report.bank is None else report.bank.questions
    records = [_json(codec().question[0](q, encoding)) + b"\n" for q in questions]
    top = _json(encoding.strings) + b"\n" + _json([head, problems]) + b"\n"
    # Where each question's line starts, counted from the first one, and where the
    # last one ends: 8 hexadecimal digits each, read back in one step.
    starts = [0]
    for record in records:
        starts.append(starts[-1] + len(record))
    if starts[-1] >= 2**32:
        raise CodecError("a bank too large for the cache")
    index = "".join(f"{start:08x}" for start in starts).encode("ascii")
    return top + index + b"\n" + b"".join(records), len(records)


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _write_entry(folder: Path, key: dict[str, Any], report: Report, shown: str) -> None:
    """Write the entry; a folder we cannot write only costs the next run its speed."""
    summary = _summarize(report)
    try:
        body, count = _encode_body(report, key["path"], shown)
        header = dict(key, body=zlib.crc32(body), records=count)
        header["summary"] = None if summary is None else list(summary.__dict__.values())
        # The summary is read without the body, so it has a checksum of its own.
        header["summary_crc"] = zlib.crc32(_json(header["summary"]))
        # ASCII: a file name that is not UTF-8 (kept with surrogate escapes) survives.
        first = json.dumps(header, separators=(",", ":")).encode("ascii")
    except (CodecError, UnsupportedType, RecursionError, ValueError, TypeError, AttributeError):
        # A value the model's types do not announce: this bank is simply not cached.
        return
    import tempfile

    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=".bank-", suffix=".tmp", dir=folder)
    except (OSError, ValueError):
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(first + b"\n" + body)
        os.replace(temporary, folder / _entry_name(key["path"]))
    except (OSError, ValueError):
        _remove(Path(temporary))
        return
    prune(folder)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def prune(folder: Path, *, now: float | None = None) -> None:
    """Keep the cache bounded: drop entries unused for long, then the oldest past the limits.

    Only files named as this module names them are ever removed.
    """
    moment = time.time() if now is None else now
    entries: list[tuple[float, int, Path]] = []
    try:
        names = os.listdir(folder)
    except (OSError, ValueError):
        return
    for name in names:
        ours = name.startswith("bank-") and name.endswith(".json")
        leftover = name.startswith(".bank-") and name.endswith(".tmp")
        if not (ours or leftover):
            continue
        try:
            status = (folder / name).lstat()
        except OSError:
            continue
        age = moment - status.st_mtime
        if (leftover and age > 3600) or (ours and age > MAX_AGE_SECONDS):
            _remove(folder / name)
        elif ours:
            entries.append((status.st_mtime, status.st_size, folder / name))
    entries.sort(reverse=True)
    total = 0
    for kept, (_, size, path) in enumerate(entries):
        total += size
        if kept >= MAX_ENTRIES or total > MAX_TOTAL_BYTES:
            _remove(path)
