"""Problems found in a bank, and the one exception the loader raises."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

TYPE_CHECKING = False
if TYPE_CHECKING:
    from newsquiz.model import Bank


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


class ProblemKind(str, Enum):
    """What a problem means for the rest of the check (never read from its text)."""

    ORDINARY = "ordinary"
    REFUSED = "refused"
    """YAML the loader refuses (aliases, tags, keys that are not text): the tree is
    not converted, since converting the rest would only add noise."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a bank, located so a teacher's editor can jump to it."""

    path: str
    line: int
    column: int
    message: str
    severity: Severity = Severity.ERROR
    # The message's key in the catalogue and its values, so that `check` can say
    # it in the teacher's language ("" for messages not in the catalogue yet).
    key: str = ""
    values: tuple[tuple[str, str], ...] = ()
    kind: ProblemKind = ProblemKind.ORDINARY
    stands_for: int = 1
    """How many problems of its severity this line counts: those past the loader's
    limit for the line that stands for them (see loader.MAX_PROBLEMS), else one."""

    def __str__(self) -> str:
        prefix = "" if self.severity is Severity.ERROR else "warning: "
        return f"{self.path}:{self.line}:{self.column}: {prefix}{self.message}"


class BankError(Exception):
    """A bank could not be loaded; ``problems`` lists every error found at once."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        self.problems = problems
        errors = [p for p in problems if p.severity is Severity.ERROR]
        first = errors[0] if errors else problems[0]
        others = counted(errors)[0] - 1
        more = f" (and {others} more)" if others > 0 else ""
        super().__init__(f"{first}{more}")


@dataclass(frozen=True)
class Report:
    """What reading one bank found: the bank when it loaded, and every problem.

    Defined here rather than in the loader, which re-exports it: a bank read
    from the cache gets its report without loading the loader.
    """

    path: str
    bank: Bank | None
    problems: tuple[Problem, ...]

    @property
    def error_count(self) -> int:
        """How many errors the file has, those past the loader's limit included."""
        return counted(self.problems)[0]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)


def counted(problems: Iterable[Problem]) -> tuple[int, int]:
    """How many errors and warnings ``problems`` stand for, those past the limit included."""
    errors = warnings = 0
    for problem in problems:
        if problem.severity is Severity.ERROR:
            errors += problem.stands_for
        else:
            warnings += problem.stands_for
    return errors, warnings
