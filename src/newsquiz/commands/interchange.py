"""`newsquiz import` and `newsquiz export`: parse, call the interchange library, report.

Notices (questions skipped or changed) go to standard error, through the
message catalogue; the file goes to ``-o FILE`` (written atomically, never over
an existing file without ``--force``) or to standard output.

Notices and errors speak the user's language, as `check` does: ``--lang``, else
the locale. The bank's language (``--language`` on import, the bank's own on
export) is what the file is written in, never what the user is told in.
"""

from __future__ import annotations

from newsquiz.commands.arguments import Command, option, positional, switch
from newsquiz.interchange.exporting import EXPORT_FORMATS
from newsquiz.locales import CODES as LANGUAGE_CODES

TYPE_CHECKING = False

if TYPE_CHECKING:
    import argparse
    from pathlib import Path

    from newsquiz.context import Environment
    from newsquiz.interchange.notices import Notice
    from newsquiz.interface.messages import Messages
    from newsquiz.model import Bank


IMPORT_ARGUMENTS = (
    positional("file", metavar="FILE", help="help.interchange.file"),
    option("-o", "--output", metavar="BANK.yaml", help="help.interchange.o"),
    option("--format", choices=("gift", "aiken"), help="help.interchange.format"),
    option("--id", metavar="ID", help="help.interchange.id"),
    option("--language", choices=LANGUAGE_CODES, help="help.interchange.language"),
    switch("--force", help="help.interchange.force"),
    option("--lang", choices=LANGUAGE_CODES, help="help.interchange.lang"),
)


EXPORT_ARGUMENTS = (
    positional("bank", metavar="BANK", help="help.interchange.bank"),
    option("--to", required=True, choices=EXPORT_FORMATS, help="help.interchange.to"),
    option("-o", "--output", metavar="FILE", help="help.interchange.o_2"),
    switch("--force", help="help.interchange.force"),
    option("--lang", choices=LANGUAGE_CODES, help="help.interchange.lang"),
)


def _say(requested: str | None, env: Environment) -> Messages:
    """The user's language: --lang, else the locale (never the bank's)."""
    from newsquiz.commands.terminal import teacher_language
    from newsquiz.interface.messages import Messages

    return Messages(teacher_language(requested, env.environ))


def _output(name: str | None, env: Environment) -> Path | None:
    from pathlib import Path

    if name is None or name == "-":
        return None
    path = Path(name)
    return path if path.is_absolute() else env.cwd / path


def _notice_line(say: Messages, notice: Notice, path: str) -> str:
    from newsquiz.interchange.plaintext import shown

    what = say("interchange.skipped" if notice.skipped else "interchange.changed")
    values = {name: shown(value) for name, value in notice.values.items()}
    if "weight" in values:
        values["weight"] = say("format.percent", value=say.figure(values["weight"]))
    message = say(f"interchange.{notice.key}", **values)
    question, path = shown(notice.question), shown(path, 200)
    if notice.line and not question:
        # A line that belongs to no question (an Aiken option before any): the
        # message says what was found there; there is no question to name.
        what = say("interchange.skipped_line" if notice.skipped else "interchange.changed_line")
        return say(
            "interchange.at_line_only", path=path, line=notice.line, what=what, message=message
        )
    if notice.line:
        return say(
            "interchange.at_line",
            path=path,
            line=notice.line,
            what=what,
            question=question,
            message=message,
        )
    if question:
        return say("interchange.for_question", what=what, question=question, message=message)
    return say("interchange.at_file", path=path, what=what, message=message)


def _fail(say: Messages, error: Exception, *, usage: bool) -> None:
    from newsquiz.commands.errors import InvalidInput, UsageError
    from newsquiz.interchange.notices import InterchangeError
    from newsquiz.interchange.plaintext import shown

    assert isinstance(error, InterchangeError)
    values = {name: shown(value, 200) for name, value in error.values.items()}
    text = say(f"interchange.{error.key}", **values)
    raise (UsageError if usage else InvalidInput)(text) from None


_USAGE_ERRORS = frozenset(
    {
        "error.no_file",
        "error.is_folder",
        "error.output_is_folder",
        "error.no_folder",
        "error.exists",
        "error.unknown_format",
        "error.bad_id",
        "error.not_regular",
    }
)


def _write(
    data: bytes, output: Path | None, env: Environment, args: argparse.Namespace, file_name: str
) -> None:
    from newsquiz.interchange.output import write_atomically

    if output is None:
        env.stdout.write(data.decode("utf-8"))
        env.stdout.flush()
    else:
        write_atomically(output, data, force=args.force, shown=args.output, file_name=file_name)


