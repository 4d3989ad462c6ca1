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

    from newsquiz.bank_cache import BankCache, BankSummary
    from newsquiz.bank_files import Skipped
    from newsquiz.context import Environment
    from newsquiz.interface.messages import Messages


def check_exam_options(args: argparse.Namespace, say: Messages) -> None:
    """--time and --negative belong to an exam."""
    from newsquiz.commands.errors import UsageError

    if args.time is not None and not args.exam:
        raise UsageError(say("usage.time_needs_exam"))
    if args.negative and not args.exam:
        raise UsageError(say("usage.negative_needs_exam"))


def choose_bank(
    args: argparse.Namespace,
    env: Environment,
    *,
    plain: bool,
    cache: BankCache,
    skipped: list[Skipped],
) -> tuple[Path, bool]:
    """The bank to play and whether as an exam: named, chosen from a menu, or the default."""
    from newsquiz.bank_files import path_kind
    from newsquiz.catalog import BankNotFound, bank_folders, default_bank, locate, survey
    from newsquiz.commands.errors import UsageError
    from newsquiz.interface.language import choose_language
    from newsquiz.interface.messages import Messages
    from newsquiz.visible import visible

    folders = bank_folders(env.environ, env.cwd)
    say = Messages(choose_language(args.lang, (), env.environ))
    if args.bank:
        if path_kind(env.cwd / args.bank) == "folder":
            raise UsageError(say("usage.bank_is_folder", bank=visible(args.bank)))
        try:
            return locate(args.bank, folders, env.cwd, skipped, cache.summary), args.exam
        except BankNotFound as exc:
            known = ", ".join(exc.known) or say("usage.none")
            raise UsageError(say("usage.no_such_bank", bank=args.bank, known=known)) from None
    if plain:
        default = default_bank(folders, skipped, cache.summary)
        if default is None:
            raise UsageError(say("usage.no_bank_found"))
        return default, args.exam
    found = [(f.path, f.summary) for f in survey(folders, skipped, cache.summary) if f.summary]
    if not found:
        raise UsageError(say("usage.no_bank_found"))
    menu = Messages(choose_language(args.lang, (b.language for _, b in found), env.environ))
    return _bank_menu(menu, found, args.exam)


def _bank_menu(
    say: Messages, banks: Sequence[tuple[Path, BankSummary]], exam: bool
) -> tuple[Path, bool]:
    """Which bank, then which mode (unless --exam said it), with arrow keys."""
    from newsquiz.interface.prompting import QuestionaryPrompter
    from newsquiz.interface.typography import for_screen

    def spaced(text: str) -> str:
        return for_screen(text) if say.spaced_punctuation else text

    titles = [
        spaced(
            say(
                "menu.bank_entry",
                title=bank.title,
                id=bank.id,
                count=bank.questions,
                question_word=say.word("question", bank.questions),
            )
        )
        for _, bank in banks
    ]
    chooser = QuestionaryPrompter(say)
    path = banks[chooser.select(spaced(say("menu.bank")), titles)][0]
    if not exam:
        modes = [spaced(say(key)) for key in ("menu.practice", "menu.exam")]
        exam = chooser.select(spaced(say("menu.mode")), modes) == 1
    return path, exam
