"""What `newsquiz play` decides before the first question: the options that go
together, and which bank (a menu when none is named), in the learner's language.

Thin like the rest of the command line: the menus are drawn by the interface.
"""

from __future__ import annotations

TYPE_CHECKING = False

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from pathlib import Path

    from newsquiz.context import Environment
    from newsquiz.interface.messages import Messages
    from newsquiz.model import Bank


def results_path(args: argparse.Namespace, env: Environment, say: Messages) -> Path | None:
    """Where --results writes, once the options are known to go together."""
    from pathlib import Path

    from newsquiz.cli import UsageError

    if args.time is not None and not args.exam:
        raise UsageError(say("usage.time_needs_exam"))
    if args.negative and not args.exam:
        raise UsageError(say("usage.negative_needs_exam"))
    if not args.results:
        return None
    path = Path(args.results)
    if not path.is_absolute():
        path = env.cwd / path
    if not path.parent.is_dir():
        raise UsageError(say("usage.results_no_folder", path=args.results))
    if path.is_dir():
        raise UsageError(say("usage.results_is_folder", path=args.results))
    return path


def choose_bank(args: argparse.Namespace, env: Environment, *, plain: bool) -> tuple[Path, bool]:
    """The bank to play and whether as an exam: named, chosen from a menu, or the default."""
    from newsquiz.catalog import BankNotFound, bank_folders, default_bank, discover, locate
    from newsquiz.cli import UsageError
    from newsquiz.interface.language import choose_language
    from newsquiz.interface.messages import Messages

    folders = bank_folders(env.environ, env.cwd)
    say = Messages(choose_language(args.lang, (), env.environ))
    if args.bank:
        if (env.cwd / args.bank).is_dir():
            raise UsageError(say("usage.bank_is_folder", bank=args.bank))
        try:
            return locate(args.bank, folders, env.cwd), args.exam
        except BankNotFound as exc:
            known = ", ".join(exc.known) or say("usage.none")
            raise UsageError(say("usage.no_such_bank", bank=args.bank, known=known)) from None
    if plain:
        default = default_bank(folders)
        if default is None:
            raise UsageError(say("usage.no_bank_found"))
        return default, args.exam
    loaded = [(f.path, f.report.bank) for f in discover(folders) if f.report.bank is not None]
    if not loaded:
        raise UsageError(say("usage.no_bank_found"))
    menu = Messages(choose_language(args.lang, (b.language for _, b in loaded), env.environ))
    return _bank_menu(menu, loaded, args.exam)


def _bank_menu(say: Messages, banks: Sequence[tuple[Path, Bank]], exam: bool) -> tuple[Path, bool]:
    """Which bank, then which mode (unless --exam said it), with arrow keys."""
    from newsquiz.interface.prompting import QuestionaryPrompter
    from newsquiz.interface.typography import for_screen

    def entry(bank: Bank) -> str:
        count = len(bank.questions)
        return say(
            "menu.bank_entry",
            title=bank.title,
            id=bank.id,
            count=count,
            question_word=say.word("question", count),
        )

    def spaced(text: str) -> str:
        return for_screen(text) if say.language == "fr" else text

    chooser = QuestionaryPrompter(say)
    titles = [spaced(entry(bank)) for _, bank in banks]
    path = banks[chooser.select(spaced(say("menu.bank")), titles)][0]
    if not exam:
        modes = [spaced(say(key)) for key in ("menu.practice", "menu.exam")]
        exam = chooser.select(spaced(say("menu.mode")), modes) == 1
    return path, exam