def run_import(args: argparse.Namespace, env: Environment) -> int:
    from pathlib import Path

    from newsquiz.interchange.importing import import_text, read_text
    from newsquiz.interchange.notices import InterchangeError
    from newsquiz.interchange.output import check_output
    from newsquiz.status import ExitStatus

    say = _say(args.lang, env)
    source = Path(args.file) if Path(args.file).is_absolute() else env.cwd / args.file
    output = _output(args.output, env)
    try:
        if args.id is not None and not _is_slug(args.id):
            raise InterchangeError("error.bad_id", id=args.id)
        imported_name = source.name.split(".")[0]
        if output is not None:
            check_output(
                output, force=args.force, shown=args.output, file_name=f"{imported_name}.yaml"
            )
        result = import_text(
            read_text(source),
            name=imported_name,
            fmt=args.format,
            bank_id=args.id,
            language=args.language,
        )
        for notice in result.notices:
            env.stderr.write(_notice_line(say, notice, args.file) + "\n")
        if not result.bank.questions:
            raise InterchangeError("error.nothing_imported")
        _write(result.yaml.encode("utf-8"), output, env, args, f"{imported_name}.yaml")
    except InterchangeError as error:
        _fail(say, error, usage=error.key in _USAGE_ERRORS)
    skipped = sum(1 for n in result.notices if n.skipped)
    count = len(result.bank.questions)
    where = args.output if output is not None else say("interchange.stdout")
    env.stderr.write(
        say(
            "interchange.imported",
            count=count,
            question_word=say.word("question", count),
            path=args.file,
            format=result.format.upper(),
            output=where,
            skipped=skipped,
        )
        + "\n"
    )
    return ExitStatus.SUCCESS


def _is_slug(text: str) -> bool:
    import re

    from newsquiz.fields import SLUG_PATTERN

    return re.match(SLUG_PATTERN, text) is not None


def run_export(args: argparse.Namespace, env: Environment) -> int:
    from newsquiz.interchange.exporting import BINARY_FORMATS, EXTENSIONS, export_bank
    from newsquiz.interchange.notices import InterchangeError
    from newsquiz.interchange.output import check_output
    from newsquiz.interface.messages import Messages
    from newsquiz.status import ExitStatus

    say = _say(args.lang, env)
    bank = _bank(args.bank, env, say)
    file_name = f"{bank.id}{EXTENSIONS[args.to]}"
    output = _output(args.output, env)
    try:
        if output is None and args.to in BINARY_FORMATS:
            raise InterchangeError("error.binary_stdout")
        if output is not None:
            check_output(output, force=args.force, shown=args.output, file_name=file_name)
        # The file's own words (an answer key, True/False) are in the bank's language.
        exported = export_bank(bank, args.to, Messages(bank.language), now=env.clock())
        for notice in exported.notices:
            env.stderr.write(_notice_line(say, notice, args.bank) + "\n")
        _write(exported.data, output, env, args, file_name)
    except InterchangeError as error:
        _fail(say, error, usage=error.key in _USAGE_ERRORS | {"error.binary_stdout"})
    if output is not None:
        skipped = sum(1 for n in exported.notices if n.skipped)
        env.stderr.write(
            say(
                "interchange.exported",
                count=exported.count,
                question_word=say.word("question", exported.count),
                bank=bank.id,
                output=args.output,
                format=args.to,
                skipped=skipped,
            )
            + "\n"
        )
    return ExitStatus.SUCCESS


def _bank(reference: str, env: Environment, say: Messages) -> Bank:
    """The bank named by id or path; a usage error if none, invalid input if it is broken."""
    from newsquiz.catalog import BankIsFolder, BankNotFound, bank_folders, resolve_bank
    from newsquiz.commands.errors import InvalidInput, UsageError
    from newsquiz.loader import read_bank

    try:
        path = resolve_bank(reference, bank_folders(env.environ, env.cwd), env.cwd)
    except BankIsFolder:
        raise UsageError(say("interchange.error.is_folder", path=reference)) from None
    except BankNotFound as exc:
        known = ", ".join(exc.known) or "-"
        raise UsageError(say("interchange.error.no_bank", bank=reference, known=known)) from None
    report = read_bank(path, shown_as=reference)
    if report.bank is None:
        from newsquiz.interface.problems import localized

        for problem in report.errors:
            env.stderr.write(f"{localized(problem, say)}\n")
        raise InvalidInput(say("interchange.error.invalid_bank_file", path=reference))
    return report.bank


COMMANDS = (
    Command("import", IMPORT_ARGUMENTS, run_import),
    Command("export", EXPORT_ARGUMENTS, run_export),
)
