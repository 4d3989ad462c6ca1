"""`newsquiz review [BANK...]`: the questions due, across the banks played."""

from __future__ import annotations

from newsquiz.argument_types import MAX_COUNT, whole_number
from newsquiz.commands.arguments import Command, option, positional
from newsquiz.commands.banks import load_banks
from newsquiz.commands.quiz import SEED, play_through, quiz_options, quiz_view
from newsquiz.commands.stores import open_store, store_for_reading
from newsquiz.commands.terminal import interface_mode, user_language

TYPE_CHECKING = False

if TYPE_CHECKING:
    import argparse
    import datetime as dt

    from rich.console import Console

    from newsquiz.context import Environment
    from newsquiz.interface.messages import Messages


ARGUMENTS = (
    positional("banks", nargs="*", metavar="BANK", help="help.review.banks"),
    # None when not given: progress.DEFAULT_NEW_PER_DAY, not imported to build the parser.
    option("--new", type=whole_number(0, MAX_COUNT), metavar="N", help="help.review.new"),
    option(
        "--limit",
        type=whole_number(1, MAX_COUNT),
        default=100,
        metavar="N",
        help="help.review.limit",
    ),
    option("--seed", type=SEED, metavar="N", help="help.review.seed"),
    *quiz_options(
        language="help.review.lang", plain="help.review.plain", no_save="help.review.no_save"
    ),
)


def run(args: argparse.Namespace, env: Environment) -> int:
    import random

    from newsquiz.interface.console import make_console
    from newsquiz.interface.messages import Messages
    from newsquiz.interface.play import PlainMessages
    from newsquiz.progress import Recorder, plan_review, review_session
    from newsquiz.status import ExitStatus
    from newsquiz.store import next_due

    plain, color = interface_mode(args, env)
    language = user_language(args, env)
    say = PlainMessages(language) if plain else Messages(language)
    console = make_console(env.stdout, color=color, plain=plain)
    store = open_store(args, env, say)
    saving = store is not None
    if store is None:
        # A review that leaves no trace, or that cannot save, still reads the schedule.
        store = store_for_reading(env, say, warning=None)
    if store is None:
        console.print(say("review.nothing"))
        return ExitStatus.SUCCESS
    with store:
        banks, named = load_banks(args.banks, env, store.played_bank_paths(), say)
        now = env.clock()
        plan = plan_review(store, banks, named, now, new_per_day=args.new, limit=args.limit)
        queue, scope = plan.queue, plan.scope
        language = user_language(args, env, list(plan.banks.values()))
        say = PlainMessages(language) if plain else Messages(language)
        console.french = say.spaced_punctuation
        for changed in queue.changed:
            console.print(
                say("review.changed", prompt=changed.question.prompt or changed.question.id)
            )
        if not queue.due and not queue.new:
            console.print(say("review.nothing"))
            _say_next(console, say, next_due(store, now, scope), now)
            return ExitStatus.SUCCESS
        rng = random.Random(args.seed) if args.seed is not None else env.rng
        session = review_session(queue, say("review.title"), language, rng, now)
        recorder = Recorder(store) if saving else None
        view = quiz_view(console, say, env, plain=plain, recorder=recorder)
        console.print(say("review.queue", due=len(queue.due), new=len(queue.new)))
        if plan.waiting > len(queue.due) + len(queue.changed):
            console.print(say("review.more_due", count=plan.waiting))
        try:
            play_through(view, session, recorder, env)
        finally:
            from functools import partial

            from newsquiz.pending import read_or

            end = env.clock()
            # The store may have become unreadable during the review (see pending.py).
            _say_next(console, say, read_or(None, partial(next_due, store, end, scope)), end)
        return ExitStatus.SUCCESS


def _say_next(
    console: Console, say: Messages, upcoming: tuple[dt.datetime, int] | None, now: dt.datetime
) -> None:
    import datetime as dt

    if upcoming is None:
        console.print(say("review.none_scheduled"))
        return
    moment, count = upcoming
    today = now.astimezone().date()
    if moment.date() == today:
        console.print(say("review.next_today", count=count, time=moment.strftime("%H:%M")))
    elif moment.date() == today + dt.timedelta(days=1):
        console.print(say("review.next_tomorrow", count=count))
    else:
        day = moment.date()
        console.print(
            say("review.next_on", count=count, date=say.date(day.year, day.month, day.day))
        )


COMMANDS = (Command("review", ARGUMENTS, run),)
