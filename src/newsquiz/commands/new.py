"""`newsquiz new [ARTICLE]`: a draft bank from an article, or a starting bank (--template)."""

from __future__ import annotations

from newsquiz.commands.arguments import Command, option, positional, switch
from newsquiz.commands.terminal import teacher_language
from newsquiz.locales import CODES as LANGUAGE_CODES

TYPE_CHECKING = False

if TYPE_CHECKING:
    import argparse
    from pathlib import Path

    from newsquiz.context import Environment

MAX_ARTICLE_BYTES = 4 * 1024 * 1024
TEMPLATE_QUESTIONS = 9


ARGUMENTS = (
    positional("article", nargs="?", metavar="ARTICLE", help="help.new.article"),
    option("-o", "--output", metavar="BANK.yaml", help="help.new.o"),
    option("--language", choices=LANGUAGE_CODES, help="help.new.language"),
    switch("--template", help="help.new.template"),
    switch("--force", help="help.new.force"),
    option("--lang", choices=LANGUAGE_CODES, help="help.new.lang"),
)


def run(args: argparse.Namespace, env: Environment) -> int:

    from newsquiz.commands.errors import InvalidInput, UsageError
    from newsquiz.drafting.output import FileExists, NotAFile, write_new
    from newsquiz.interface.messages import Messages
    from newsquiz.shown_path import shown_path
    from newsquiz.status import ExitStatus

    say = Messages(teacher_language(args.lang, env.environ))
    if args.template:
        if args.article:
            raise UsageError(say("new.template_and_article"))
        text, count = _template(args, say.language), TEMPLATE_QUESTIONS
    elif not args.article:
        raise UsageError(say("new.needs_article"))
    output = _output_path(args, env)
    _check_output(args, env, output, say)
    if not args.template:
        text, count = _drafted(args, env, output, say)
    try:
        write_new(output, text, force=args.force)
    except FileExists:
        raise UsageError(say("new.exists", path=shown_path(output, env.cwd))) from None
    except NotAFile:  # it became a folder or a pipe since it was checked
        raise UsageError(say("new.not_regular", path=shown_path(output, env.cwd))) from None
    except OSError as exc:
        raise InvalidInput(
            say("new.cannot_write", path=shown_path(output, env.cwd), reason=exc.strerror or exc)
        ) from None
    key = "new.template_written" if args.template else "new.written"
    env.stdout.write(say(key, path=shown_path(output, env.cwd), count=count) + "\n")
    return ExitStatus.SUCCESS


def _template(args: argparse.Namespace, spoken: str) -> str:
    """The starting bank in --language, else in the language the command speaks
    (--lang, else the locale's): under LANG=fr_FR.UTF-8 it is the French one."""
    from newsquiz.drafting.template import TEMPLATES

    return TEMPLATES[args.language or spoken]


def _default_name(args: argparse.Namespace) -> Path:
    from pathlib import Path

    if args.template:
        return Path("my-bank.yaml")
    return Path(Path(args.article).name).with_suffix(".yaml")


def _output_path(args: argparse.Namespace, env: Environment) -> Path:
    from pathlib import Path

    if args.output:
        path = Path(args.output)
    elif args.template:
        path = _default_name(args)
    else:
        path = Path(args.article).with_suffix(".yaml")
    return path if path.is_absolute() else env.cwd / path


def _check_output(args: argparse.Namespace, env: Environment, output: Path, say: object) -> None:
    """Refuse a folder, a device or a pipe first (even with --force), then a missing folder,
    then an existing file without --force: the real problem is said first."""
    import os

    from newsquiz.atomic_write import OutputRefusal, output_refusal
    from newsquiz.commands.errors import UsageError
    from newsquiz.shown_path import shown_path

    assert callable(say)
    shown = args.output or shown_path(output, env.cwd)
    refusal = output_refusal(output, shown, force=args.force)
    if refusal is OutputRefusal.FOLDER:
        example = os.path.join(shown, str(_default_name(args)))
        raise UsageError(say("new.output_is_folder", path=shown, example=example))
    if refusal is OutputRefusal.NOT_REGULAR:
        raise UsageError(say("new.not_regular", path=shown))
    if refusal is OutputRefusal.NO_FOLDER:
        raise UsageError(say("new.no_folder", path=shown))
    if refusal is OutputRefusal.EXISTS:
        raise UsageError(say("new.exists", path=shown_path(output, env.cwd)))


def _drafted(
    args: argparse.Namespace, env: Environment, output: Path, say: object
) -> tuple[str, int]:
    import os
    from pathlib import Path

    from newsquiz.commands.errors import InvalidInput, UsageError
    from newsquiz.drafting.assemble import draft_bank

    assert callable(say)
    article = Path(args.article)
    article = article if article.is_absolute() else env.cwd / article
    from newsquiz.bank_files import NotRegularFile, read_regular

    try:
        # A regular file only: a named pipe would wait for a writer forever.
        data = read_regular(article, MAX_ARTICLE_BYTES)
    except (FileNotFoundError, IsADirectoryError):
        raise UsageError(say("new.no_article", path=args.article)) from None
    except NotRegularFile as exc:
        raise InvalidInput(say("new.unreadable", path=args.article, reason=exc.what)) from None
    except OSError as exc:
        raise InvalidInput(
            say("new.unreadable", path=args.article, reason=exc.strerror or exc)
        ) from None
    if len(data) > MAX_ARTICLE_BYTES:
        raise InvalidInput(
            say("new.too_large", path=args.article, size=MAX_ARTICLE_BYTES // (1024 * 1024))
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(say("new.not_text", path=args.article)) from None
    try:
        relative = os.path.relpath(article, output.parent)
    except ValueError:  # another drive, on Windows
        relative = article.name
    name = article.name.rsplit(".", 1)[0] if "." in article.name else article.name
    drafted = draft_bank(
        text, name=name, source_file=relative.replace(os.sep, "/"), language=args.language
    )
    if drafted.count == 0:
        raise InvalidInput(say("new.nothing", path=args.article))
    return drafted.text, drafted.count


COMMANDS = (Command("new", ARGUMENTS, run),)
