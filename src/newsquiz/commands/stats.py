"""`newsquiz stats [BANK]`: answers, accuracy, what is due, the weakest questions."""

from __future__ import annotations

from newsquiz.commands.arguments import Command, positional, switch
from newsquiz.commands.banks import load_banks
from newsquiz.commands.stores import store_for_reading
from newsquiz.commands.terminal import display_options, user_language

TYPE_CHECKING = False

if TYPE_CHECKING:
    import argparse

    from newsquiz.context import Environment


ARGUMENTS = (
    positional("bank", nargs="?", metavar="BANK", help="help.stats.bank"),
    switch("--json", help="help.stats.json"),
    *display_options(language="help.stats.lang", plain="help.stats.plain"),
)


def run(args: argparse.Namespace, env: Environment) -> int:
    from newsquiz.interface.console import make_console
    from newsquiz.interface.messages import Messages
    from newsquiz.interface.play import PlainMessages
    from newsquiz.interface.stats_view import StatsView, index_questions, statistics_json
    from newsquiz.status import ExitStatus
    from newsquiz.store import gather_statistics

    plain = args.plain or not env.stdout_isatty or env.dumb_terminal
    color = not (args.no_color or env.no_color or plain)
    language = user_language(args, env)
    say = PlainMessages(language) if plain else Messages(language)
    store = store_for_reading(env, say, warning="store.unreadable")
    if store is None:
        return ExitStatus.INVALID_INPUT
    with store:
        banks, _ = load_banks([], env, store.played_bank_paths(), say)
        questions = index_questions(list(banks.values()))
        played = sorted(set(store.played_banks()) | set(store.scheduled_banks()))
        at_hand = [banks[b] for b in ([args.bank] if args.bank else played) if b in banks]
        language = user_language(args, env, at_hand)
        say = PlainMessages(language) if plain else Messages(language)
        labels = {tag: label for bank in at_hand for tag, label in bank.tag_labels.items()}
        if args.bank and args.bank not in played:
            env.stderr.write(
                say("stats.unknown_bank", bank=args.bank, known=", ".join(played) or "-") + "\n"
            )
            return ExitStatus.USAGE
        stats = gather_statistics(store, env.clock(), args.bank)
    if args.json:
        env.stdout.write(statistics_json(stats, questions, labels) + "\n")
        return ExitStatus.SUCCESS
    console = make_console(env.stdout, color=color, plain=plain)
    console.french = say.spaced_punctuation
    title = say("stats.title_bank", bank=args.bank) if args.bank else say("stats.title")
    StatsView(console, say, plain=plain, labels=labels).render(stats, questions, title=title)
    return ExitStatus.SUCCESS


COMMANDS = (Command("stats", ARGUMENTS, run),)
