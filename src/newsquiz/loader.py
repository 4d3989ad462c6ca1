"""Turn a bank file into the model, reporting every problem at once.

The loader never trusts the file. It reads a bounded number of bytes, decodes
them strictly, and hands the text to its parts:

- :mod:`newsquiz.yaml_tree` builds a small tree from libyaml's event stream, so
  that aliases, tags and deep nesting are refused before anything walks the data;
- :mod:`newsquiz.bank_conversion` converts the tree to the model, by the
  format's rules (never PyYAML's resolver), with :mod:`newsquiz.tree_reader`
  for single values and :mod:`newsquiz.questions` for each type's own fields.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from newsquiz import fields as F
from newsquiz.bank_conversion import BankConverter
from newsquiz.bank_files import NotRegularFile, read_regular
from newsquiz.bank_files import iter_bank_files as iter_bank_files
from newsquiz.diagnostics import BankError, Problem, ProblemKind, Severity
from newsquiz.diagnostics import Report as Report
from newsquiz.loader_texts import english
from newsquiz.model import Bank
from newsquiz.tree_reader import MAX_REPEATS as MAX_REPEATS
from newsquiz.tree_reader import MAX_SUGGESTIONS as MAX_SUGGESTIONS
from newsquiz.visible import visible
from newsquiz.yaml_hints import comment_warnings
from newsquiz.yaml_tree import MAX_DEPTH as MAX_DEPTH
from newsquiz.yaml_tree import compose

MAX_BANK_BYTES = F.MAX_BANK_BYTES
# Values (texts, lists, mappings) in one file: a bank of 16 MiB of ordinary
# questions holds about 1.5 million; past this, reading would take too long.
MAX_NODES = 2_000_000
# Problems reported for one file; a count stands for the rest.
MAX_PROBLEMS = 200


def load_bank(path: str | Path) -> Bank:
    """Load a bank, raising :class:`BankError` with every error it has."""
    report = read_bank(path)
    if report.bank is None:
        raise BankError(report.problems)
    return report.bank


def read_bank(
    path: str | Path, *, shown_as: str | None = None, max_bytes: int = MAX_BANK_BYTES
) -> Report:
    """Read and check one bank file; never raises for anything the file contains.

    ``shown_as`` is how messages name the file (the path as the user typed it).
    """
    shown = visible(shown_as or str(path))
    try:
        data = read_regular(path, max_bytes)
    except IsADirectoryError:
        return _failure(shown, "loader.is_folder", ())
    except FileNotFoundError:
        return _failure(shown, "loader.no_such_file", ())
    except NotRegularFile as exc:
        values = (("what", exc.what),)
        return Report(
            shown,
            None,
            (
                Problem(
                    shown,
                    1,
                    1,
                    english("loader.not_regular", values),
                    key="loader.not_regular",
                    values=values,
                ),
            ),
        )
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "invalid name"
        return _failure(shown, "loader.unreadable", (("reason", reason.lower()),))
    return read_bank_data(data, path, shown_as=shown, max_bytes=max_bytes)


def read_bank_data(
    data: bytes, path: str | Path, *, shown_as: str | None = None, max_bytes: int = MAX_BANK_BYTES
) -> Report:
    """Check the bytes of a bank file read by the caller (the bank cache hashes what it parses)."""
    shown = visible(shown_as or str(path))
    if len(data) > max_bytes:
        return _failure(
            shown, "loader.file_too_large", (("size", str(max_bytes // (1024 * 1024))),)
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
        return Report(
            shown,
            None,
            (
                Problem(
                    shown,
                    line,
                    column,
                    english("loader.not_utf8", (("byte", f"{data[exc.start]:02x}"),)),
                    key="loader.not_utf8",
                    values=(("byte", f"{data[exc.start]:02x}"),),
                ),
            ),
        )
    report = parse_bank(text, shown, base=Path(path).parent)
    if report.bank is None:
        return report
    # Messages name the file as the user typed it; the bank keeps where it really is.
    located = replace(report.bank, path=str(Path(path).resolve()))
    return Report(report.path, located, report.problems)


def parse_bank(text: str, path: str = "<string>", *, base: Path | None = None) -> Report:
    """Check a bank given as text. ``base`` is the folder that relative paths start from."""
    bank_like = _BANK_LIKE.search(text) is not None
    problems: list[Problem] = [
        Problem(path, n + 1, 1, "text after ` #` is a comment", Severity.WARNING, h.key, h.values)
        for n, h in (comment_warnings(text) if bank_like else [])
    ]
    # Not a bank (a .env file, some other YAML): no hint quotes its lines.
    root = compose(text, path, problems, max_nodes=MAX_NODES, quote_lines=bank_like)
    if root is None:
        if not problems:
            message = english("loader.empty_file", ())
            problems.append(Problem(path, 1, 1, message, key="loader.empty_file"))
        return Report(path, None, tuple(problems))
    if any(p.kind is ProblemKind.REFUSED for p in problems):
        # Aliases or tags were refused: converting the rest would only add noise.
        # (Duplicate keys do not stop the check: the rest is still worth reporting.)
        return Report(path, None, tuple(problems))
    converter = BankConverter(path, base, problems)
    bank = converter.bank(root)
    has_errors = any(p.severity is Severity.ERROR for p in problems)
    ordered = _at_most(sorted(problems, key=lambda p: (p.line, p.column)), MAX_PROBLEMS)
    return Report(path, None if has_errors else bank, ordered)


# A bank says `newsquiz:` at the start of a line; a file that never does is not
# one, and is not quoted in messages (it may hold secrets).
_BANK_LIKE = re.compile(r"^\ufeff?newsquiz[ \t]*:", re.MULTILINE)


def _at_most(problems: list[Problem], limit: int) -> tuple[Problem, ...]:
    """The first ``limit`` problems, then one line counting the other errors and one
    counting the other warnings: at most ``limit + 2`` lines, whose totals are true."""
    if len(problems) <= limit:
        return tuple(problems)
    kept = problems[:limit]
    last = problems[limit - 1]
    for severity, key in COUNT_KEYS.items():
        rest = [p for p in problems[limit:] if p.severity is severity]
        if rest:
            values = (("count", str(len(rest))),)
            message = english(key, values)
            kept.append(
                Problem(
                    last.path,
                    last.line,
                    last.column,
                    message,
                    severity,
                    key,
                    values,
                    stands_for=len(rest),
                )
            )
    return tuple(kept)


# The keys of the lines that stand for the problems past the limit, by severity.
COUNT_KEYS = {Severity.ERROR: "loader.more_errors", Severity.WARNING: "loader.more_warnings"}


def _failure(path: str, key: str, values: tuple[tuple[str, str], ...]) -> Report:
    problem = Problem(path, 1, 1, english(key, values), key=key, values=values)
    return Report(path, None, (problem,))
